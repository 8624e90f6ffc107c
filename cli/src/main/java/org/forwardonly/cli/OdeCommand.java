package org.forwardonly.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.AveragingReport;
import org.forwardonly.theory.ode.Continuation;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.Integrators;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.state.FeedbackColumns;
import org.forwardonly.theory.state.StateLayout;
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
import java.util.function.Consumer;

/**
 * {@code pepita ode CONFIG --out DIR}: integrates the order-parameter ODE of a config and
 * writes {@code DIR/metrics.csv} and {@code DIR/config.json} (docs/theory.md).
 * Exit codes: 0 done, 2 bad input (nothing written), 3 diverged (metrics up to then kept).
 */
@Command(name = "ode", mixinStandardHelpOptions = true,
        description = {"Integrate the order-parameter ODE of CONFIG (bp, fa, afa in closed form; pepita, ff, relu and weight "
                + "mirroring on the exact engine: a tensor Gauss-Hermite grid at small K+M, else scrambled Sobol points with "
                + "an error estimate) and write DIR/metrics.csv (t, eps_g, Q_k_l, R_k_m, v_k[, c_k, d_m, P], cos_v_feedback[, c_norm]) and "
                + "DIR/config.json (with the engine that ran, its estimated error, and the constants T, vStar[, b])."})
