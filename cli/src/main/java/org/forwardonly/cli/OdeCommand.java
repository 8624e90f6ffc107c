package org.forwardonly.cli;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.OrderParameterDynamics;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code pepita ode CONFIG --out DIR}: integrates the order-parameter ODE of a config and
 * writes {@code DIR/metrics.csv} and {@code DIR/config.json} (docs/theory.md).
 * Exit codes: 0 done, 2 bad input (nothing written), 3 diverged (metrics up to then kept).
 */
@Command(name = "ode", mixinStandardHelpOptions = true,
        description = {"Integrate the order-parameter ODE of CONFIG (bp, fa, afa in closed form; pepita, ff, relu and weight "
                + "mirroring on the exact quadrature engine) and write "
                + "DIR/metrics.csv (t, eps_g, Q_k_l, R_k_m, v_k[, c_k, d_m, P]) and DIR/config.json."})
public final class OdeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config: JSON, or YAML (.yaml, .yml); - reads it from standard input. Keys: docs/config.md.")
    String config;

    @CommandLine.Mixin
    ConfigInput input;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (created if absent; metrics.csv and config.json are overwritten). Default: runs/COMMAND-YYYYMMDD-HHMMSS (UTC), printed at the end.")
    Path out;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    boolean noProgress;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the closed-form right-hand side (its I4 sums). Results do not depend on it. "
                    + "Default: 2 (at most the cores) for bp/fa/afa with erf and K >= " + Experiments.SPLIT_FROM_K
                    + ", else 1. The quadrature engine ignores it.")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig cfg;
        OrderParameters init;
        OrderParameterDynamics dynamics;
        double[] times;
        try {
            if (threads != null && threads < 1) {
                throw new ConfigException("option '--threads': must be >= 1 (got " + threads + ")");
            }
            if (out == null) out = RunDirectory.defaultOut("ode");
            cfg = input.config(config);
            Experiments.checkSupported(cfg);
            init = Experiments.initialConditions(cfg, cfg.seed());
            times = SampleTimes.of(cfg);
            RunDirectory.check(out);
            int t = threads != null ? threads : Experiments.defaultThreads(cfg, Runtime.getRuntime().availableProcessors());
            dynamics = Experiments.dynamics(cfg, init, t); // also validates the joint covariance of init
        } catch (ConfigException e) {
            err.println("pepita ode: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }

        // --threads changes no output, so config.json does not record it (byte-identical for any T)
        List<String> commandLine = RunDirectory.withoutOption(RunDirectory.commandLine(spec), "--threads");
        OdeResult result;
        try (dynamics) {
            RunDirectory dir = RunDirectory.create(out);
            dir.writeConfig(cfg, cfg.seed(), commandLine);
            ProgressBar bar = new ProgressBar("ode", times[times.length - 1], err,
                    ProgressBar.consoleAttached());
            try (TrajectoryCsv.Appender csv = new TrajectoryCsv.Appender(dir.resolve("metrics.csv"),
                    Experiments.columns(dynamics.layout()))) {
                result = Experiments.integrate(cfg, dynamics, init, times, new IntegrationObserver() {
                    @Override
                    public void onSample(double t, double[] row) {
                        csv.append(t, row);
                    }

                    @Override
                    public void onProgress(double t) {
                        if (!noProgress) bar.update(t);
                    }
                });
            } finally {
                bar.finish();
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("pepita ode: cannot write to " + out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }

        Trajectory tr = result.trajectory();
        if (result.diverged()) {
            double lastT = tr.size() > 0 ? tr.times()[tr.size() - 1] : Double.NaN;
            err.println(String.format(Locale.ROOT,
                    "pepita ode: diverged at t = %s: %s; %s/metrics.csv keeps the %d samples up to t = %s. "
                            + "Try a smaller eta or etaV, a smaller dt (euler, rk4) or a tighter rtol (dp853).",
                    result.divergenceTime(), result.reason(), out, tr.size(), lastT));
            err.flush();
            return PepitaCommand.EXIT_DIVERGED;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "pepita ode: %d samples to t = %s, final eps_g = %s (%d RHS evaluations) in %s",
                tr.size(), tr.times()[tr.size() - 1], tr.rows()[tr.size() - 1][0], result.evaluations(), out));
        stdout.flush();
        return 0;
    }
}
