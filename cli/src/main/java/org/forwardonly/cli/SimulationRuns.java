package org.forwardonly.cli;

import org.forwardonly.simulation.measure.SeedStatistics;
import org.forwardonly.simulation.mirroring.WeightMirroring;
import org.forwardonly.simulation.training.FeedbackUpdate;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.trajectory.Trajectory;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/** What the simulate and compare commands share: running with a progress bar, the seed table, the command line. */
final class SimulationRuns {
    private SimulationRuns() {}

    /**
     * Runs every seed of {@code config} at {@code times}, with a progress bar on stderr showing
     * the time reached, averaged over seeds.
     */
    static Simulation.Result run(ExperimentConfig config, double[] times, int threads, boolean progress,
                                 PrintWriter err) {
        double stepsPerUnitTime = (double) config.N() * config.seeds();
        ProgressBar bar = new ProgressBar("simulate", times[times.length - 1], err, ProgressBar.consoleAttached());
        try {
            return Simulation.run(config, times, threads, mirroring(config), (done, all) -> {
                if (progress) bar.update(done / stepsPerUnitTime);
            });
        } finally {
            bar.finish();
        }
    }

    /** Weight mirroring of F per seed (THEORY.md §6) when the config asks for it, else null. */
    static LongFunction<FeedbackUpdate> mirroring(ExperimentConfig config) {
        return config.mirroring() == null ? null : seed -> WeightMirroring.of(config, seed);
    }

    /** Seed means then standard errors ({@code <col>_se}). */
    static Trajectory table(Simulation.Result result) {
        List<Trajectory> perSeed = new ArrayList<>();
        for (SeedRun.Result r : result.seeds()) perSeed.add(r.trajectory());
        return SeedStatistics.ensemble(perSeed);
    }

    /** The seeds of a run. */
    static long[] seeds(ExperimentConfig config) {
        long[] s = new long[config.seeds()];
        for (int i = 0; i < s.length; i++) s[i] = config.seed() + i;
        return s;
    }

    /** "pepita" and the original arguments (which include the subcommand). */
    static List<String> commandLine(CommandLine.Model.CommandSpec spec) {
        List<String> line = new ArrayList<>();
        line.add("pepita");
        CommandLine root = spec.root().commandLine();
        line.addAll(root.getParseResult() != null ? root.getParseResult().originalArgs()
                : spec.commandLine().getParseResult().originalArgs());
        return line;
    }
}
