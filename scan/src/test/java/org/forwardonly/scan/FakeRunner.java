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
    private final int stallAfter;
    /** Points started in this JVM (for {@link #FakeRunner(long, int)}). */
    private static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

    /** @param sleepMillis time each point takes */
    public FakeRunner(long sleepMillis) {
        this(sleepMillis, Integer.MAX_VALUE);
    }

    /**
     * @param sleepMillis time each point takes
     * @param stallAfter points after the first {@code stallAfter} started in this JVM never finish (until the
     *                   process is killed), so a kill test knows exactly how many points were stored
     */
    public FakeRunner(long sleepMillis, int stallAfter) {
        this.sleepMillis = sleepMillis;
        this.stallAfter = stallAfter;
    }

    @Override
    public List<PointSummary> run(ExperimentConfig c) {
        try {
            if (STARTED.incrementAndGet() > stallAfter) Thread.sleep(Long.MAX_VALUE);
            Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (c.eta() > 3) return List.of(new PointSummary("ode", null, null, null, null, null, null, null, true, 1.5 / c.eta()));
        double eps = 0.01 + c.sigmaF() / (1 + c.eta()) + 1e-3 * c.seed();
        return List.of(new PointSummary("ode", eps, null, 10 / c.eta(), c.eta() > 1 ? null : 1.0, c.eta() > 1 ? null : 20 * c.sigmaF(),
                eps * 3, Math.cos(c.eta() * c.sigmaF()), false, c.tMax()));
    }
}
