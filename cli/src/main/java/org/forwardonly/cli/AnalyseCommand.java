package org.forwardonly.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.theory.analysis.FixedPoint;
import org.forwardonly.theory.analysis.ParameterContinuation;
import org.forwardonly.theory.analysis.StationaryPoints;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.config.ConfigSource;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code pepita analyse CONFIG --out DIR}: the stationary points of a config's order-parameter ODE,
 * their spectra and classification, and with {@code --continue} their continuation in one key
 * (docs/analysis.md). Exit codes: 0 done, 2 bad input or no stationary point found (nothing written).
 */
@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = {"Find the stationary points of the order-parameter ODE of CONFIG (any rule and engine the ode command "
                + "runs, except ReLU) by a Newton solve from the specialised solution, the symmetric plateau and the places "
                + "where the trajectory from the config's start slows down; classify each by the Jacobian's spectrum. Writes "
                + "DIR/fixed_points.csv (point, eps_g, n_unstable, lambda_max, stability, n_zero, origin, then the state in "
                + "metrics.csv's column names, then copies: points equal up to relabelling the student units are listed "
                + "once), DIR/spectrum.csv (point, index, re, im, the eigenvector's real part) and "
                + "DIR/config.json; with --continue also DIR/continuation.csv and DIR/summary.json (etaMax, etaFastest). "
                + "See docs/analysis.md."})
public final class AnalyseCommand implements Callable<Integer> {

