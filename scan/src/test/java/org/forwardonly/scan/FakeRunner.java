package org.forwardonly.scan;

import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.List;

/**
 * A deterministic stand-in for the engines: the row is a closed-form function of (eta, sigmaF,
 * seed), a point with eta > 3 "diverges", and each call sleeps so that scans take visible time.
 */
public final class FakeRunner implements PointRunner {
    private static final long serialVersionUID = 1L;
    private final long sleepMillis;

    /** @param sleepMillis time each point takes */
    public FakeRunner(long sleepMillis) {
        this.sleepMillis = sleepMillis;
    }

    @Override
    public List<PointSummary> run(ExperimentConfig c) {
        try {
            Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (c.eta() > 3) return List.of(new PointSummary("ode", null, null, null, null, null, null, true, 1.5 / c.eta()));
        double eps = 0.01 + c.sigmaF() / (1 + c.eta()) + 1e-3 * c.seed();
        return List.of(new PointSummary("ode", eps, 10 / c.eta(), c.eta() > 1 ? null : 1.0, c.eta() > 1 ? null : 20 * c.sigmaF(),
                eps * 3, Math.cos(c.eta() * c.sigmaF()), false, c.tMax()));
    }
}
