package org.forwardonly.scan.run;

import org.forwardonly.scan.metrics.SummaryMetrics;
import org.forwardonly.scan.spec.ScanSpec;

/** The runner a spec's {@code run} key asks for, built on the project's engines. */
public final class EngineRunners {

    private EngineRunners() {}

    /**
     * ode → {@link OdeRunner}, sim → {@link SimRunner}, both → {@link BothRunner} (its ODE row the mean over the
     * simulated seeds' starts).
     */
    public static PointRunner forSpec(ScanSpec spec) {
        SummaryMetrics metrics = SummaryMetrics.of(spec);
        return switch (spec.run()) {
            case ODE -> new OdeRunner(metrics);
            case SIM -> new SimRunner(metrics);
            case BOTH -> new BothRunner(new OdeRunner(metrics, true), new SimRunner(metrics));
        };
    }
}
