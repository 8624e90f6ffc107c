package org.forwardonly.scan.run;

import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.ArrayList;
import java.util.List;

/** The ODE and the simulation of the same point: two rows, ode first. */
public final class BothRunner implements PointRunner {
    private static final long serialVersionUID = 1L;
    private final PointRunner ode;
    private final PointRunner sim;

    /** @param ode the ODE runner @param sim the simulation runner */
    public BothRunner(PointRunner ode, PointRunner sim) {
        this.ode = ode;
        this.sim = sim;
    }

    @Override
    public void check(ExperimentConfig config) {
        ode.check(config);
        sim.check(config);
    }

    @Override
    public List<PointSummary> run(ExperimentConfig config) {
        return run(config, (engine, trajectory) -> { });
    }

    @Override
    public List<PointSummary> run(ExperimentConfig config, Keep keep) {
        List<PointSummary> rows = new ArrayList<>(ode.run(config, keep));
        rows.addAll(sim.run(config, keep));
        return rows;
    }
}
