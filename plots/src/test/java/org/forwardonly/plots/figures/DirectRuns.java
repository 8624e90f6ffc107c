package org.forwardonly.plots.figures;

import org.forwardonly.simulation.mirroring.WeightMirroring;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The engines run directly on a figure's configs, without the figure code (FigureEngines, Columns,
 * TheoryComparison): what the figures' tables must hold.
 */
final class DirectRuns {
    private DirectRuns() {}

    /** Simulates every seed of {@code c} on one thread (results do not depend on the thread count). */
    static Simulation.Result simulate(ExperimentConfig c) {
        return Simulation.run(c, SampleTimes.of(c), 1, WeightMirroring.perSeed(c), (done, total) -> { });
    }

    /** The seed mean of a simulated column at every recorded time. */
    static double[] seedMean(Simulation.Result r, String column) {
        double[] mean = new double[r.times().length];
        for (SeedRun.Result s : r.seeds()) {
            Trajectory tr = s.trajectory();
            for (int i = 0; i < mean.length; i++) mean[i] += tr.rows()[i][tr.indexOf(column)] / r.seeds().size();
        }
        return mean;
    }

    /**
     * The ODE of {@code c} integrated from each seed's own draw (not from the simulation), one trajectory per seed,
     * sampled where the simulation recorded: step round(t·N), t' = round(t·N)/N (as compare does, docs/simulation.md).
     * Rows follow {@code times} (a repeated time repeats its row).
     */
    static List<Trajectory> odeFromEachSeedsDraw(ExperimentConfig c, double[] times) {
        double[] recorded = new double[times.length];
        for (int i = 0; i < times.length; i++) recorded[i] = (double) Math.round(times[i] * c.N()) / c.N();
        double[] at = Arrays.stream(recorded).distinct().toArray();
        List<Trajectory> out = new java.util.ArrayList<>();
        for (int s = 0; s < c.seeds(); s++) {
            Trajectory tr = Experiments.integrate(c, Experiments.initialConditions(c, c.seed() + s), at, IntegrationObserver.NONE)
                    .trajectory();
            double[][] rows = new double[times.length][];
            for (int i = 0; i < times.length; i++) rows[i] = tr.rows()[Arrays.binarySearch(at, recorded[i])];
            out.add(new Trajectory(recorded, tr.columns(), rows));
        }
        return out;
    }

    /** The seed mean of {@code f} applied to each row of each seed's trajectory. */
    static double[] mean(List<Trajectory> perSeed, ToDoubleFunction<double[]> f) {
        int rows = perSeed.get(0).rows().length;
        double[] mean = new double[rows];
        for (Trajectory tr : perSeed) for (int i = 0; i < rows; i++) mean[i] += f.applyAsDouble(tr.rows()[i]) / perSeed.size();
        return mean;
    }

    /** The seed mean of an ODE column. */
    static double[] mean(List<Trajectory> perSeed, String column) {
        int k = perSeed.get(0).indexOf(column);
        return mean(perSeed, row -> row[k]);
    }

    /** max_i |a_i − b_i|. */
    static double maxGap(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
