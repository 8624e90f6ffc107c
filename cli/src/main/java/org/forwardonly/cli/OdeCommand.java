package org.forwardonly.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Continuation;
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
import java.nio.file.Files;
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "Experiment config: JSON, or YAML (.yaml, .yml); - reads it from standard input. Keys: docs/config.md.")
    String config;

    @CommandLine.Mixin
    ConfigInput input;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (created if absent; metrics.csv and config.json are overwritten). Default: runs/COMMAND-YYYYMMDD-HHMMSS (UTC), printed at the end.")
    Path out;

    @Option(names = "--from", paramLabel = "DIR0",
            description = "Continue the run in DIR0 (an earlier ode --out) from the last row of DIR0/metrics.csv, with "
                    + "DIR0/config.json's config changed by --set (rule, K, M fixed), e.g. --from runs/a --set tMax=200. "
                    + "Writes the row at that time, then the config's output times after it. Give no CONFIG with --from.")
    Path from;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    boolean noProgress;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the closed-form right-hand side (its I4 sums). Results do not depend on it. "
                    + "Default: 2 (at most the cores) for bp/fa/afa with erf and K >= " + Experiments.SPLIT_FROM_K
                    + ", else 1. The quadrature engine ignores it.")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The config object of an earlier run's config.json. */
    private static ObjectNode earlierConfig(Path dir) {
        Path file = dir.resolve("config.json");
        JsonNode root;
        try {
            root = ConfigParser.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new ConfigException("option '--from': cannot read " + file + " (an output directory of pepita ode?): "
                    + e.getMessage().replace('\n', ' '));
        }
        if (root == null || !root.path("config").isObject()) {
            throw new ConfigException("option '--from': " + file + " has no 'config' object (an output directory of pepita ode?)");
        }
        return (ObjectNode) root.get("config");
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig cfg;
        OrderParameters init;
        OrderParameterDynamics dynamics;
        double[] times; // integrator times, from 0
        double[] outTimes; // the times written: times, or with --from shifted by its t0
        String fromNote = null;
        try {
            if (threads != null && threads < 1) {
                throw new ConfigException("option '--threads': must be >= 1 (got " + threads + ")");
            }
            if ((config == null) == (from == null)) {
                throw new ConfigException(config == null ? "missing CONFIG (a config file, or - for standard input; or --from DIR0)"
                        : "give either CONFIG or --from DIR0, not both (--from takes DIR0/config.json; change keys with --set)");
            }
            if (out == null) out = RunDirectory.defaultOut("ode");
            ExperimentConfig earlier = null;
            Trajectory earlierMetrics = null;
            if (from != null) {
                ObjectNode earlierTree = earlierConfig(from);
                earlier = ConfigParser.parse(earlierTree);
                cfg = ConfigParser.parse(input.apply(earlierTree.deepCopy()));
                Continuation.check(earlier, cfg);
                try {
                    earlierMetrics = TrajectoryCsv.read(from.resolve("metrics.csv"));
                } catch (IOException e) {
                    throw new ConfigException("option '--from': cannot read " + from.resolve("metrics.csv") + ": " + e.getMessage());
                }
            } else {
                cfg = input.config(config);
            }
            Experiments.checkSupported(cfg);
            init = earlier != null ? Experiments.initialConditions(earlier, earlier.seed())
                    : Experiments.initialConditions(cfg, cfg.seed());
            RunDirectory.check(out);
            int t = threads != null ? threads : Experiments.defaultThreads(cfg, Runtime.getRuntime().availableProcessors());
            dynamics = Experiments.dynamics(cfg, init, t); // also validates the joint covariance of init
            if (earlier != null) {
                Continuation c;
                try {
                    c = Continuation.of(earlier, earlierMetrics, cfg, dynamics.layout());
                } catch (ConfigException e) {
                    dynamics.close();
                    throw e;
                }
                init = c.start();
                times = c.shiftedTimes();
                outTimes = c.times();
                fromNote = from.toString();
            } else {
                times = SampleTimes.of(cfg);
                outTimes = times;
            }
        } catch (ConfigException e) {
            err.println("pepita ode: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }

        // --threads changes no output, so config.json does not record it (byte-identical for any T)
        List<String> commandLine = RunDirectory.withoutOption(RunDirectory.commandLine(spec), "--threads");
        OdeResult result;
        final String continued = fromNote;
        final double t0 = outTimes[0] - times[0];
        try (dynamics) {
            RunDirectory dir = RunDirectory.create(out);
            dir.writeConfig(cfg, new long[] {cfg.seed()}, commandLine, json -> {
                if (continued != null) {
                    json.put("from", continued);
                    json.put("fromTime", t0);
                }
            });
            ProgressBar bar = new ProgressBar("ode", times[times.length - 1], err,
                    ProgressBar.consoleAttached());
            try (TrajectoryCsv.Appender csv = new TrajectoryCsv.Appender(dir.resolve("metrics.csv"),
                    Experiments.columns(dynamics.layout()))) {
                result = Experiments.integrate(cfg, dynamics, init, times, new IntegrationObserver() {
                    private int sample;

                    @Override
                    public void onSample(double t, double[] row) {
                        // the i-th sample is at outTimes[i] exactly (t + t0 could round differently)
                        csv.append(outTimes[sample++], row);
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
                    result.divergenceTime() + t0, result.reason(), out, tr.size(), lastT + t0));
            err.flush();
            return PepitaCommand.EXIT_DIVERGED;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "pepita ode: %d samples to t = %s, final eps_g = %s (%d RHS evaluations) in %s",
                tr.size(), outTimes[tr.size() - 1], tr.rows()[tr.size() - 1][0], result.evaluations(), out));
        stdout.flush();
        return 0;
    }
}