public final class OdeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "Experiment config: JSON, or YAML (.yaml, .yml); - reads it from standard input. Keys: docs/config.md.")
    String config;

    @CommandLine.Mixin
    ConfigInput input;

    @CommandLine.Mixin
    RunOutput output;

    /** The output directory: --out, or its default, fixed at the start of {@link #call}. */
    private Path out;


    @Option(names = "--from", paramLabel = "DIR0",
            description = "Continue the run in DIR0 (an earlier ode --out) from the last row of DIR0/metrics.csv, with "
                    + "DIR0/config.json's config changed by --set (rule, K, M fixed), e.g. --from runs/a --set tMax=200. "
                    + "Writes the row at that time, then the config's output times after it. Give no CONFIG with --from.")
    Path from;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    boolean noProgress;

    @picocli.CommandLine.Mixin
    RunBudget budget;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the closed-form right-hand side (its I4 sums). Results do not depend on it. "
                    + "Default: 2 (at most the cores) for bp/fa/afa with erf and K >= " + Experiments.SPLIT_FROM_K
                    + ", and for the exact engine on Sobol points (its replicates run side by side), else 1.")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** config.json's "engine" object: which engine ran and, for the exact engine, how it averaged. */
    static ObjectNode engineNode(ExperimentConfig cfg, OdeResult result) {
        ObjectNode n = ConfigParser.mapper().createObjectNode();
        AveragingReport a = result.averaging();
        if (a == null) return n;
        n.put("method", a.method());
        n.put("points", a.points());
        if ("sobol".equals(a.method())) {
            n.put("samplesPerReplicate", a.samples());
            n.put("replicates", a.replicates());
            n.put("estimatedRelativeErrorEpsG", a.relativeErrorEpsG());
            n.put("largestErrorAtT", a.timeOfLargestError());
            n.put("tolerance", a.tolerance());
            n.put("toleranceMet", a.toleranceMet());
            // each replicate's adaptive integrator and its tolerance (averaging.integrator, averaging.rtol; docs/model.md §8)
            if (Integrators.isAdaptive(cfg.integrator())) {
                double rtol = cfg.averaging().integratorRtol(cfg.rtol());
                n.put("replicateIntegrator", cfg.averaging().replicateIntegrator(rtol));
                n.put("replicateRtol", rtol);
            }
        }
        n.put("rhsEvaluations", result.evaluations());
        return n;
    }

    /** The config object of an earlier run's config.json. */
    private static ObjectNode earlierConfig(Path dir) {
        Path file = dir.resolve("config.json");
        JsonNode root;
        try {
            root = ConfigParser.mapper().readTree(ConfigParser.readText(file, "config"));
        } catch (ConfigException e) {
            throw new ConfigException("option '--from': " + e.getMessage() + " (an output directory of pepita ode?)");
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? ConfigParser.jsonProblem(j) : e.getMessage();
            throw new ConfigException("option '--from': cannot read " + file + " (an output directory of pepita ode?): " + why);
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
        double[] times; // integrator times, from 0
        double[] outTimes; // the times written: times, or with --from shifted by its t0
        String fromNote = null;
        int t;
        try {
            if (threads != null) ThreadCount.check(threads);
            if ((config == null) == (from == null)) {
                throw new ConfigException(config == null ? "missing CONFIG (a config file, or - for standard input; or --from DIR0)"
                        : "give either CONFIG or --from DIR0, not both (--from takes DIR0/config.json; change keys with --set)");
            }
            out = output.dir("ode");
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
            if (earlier != null) {
                // the constants (T, v*, b) of the earlier run, its last row as the start
                Continuation c = Continuation.of(earlier, earlierMetrics, cfg, Experiments.layout(cfg));
                init = c.start();
                times = c.shiftedTimes();
                outTimes = c.times();
                fromNote = from.toString();
            } else {
                init = Experiments.initialConditions(cfg, cfg.seed());
                times = SampleTimes.of(cfg);
                outTimes = times;
            }
            budget.seconds(); // a bad --max-hours is refused before the run
            output.checked("ode", "config.json", "metrics.csv"); // after the config: it locks DIR until the command returns
            t = threads != null ? threads : Experiments.defaultThreads(cfg, Runtime.getRuntime().availableProcessors());
            Experiments.validate(cfg, init); // an engine exists, and the joint covariance of init is valid
            budget.checkOde(cfg, init, times, t); // a fixed-step run past the budget is refused before it starts
        } catch (ConfigException e) {
            err.println("pepita ode: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }

        // --threads changes no output, so config.json does not record it (byte-identical for any T)
        List<String> commandLine = RunDirectory.withoutOption(RunDirectory.commandLine(spec), "--threads");
        final String continued = fromNote;
        final double t0 = outTimes[0] - times[0];
        final OrderParameters constants = init;
        final boolean fixedB = Experiments.layout(cfg).hasB(); // fa's b; other rules carry no b
        Consumer<ObjectNode> fromFields = json -> {
            if (continued != null) {
                json.put("from", continued);
                json.put("fromTime", t0);
            }
            // T and v* (and fa's b) are constant, so not metrics.csv columns: written here (docs/columns.md)
            ObjectNode teacher = json.putObject("constants");
            putArray(teacher, "T", constants.T());
            putArray(teacher, "vStar", constants.vStar());
            if (fixedB) putArray(teacher, "b", constants.b());
        };
        OdeResult result;
        try (RunDirectory dir = RunDirectory.create(out)) {
            dir.writeConfig(cfg, new long[] {cfg.seed()}, commandLine, fromFields, null);
            ProgressBar bar = new ProgressBar("ode", times[times.length - 1], err,
                    ProgressBar.consoleAttached());
            StateLayout layout = Experiments.layout(cfg);
            try (TrajectoryCsv.Appender csv = new TrajectoryCsv.Appender(dir.resolve("metrics.csv"), metricsColumns(cfg))) {
                result = Experiments.integrate(cfg, init, times, new IntegrationObserver() {
                    private int sample;

                    @Override
                    public void onSample(double t, double[] row) {
                        // the i-th sample is at outTimes[i] exactly (t + t0 could round differently)
                        csv.append(outTimes[sample++], FeedbackColumns.appendTo(row, layout, cfg.rule(), constants.b(),
                                cfg.modulationSign()));
                    }

                    /** When this pass began, and how far it got: the exact engine starts a pass again from t0 to refine. */
                    private long passStarted = System.nanoTime();
                    private double reached = Double.NEGATIVE_INFINITY;
                    private final double tau = Integrators.isFixedStep(cfg) || times.length < 2 ? Double.NaN : times[1] - times[0];

                    @Override
                    public synchronized void onProgress(double t) {
                        if (!noProgress) bar.update(t);
                        if (t < reached) passStarted = System.nanoTime();
                        reached = t;
                        budget.checkOdePace((System.nanoTime() - passStarted) * 1e-9, times[0], t, times[times.length - 1], tau);
                    }

                    @Override
                    public synchronized void onNote(String note) {
                        if (!noProgress) bar.note(note);
                    }
                }, t);
            } finally {
                bar.finish();
            }
            // the engine's own account of the run (exact engine: averaging and its error estimate)
            dir.writeConfig(cfg, new long[] {cfg.seed()}, commandLine, fromFields, engineNode(cfg, result));
            dir.commit(); // complete, or diverged with the samples up to then: moved into DIR in one go
        } catch (RuntimeException e) {
            // the budget's refusal, thrown from onProgress (possibly on a worker thread): staging removed, exit 2
            Throwable c = e;
            while (c != null && !(c instanceof ConfigException)) c = c.getCause();
            if (c == null && e instanceof java.io.UncheckedIOException u) c = u;
            if (c == null) throw e;
            err.println("pepita ode: " + (c instanceof ConfigException ? c.getMessage() : "cannot write to " + out + ": "
                    + c.getMessage()));
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("pepita ode: cannot write to " + out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }

        Trajectory tr = result.trajectory();
        if (result.diverged()) {
            String kept = tr.size() > 0
                    ? String.format(Locale.ROOT, "%s/metrics.csv keeps the %d samples up to t = %s", out, tr.size(),
                            outTimes[tr.size() - 1])
                    : out + "/metrics.csv has no sample (the start itself is past the bound; is epsGBound above the initial eps_g?)";
            err.println(result.integratorFailed()
                    ? String.format(Locale.ROOT, "pepita ode: the integrator failed at t = %s, eps_g within its bound: %s; %s. "
                            + "Try integrator euler or rk4 with a small dt (e.g. --set integrator=euler --set dt=1e-4), "
                            + "or a smaller eta or etaV.", result.divergenceTime() + t0, result.reason(), kept)
                    : String.format(Locale.ROOT,
                    "pepita ode: diverged at t = %s: %s; %s. "
                            + "Try a smaller eta or etaV, a smaller dt (euler, rk4) or a tighter rtol (dp853, dp54).",
                    result.divergenceTime() + t0, result.reason(), kept));
            err.flush();
            return PepitaCommand.EXIT_DIVERGED;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        AveragingReport a = result.averaging();
        if (a != null && !a.toleranceMet()) {
            err.println(String.format(Locale.ROOT, "pepita ode: warning: averaging.tolerance %.1e not met: the estimated relative "
                    + "error of eps_g is %.1e with %d Sobol replicates (averaging.maxReplicates); config.json says toleranceMet: "
                    + "false. Raise averaging.maxReplicates or averaging.samples for more.", a.tolerance(), a.relativeErrorEpsG(),
                    a.replicates()));
            err.flush();
        }
        String error = a != null && Double.isFinite(a.relativeErrorEpsG())
                ? String.format(Locale.ROOT, ", est. rel. error of eps_g %.1e over %d pooled Sobol replicates", a.relativeErrorEpsG(),
                        a.replicates())
                : "";
        stdout.println(String.format(Locale.ROOT,
                "pepita ode: %d samples to t = %s, final eps_g = %s (%s engine, %d RHS evaluations%s) in %s",
                tr.size(), outTimes[tr.size() - 1], tr.rows()[tr.size() - 1][0], Experiments.engineName(cfg),
                result.evaluations(), error, out));
        stdout.flush();
        return 0;
    }

    /**
     * metrics.csv's columns after t: eps_g, the order parameters, then the derived columns that
     * {@code simulate} writes too (cos_v_feedback, c_norm; docs/columns.md). POST /api/ode of the
     * explorer writes the same.
     */
    public static List<String> metricsColumns(ExperimentConfig cfg) {
        return Experiments.metricsColumns(cfg);
    }

    /** A vector into JSON, each double as Jackson writes it (Java's shortest round-tripping decimal). */
    private static void putArray(ObjectNode o, String key, double[] a) {
        var arr = o.putArray(key);
        for (double x : a) arr.add(x);
    }

    /** A matrix into JSON as an array of rows. */
    private static void putArray(ObjectNode o, String key, double[][] a) {
        var rows = o.putArray(key);
        for (double[] r : a) {
            var row = rows.addArray();
            for (double x : r) row.add(x);
        }
    }
}
