package org.forwardonly.scan.run;

import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.metrics.SummaryMetrics;
import org.forwardonly.scan.metrics.TrajectoryCurve;
import org.forwardonly.simulation.measure.SeedStatistics;
import org.forwardonly.simulation.training.DivergedException;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.simulation.training.SimulationLimits;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * A scan point run as a finite-N simulation ({@link Simulation}, the config's {@code seeds}
 * seeds from {@code seed}, averaged as {@code pepita simulate} does), one thread per point:
 * the scan's executor parallelises over points. A diverged seed makes the point's row diverged.
 */
public final class SimRunner implements PointRunner {
    private static final long serialVersionUID = 1L;
    private final SummaryMetrics metrics;

    /** @param metrics how to summarise the ε_g curve */
    public SimRunner(SummaryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void check(ExperimentConfig config) {
        SimulationLimits.check(config, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
    }

    @Override
    public List<PointSummary> run(ExperimentConfig config) {
        return run(config, (engine, trajectory) -> { });
    }

    /** Keeps the seed means and their standard errors (the columns of simulate's metrics.csv); a diverged run keeps none. */
    @Override
    public List<PointSummary> run(ExperimentConfig config, Keep keep) {
        try {
            Simulation.Result result = Simulation.run(config, SampleTimes.of(config), 1, null, (done, all) -> { });
            List<Trajectory> seeds = new ArrayList<>();
            for (SeedRun.Result r : result.seeds()) seeds.add(r.trajectory());
            keep.trajectory("sim", SeedStatistics.ensemble(seeds));
            return List.of(summarize(config, result));
        } catch (DivergedException e) {
            return List.of(diverged());
        }
    }

    /** The row of a simulation made elsewhere (e.g. by the figure engines): its seed means summarised, with ε_g's standard error. */
    public PointSummary summarize(ExperimentConfig config, Simulation.Result result) {
        List<Trajectory> seeds = new ArrayList<>();
        for (SeedRun.Result r : result.seeds()) seeds.add(r.trajectory());
        return metrics.summarize("sim", TrajectoryCurve.simulation(config, SeedStatistics.ensemble(seeds)));
    }

    /** The row of a simulation that diverged (it throws, so there is no curve: everything but the flag is missing). */
    public static PointSummary diverged() {
        return new PointSummary("sim", null, null, null, null, null, null, null, true, Double.NaN);
    }
}