    /**
     * Keys --continue may vary: rates and the label noise (the constants T, v*, b, d, P stay those of CONFIG), and
     * the feedback scale sigmaF for rules with F (c, d ∝ σ_F and P ∝ σ_F² for CONFIG's draw of F).
     */
    static final Set<String> CONTINUABLE = Set.of("eta", "etaV", "sigma", "sigmaF");

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config: JSON, or YAML (.yaml, .yml); - reads it from "
            + "standard input. Keys: docs/config.md. Its tMax is how far the trajectories that give the plateau starts are integrated.")
    String config;

    @CommandLine.Mixin
    ConfigInput input;

    @CommandLine.Mixin
    RunOutput output;

    @Option(names = "--continue", paramLabel = "KEY=FROM:TO:STEP",
            description = "Continue the stationary points in KEY (one of eta, etaV, sigma, or sigmaF for rules with the "
                    + "feedback F: afa, pepita, ff, ...; there c, d and P of CONFIG's draw of F scale with sigmaF) over FROM, "
                    + "FROM+STEP, ..., TO and write continuation.csv and summary.json: where the lowest-eps_g point loses "
                    + "stability (etaMax for eta) and where its slowest decay is fastest (etaFastest).")
    String continuation;

    @Option(names = "--small-eta",
            description = "Analyse only the O(eta) part of the drift, the eta -> 0 limit of Saad and Solla (1995): "
                    + "4 f(eta/2) - f(eta), exact since the drift is eta A + eta^2 B. Not with mirroring, nor with --continue.")
    boolean smallEta;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A parsed --continue. */
    record Sweep(String key, double from, double to, double step) {
        static Sweep parse(String s) {
            String why = "option '--continue': expected KEY=FROM:TO:STEP with KEY one of " + CONTINUABLE.stream().sorted().toList()
                    + " and FROM < TO, STEP > 0 (got '" + s + "')";
            int eq = s.indexOf('=');
            if (eq < 0) throw new ConfigException(why);
            String key = s.substring(0, eq).trim();
            String[] parts = s.substring(eq + 1).split(":");
            if (!CONTINUABLE.contains(key) || parts.length != 3) throw new ConfigException(why);
            try {
                double from = Double.parseDouble(parts[0]), to = Double.parseDouble(parts[1]), step = Double.parseDouble(parts[2]);
                if (!(from < to) || !(step > 0) || (to - from) / step > 10_000 || !Double.isFinite(to)) throw new ConfigException(why);
                return new Sweep(key, from, to, step);
            } catch (NumberFormatException e) {
                throw new ConfigException(why);
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig cfg;
        OrderParameters constants;
        Sweep sweep = null;
        Path out;
        ObjectNode tree;
        try {
            out = output.dir("analyse");
            output.checked("analyse");
            if (continuation != null) sweep = Sweep.parse(continuation);
            if (sweep != null && smallEta) throw new ConfigException("option '--small-eta': not with --continue (the eta^2 term is what "
                    + "sets etaMax)");
            tree = input.tree(config, "config");
            cfg = ConfigParser.parse(tree);
            if (cfg.activation().kinked() || cfg.teacherActivation().kinked()) {
                throw new ConfigException("key 'activation': analyse needs a drift that is smooth in the state, and relu's kink "
                        + "makes the exact engine's averages only piecewise smooth; use erf or linear");
            }
            Experiments.checkSupported(cfg);
            constants = Experiments.initialConditions(cfg, cfg.seed());
            Experiments.validate(cfg, constants);
            if (sweep != null && sweep.key().equals("sigmaF")) {
                if (!cfg.rule().usesF()) {
                    throw new ConfigException("option '--continue': key sigmaF needs a rule with the feedback F ("
                            + org.forwardonly.theory.rules.Rules.all().stream().filter(r -> r.usesF()).map(r -> r.name()).toList()
                            + "); rule " + cfg.rule().name() + " has none");
                }
                if (!(cfg.sigmaF() > 0) || !(sweep.from() > 0)) {
                    throw new ConfigException("option '--continue': sigmaF needs CONFIG's sigmaF > 0 and FROM > 0 (c, d, P "
                            + "are rescaled from CONFIG's draw of F; got sigmaF = " + cfg.sigmaF() + ", FROM = " + sweep.from() + ")");
                }
            }
        } catch (ConfigException e) {
            err.println("pepita analyse: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }

        List<FixedPoint> points;
        StateLayout layout;
        int[] free;
        try (StationaryPoints sp = new StationaryPoints(cfg, constants, smallEta)) {
            layout = sp.layout();
            free = sp.freeIndices();
            points = sp.analyse();
        } catch (ConfigException e) {
            err.println("pepita analyse: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        if (points.isEmpty()) {
            err.println("pepita analyse: no stationary point found: the Newton solve converged from none of the starts "
                    + "(specialised, symmetric, slow points of the trajectory to tMax = " + cfg.tMax() + "); try a longer tMax");
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        ParameterContinuation.Result cont = null;
        if (sweep != null) {
            final ObjectNode base = tree;
            final String key = sweep.key();
            try {
                java.util.function.DoubleFunction<ExperimentConfig> configAt = v -> at(base, key, v);
                boolean feedback = key.equals("sigmaF");
                ParameterContinuation.Family family = feedback
                        ? ParameterContinuation.feedbackScale(configAt, constants, cfg.sigmaF(), layout)
                        : ParameterContinuation.fixedConstants(configAt, constants);
                double here = feedback ? cfg.sigmaF() : sweep.from();
                List<FixedPoint> start;
                try (StationaryPoints sp = new StationaryPoints(family.config(sweep.from()), family.constants(sweep.from()))) {
                    start = new java.util.ArrayList<>();
                    for (FixedPoint p : points) {
                        double[] y = sp.solve(family.carry(p.state(), here, sweep.from()));
                        FixedPoint q = y == null || sp.indexOfCopy(start, y) >= 0 ? null : sp.classify(y, p.origin());
                        if (q != null) start.add(q);
                    }
                }
                cont = ParameterContinuation.run(ParameterContinuation.grid(sweep.from(), sweep.to(), sweep.step()), family, start);
            } catch (ConfigException e) {
                err.println("pepita analyse: option '--continue': " + e.getMessage());
                err.flush();
                return PepitaCommand.EXIT_BAD_INPUT;
            }
        }

        List<String> names = layout.columnNames();
        try (RunDirectory dir = RunDirectory.create(out)) {
            ObjectNode engine = ConfigParser.mapper().createObjectNode();
            engine.put("method", Experiments.engineName(cfg));
            ArrayNode moving = engine.putArray("freeVariables");
            for (int i : free) moving.add(names.get(i));
            dir.writeConfig(cfg, new long[] {cfg.seed()}, RunDirectory.commandLine(spec), engine);
            StringBuilder fp = new StringBuilder("point,eps_g,n_unstable,lambda_max,stability,n_zero,origin");
            for (String n : names) fp.append(',').append(n);
            fp.append(",copies\n");
            StringBuilder spc = new StringBuilder("point,index,re,im");
            for (String n : names) spc.append(',').append(n);
            spc.append('\n');
            for (int p = 0; p < points.size(); p++) {
                FixedPoint f = points.get(p);
                fp.append(p).append(',').append(row(f));
                for (int i = 0; i < f.eigenvalues().size(); i++) {
                    spc.append(p).append(',').append(i).append(',').append(num(f.eigenvalues().get(i)[0])).append(',')
                            .append(num(f.eigenvalues().get(i)[1]));
                    for (double x : f.eigenvectors().get(i)) spc.append(',').append(num(x));
                    spc.append('\n');
                }
            }
            Files.writeString(dir.resolve("fixed_points.csv"), fp, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("spectrum.csv"), spc, StandardCharsets.UTF_8);
            if (cont != null) {
                StringBuilder cc = new StringBuilder(sweep.key() + ",branch,eps_g,n_unstable,lambda_max,stability,n_zero,origin");
                for (String n : names) cc.append(',').append(n);
                cc.append(",copies\n");
                for (ParameterContinuation.Row r : cont.rows()) {
                    cc.append(num(r.value())).append(',').append(r.branch()).append(',').append(row(r.point()));
                }
                Files.writeString(dir.resolve("continuation.csv"), cc, StandardCharsets.UTF_8);
                ObjectNode summary = ConfigParser.mapper().createObjectNode();
                summary.put("key", sweep.key());
                summary.put("branch", "the lowest-eps_g point at each value");
                putOrNull(summary, sweep.key() + "Max", cont.critical());
                putOrNull(summary, sweep.key() + "Fastest", cont.fastest());
                putOrNull(summary, "lambdaMaxAtFastest", cont.fastestRate());
                Files.writeString(dir.resolve("summary.json"), ConfigParser.pretty(summary), StandardCharsets.UTF_8);
            }
            dir.commit();
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("pepita analyse: cannot write to " + out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        for (int p = 0; p < points.size(); p++) {
            FixedPoint f = points.get(p);
            stdout.println(String.format(Locale.ROOT, "point %d (%s): eps_g = %.6g, %s, %d unstable, lambda_max = %.6g%s%s",
                    p, f.origin(), f.epsG(), f.stability(), f.nUnstable(), f.lambdaMax(),
                    f.nZero() > 0 ? ", " + f.nZero() + " zero eigenvalue(s)" : "",
                    f.copies() > 1 ? ", " + f.copies() + " copies (student units relabelled)" : ""));
        }
        if (cont != null) {
            stdout.println(String.format(Locale.ROOT, "%sMax = %s, %sFastest = %s", sweep.key(), cont.critical(), sweep.key(),
                    cont.fastest()));
        }
        stdout.println("pepita analyse: " + points.size() + " stationary point(s) in " + out);
        stdout.flush();
        return 0;
    }

    private static void putOrNull(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) n.put(key, v);
        else n.putNull(key);
    }

    private static String row(FixedPoint f) {
        StringBuilder b = new StringBuilder();
        b.append(num(f.epsG())).append(',').append(f.nUnstable()).append(',').append(num(f.lambdaMax())).append(',')
                .append(f.stability()).append(',').append(f.nZero()).append(',').append(f.origin().replace(',', ';'));
        for (double x : f.state()) b.append(',').append(num(x));
        return b.append(',').append(f.copies()).append('\n').toString();
    }

    private static String num(double x) {
        return Double.toString(x);
    }

    /** The config of {@code base} with {@code key} set to {@code value}. */
    static ExperimentConfig at(ObjectNode base, String key, double value) {
        ObjectNode t = base.deepCopy();
        ConfigSource.set(t, key + "=" + value);
        return ConfigParser.parse(t);
    }
}
