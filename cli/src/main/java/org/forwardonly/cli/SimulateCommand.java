package org.forwardonly.cli;

import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code pepita simulate CONFIG --out DIR}: finite-N simulations of the config's experiment
 * (seeds {@code seed, seed+1, …} in parallel), written as DIR/metrics.csv (seed means, then
 * standard errors {@code <col>_se}, at the ODE's output times) and DIR/config.json
 * (docs/simulation.md). Exit codes: 0 done, 2 bad input, 3 diverged (nothing written for either).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Train finite-N networks online (seeds seed, seed+1, ... in parallel) and write DIR/metrics.csv "
                + "(t, eps_g, Q_k_l, R_k_m, v_k[, c_k, d_m, P], eps_test if testSize > 0, cos_v_feedback as seed "
                + "means, then <col>_se) "
                + "and DIR/config.json; with --per-seed also DIR/per_seed.csv."})
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG",
            description = "Experiment config: JSON, or YAML (.yaml, .yml); - reads it from standard input. Keys: docs/config.md.")
    String configFile;

    @CommandLine.Mixin
    ConfigInput input;

    @CommandLine.Mixin
    RunOutput output;

    /** The output directory: --out, or its default, fixed at the start of {@link #call}. */
    private Path out;

    @CommandLine.Mixin
    SimulationRuns runs;


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig config;
        double[] times;
        try {
            out = output.dir("simulate");
            config = runs.readConfig(input.config(configFile));
            times = SampleTimes.of(config);
            output.checked("simulate", "config.json", "metrics.csv", SimulationRuns.PER_SEED_FILE);
        } catch (ConfigException e) {
            err.println("pepita simulate: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        long start = System.nanoTime();
        Simulation.Result result = runs.run(config, times, err, "simulate");
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (result == null) return PepitaCommand.EXIT_DIVERGED;
        Trajectory table = SimulationRuns.table(result);
        try (RunDirectory dir = RunDirectory.create(out)) {
            TrajectoryCsv.write(table, dir.resolve("metrics.csv"));
            runs.writePerSeed(result, dir);
            dir.writeConfig(config, SimulationRuns.seeds(config), RunDirectory.commandLine(spec));
            dir.commit();
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("pepita simulate: cannot write to " + out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        int last = table.size() - 1;
        PrintWriter stdout = spec.commandLine().getOut();
        long steps = config.seeds() * SeedRun.stepsOf(table.times()[last], config.N());
        int workers = Math.min(runs.threads, config.seeds());
        String test = table.columns().contains("eps_test")
                ? ", eps_test = " + table.rows()[last][table.indexOf("eps_test")] : "";
        stdout.println(String.format(Locale.ROOT, "pepita simulate: %d seeds, N = %d, %d samples to t = %s, final eps_g = %s"
                        + " ± %s%s in %s", config.seeds(), config.N(), table.size(), table.times()[last],
                table.rows()[last][0], table.rows()[last][table.indexOf("eps_g_se")], test, out));
        stdout.println(String.format(Locale.ROOT, "pepita simulate: %d minibatch steps in %.1f s on %d threads:"
                        + " %.1f us per step per thread (recording and test samples included)", steps, seconds, workers,
                seconds * 1e6 * workers / Math.max(1, steps)));
        stdout.flush();
        return 0;
    }
}
