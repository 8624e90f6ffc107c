package org.forwardonly.scan.run;

import org.forwardonly.scan.metrics.SummaryMetrics;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;

/** The runner a spec's {@code run} key asks for, built on the project's engines. */
public final class EngineRunners {

    private EngineRunners() {}

    /** ode → {@link OdeRunner}; sim and both need the simulation engine. */
    public static PointRunner forSpec(ScanSpec spec) {
        SummaryMetrics metrics = SummaryMetrics.of(spec);
        return switch (spec.run()) {
            case ODE -> new OdeRunner(metrics);
            case SIM, BOTH -> throw new ScanSpecException("scan spec: key 'run': \"" + spec.run().key()
                    + "\" needs the simulation engine, which is not available yet (use \"ode\")");
        };
    }
}
