package org.forwardonly.cli;

import org.forwardonly.simulation.measure.PerSeedCsv;
import org.forwardonly.simulation.measure.SeedStatistics;
import org.forwardonly.simulation.mirroring.WeightMirroring;
import org.forwardonly.simulation.training.DivergedException;
import org.forwardonly.simulation.training.FeedbackUpdate;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.simulation.training.SimulationLimits;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.trajectory.Trajectory;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What the simulate and compare commands share (a picocli mixin): the {@code --threads} and
 * {@code --no-progress} and {@code --per-seed} options, reading and checking a config for simulation, running the
 * seeds with a progress bar, and the seed table.
 */
final class SimulationRuns {
    /** The file {@code --per-seed} writes. */
    static final String PER_SEED_FILE = "per_seed.csv";

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    boolean noProgress;

    @picocli.CommandLine.Mixin
    RunBudget budget;

    @Option(names = "--per-seed", description = "Also write DIR/per_seed.csv: every seed's trajectory in long form "
            + "(seed, t, then the columns of metrics.csv without _se), one row per seed and time.")
    boolean perSeed;

    /** Checks the options and that the config can be simulated here (ConfigException otherwise). */
    ExperimentConfig readConfig(ExperimentConfig config) {
        ThreadCount.check(threads);
        SimulationLimits.check(config, threads, Runtime.getRuntime().maxMemory());
        budget.checkSimulation(config, config.tMax(), threads, 1, "", "key 'tMax'");
        return config;
    }

    /**
     * Runs every seed of {@code config} at {@code times}, with a progress bar on stderr showing
     * the time reached, averaged over seeds. On divergence prints one line for {@code command}
     * and returns null (exit code 3, nothing written).
     */
    Simulation.Result run(ExperimentConfig config, double[] times, PrintWriter err, String command) {
        try {
            return run(config, times, err);
        } catch (DivergedException e) {
            err.println("pepita " + command + ": the simulation diverged: " + e.getMessage()
                    + "; nothing written. Try a smaller eta or etaV.");
            err.flush();
            return null;
        }
    }

    private Simulation.Result run(ExperimentConfig config, double[] times, PrintWriter err) {
        // counted in steps and test samples (SeedRun.work), so the bar moves while a large test set is drawn
        double work = (double) config.seeds() * SeedRun.work(config, times);
        ProgressBar bar = new ProgressBar("simulate", "steps", work, err, ProgressBar.consoleAttached());
        try {
            return Simulation.run(config, times, threads, mirroring(config), (done, all) -> {
                if (!noProgress) {
                    synchronized (bar) { // called from the seeds' worker threads
                        bar.update(done);
                    }
                }
            });
        } finally {
            bar.finish();
        }
    }

    /** Weight mirroring of F per seed (docs/model.md §6) when the config asks for it, else null. */
    static LongFunction<FeedbackUpdate> mirroring(ExperimentConfig config) {
        return WeightMirroring.perSeed(config);
    }

    /** Seed means then standard errors ({@code <col>_se}). */
    static Trajectory table(Simulation.Result result) {
        List<Trajectory> perSeed = new ArrayList<>();
        for (SeedRun.Result r : result.seeds()) perSeed.add(r.trajectory());
        return SeedStatistics.ensemble(perSeed);
    }

    /**
     * Writes {@code per_seed.csv} into {@code dir} when {@code --per-seed} was given, and otherwise
     * removes one left there by an earlier run, so that the directory describes this run only.
     */
    void writePerSeed(Simulation.Result result, RunDirectory dir) throws IOException {
        Path file = dir.resolve(PER_SEED_FILE);
        if (!perSeed) {
            dir.removeAtCommit(PER_SEED_FILE); // staged files are moved in; an earlier run's per_seed.csv must go
            return;
        }
        long[] seeds = new long[result.seeds().size()];
        List<Trajectory> trajectories = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = result.seeds().get(i).seed();
            trajectories.add(result.seeds().get(i).trajectory());
        }
        PerSeedCsv.write(seeds, trajectories, file);
    }

    /** The seeds of a run. */
    static long[] seeds(ExperimentConfig config) {
        long[] s = new long[config.seeds()];
        for (int i = 0; i < s.length; i++) s[i] = config.seed() + i;
        return s;
    }
}
