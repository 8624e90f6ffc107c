package org.forwardonly.cli;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.AveragingReport;
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
                + "mirroring on the exact engine: a tensor Gauss-Hermite grid at small K+M, else scrambled Sobol points with "
                + "an error estimate) and write DIR/metrics.csv (t, eps_g, Q_k_l, R_k_m, v_k[, c_k, d_m, P]) and "
                + "DIR/config.json (with the engine that ran and its estimated error).",
                "Exit codes: 0 ok, 2 bad input (nothing written), 3 diverged (metrics up to the divergence kept)."})
public final class OdeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config (JSON); keys in docs/theory.md.")
    Path config;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if absent; a non-empty one only with --overwrite). Files are "
                    + "staged beside it and moved in at the end.")
    Path out;

    @CommandLine.Mixin
    OverwriteOption overwrite;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    boolean noProgress;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the closed-form right-hand side (its I4 sums). Results do not depend on it. "
                    + "Default: 2 (at most the cores) for bp/fa/afa with erf and K >= " + Experiments.SPLIT_FROM_K
                    + ", and for the exact engine on Sobol points (its replicates run side by side), else 1.")
    Integer threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** config.json's "engine" object: which engine ran and, for the exact engine, how it averaged. */
    static com.fasterxml.jackson.databind.node.ObjectNode engineNode(OdeResult result) {
        com.fasterxml.jackson.databind.node.ObjectNode n = ConfigParser.mapper().createObjectNode();
        AveragingReport a = result.averaging();
        if (a == null) return n;
        n.put("method", a.method());
        n.put("points", a.points());
        if ("sobol".equals(a.method())) {
            n.put("samplesPerReplicate", a.samples());
            n.put("replicates", a.replicates());
            n.put("estimatedRelativeErrorEpsG", a.relativeErrorEpsG());
            n.put("largestErrorAtT", a.timeOfLargestError());
        }
        n.put("rhsEvaluations", result.evaluations());
        return n;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig cfg;
        OrderParameters init;
        double[] times;
        int t;
        try {
            if (threads != null) ThreadCount.check(threads);
            RunDirectory.check(out, overwrite.overwrite);
            cfg = ConfigParser.read(config);
            Experiments.checkSupported(cfg);
            init = Experiments.initialConditions(cfg, cfg.seed());
            times = SampleTimes.of(cfg);
            t = threads != null ? threads : Experiments.defaultThreads(cfg, Runtime.getRuntime().availableProcessors());
            Experiments.validate(cfg, init); // an engine exists, and the joint covariance of init is valid
        } catch (ConfigException e) {
            err.println("pepita ode: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }

        // --threads changes no output, so config.json does not record it (byte-identical for any T)
        List<String> commandLine = RunDirectory.withoutOption(RunDirectory.commandLine(spec), "--threads");
        OdeResult result;
        try (RunDirectory dir = RunDirectory.create(out)) {
            dir.writeConfig(cfg, cfg.seed(), commandLine);
            ProgressBar bar = new ProgressBar("ode", times[times.length - 1], err,
                    ProgressBar.consoleAttached());
            try (TrajectoryCsv.Appender csv = new TrajectoryCsv.Appender(dir.resolve("metrics.csv"),
                    Experiments.columns(Experiments.layout(cfg)))) {
                result = Experiments.integrate(cfg, init, times, new IntegrationObserver() {
                    @Override
                    public void onSample(double t, double[] row) {
                        csv.append(t, row);
                    }

                    @Override
                    public synchronized void onProgress(double t) {
                        if (!noProgress) bar.update(t);
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
            dir.writeConfig(cfg, new long[] {cfg.seed()}, commandLine, engineNode(result));
            dir.commit(); // complete, or diverged with the samples up to then: moved into DIR in one go
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("pepita ode: cannot write to " + out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }

        Trajectory tr = result.trajectory();
        if (result.diverged()) {
            String kept = tr.size() > 0
                    ? String.format(Locale.ROOT, "%s/metrics.csv keeps the %d samples up to t = %s", out, tr.size(), tr.times()[tr.size() - 1])
                    : out + "/metrics.csv has no sample (the start itself is past the bound; is epsGBound above the initial eps_g?)";
            err.println(String.format(Locale.ROOT,
                    "pepita ode: diverged at t = %s: %s; %s. "
                            + "Try a smaller eta or etaV, a smaller dt (euler, rk4) or a tighter rtol (dp853).",
                    result.divergenceTime(), result.reason(), kept));
            err.flush();
            return PepitaCommand.EXIT_DIVERGED;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        AveragingReport a = result.averaging();
        String error = a != null && Double.isFinite(a.relativeErrorEpsG())
                ? String.format(Locale.ROOT, ", est. rel. error of eps_g %.1e over %d Sobol replicates", a.relativeErrorEpsG(), a.replicates())
                : "";
        stdout.println(String.format(Locale.ROOT, "pepita ode: %d samples to t = %s, final eps_g = %s (%s engine, %d RHS evaluations%s) in %s",
                tr.size(), tr.times()[tr.size() - 1], tr.rows()[tr.size() - 1][0], Experiments.engineName(cfg),
                result.evaluations(), error, out));
        stdout.flush();
        return 0;
    }
}
