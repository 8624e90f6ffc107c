package org.forwardonly.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.simulation.compare.Agreement;
import org.forwardonly.simulation.compare.TwoSizeComparison;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.rules.RuleType;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.trajectory.TrajectoryCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code pepita compare CONFIG --out DIR}: simulates the config's seeds at N and at a smaller
 * N_low, integrates the ODE from each run's own initial order parameters, extrapolates the paired
 * differences in 1/N and tests them, all times and columns at once, with a sign-flip test over
 * seeds ({@link Agreement}). Writes DIR/compare.csv, DIR/extrapolated.csv, DIR/agreement.txt
 * (per-time table, verdict last), DIR/metrics.csv (the simulation at N) and DIR/config.json
 * (docs/simulation.md).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Simulate CONFIG's seeds at N and at N_low, integrate the ODE from each run's initial order parameters, "
                + "extrapolate the paired differences sim - ode in 1/N to N = infinity and test them at every output time and "
                + "column at once, each as it is and drift-aligned (signed by the way the seed's own ODE moves that column, "
                + "which catches rate errors whose sign changes from seed to seed), plus one score per learning rate (eta, "
                + "etaV: the differences aligned with the way that rate moves each seed's ODE, summed over times and columns) "
                + "(max |t|, sign-flip p-values over seeds, Bonferroni over the two families; DISAGREE when p <= alpha, the "
                + "false-alarm rate). "
                + "Writes DIR/compare.csv (at N: t, <col>_ode, <col>_sim, <col>_sim_se, <col>_diff_se), DIR/extrapolated.csv "
                + "(<col>_diff_extrapolated, <col>_diff_extrapolated_se, <col>_diff_aligned_extrapolated, "
                + "<col>_diff_aligned_extrapolated_se), DIR/agreement.txt (its last line is the verdict), "
                + "DIR/metrics.csv (the simulation at N) and DIR/config.json; with --per-seed also DIR/per_seed.csv."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config: JSON, or YAML (.yaml, .yml); - reads it from standard input. At least 8 seeds. Keys: docs/config.md.")
    String configFile;

    @CommandLine.Mixin
    ConfigInput input;

    @CommandLine.Mixin
    RunOutput output;

    /** The output directory: --out, or its default, fixed at the start of {@link #call}. */
    private Path out;

    @Option(names = "--ode-rule", paramLabel = "RULE",
            description = "Compare with the ODE of another rule from the same start, e.g. afa for a pepita or ff "
                    + "simulation (AFA is PEPITA to first order in F).")
    String odeRule;

    @Option(names = "--ode-set", paramLabel = "KEY=VALUE",
            description = "Integrate the ODE with KEY replaced by VALUE while the simulation keeps CONFIG (repeatable), "
                    + "e.g. --ode-set eta=0.95 for a negative control. VALUE is JSON if it parses, else a string.")
    java.util.List<String> odeSettings = new java.util.ArrayList<>();

    @CommandLine.Mixin
    VerdictOptions verdict;

    @CommandLine.Mixin
    SimulationRuns runs;


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig config;
        ExperimentConfig lowConfig;
        ExperimentConfig odeConfig;
        double alpha;
        double[] times;
        try {
            out = output.dir("compare");
            config = runs.readConfig(input.config(configFile));
            alpha = verdict.alpha();
            verdict.checkSeeds(config, "compare");
            int low = verdict.lowN(config);
            lowConfig = TwoSizeComparison.withN(config, low);
            odeConfig = OdeOverrides.apply(odeConfig(config), odeSettings);
            try {
                Experiments.checkSupported(odeConfig);
            } catch (ConfigException e) {
                RuleType firstOrder = config.rule().firstOrder();
                throw odeRule == null && firstOrder != null
                        ? new ConfigException(e.getMessage() + "; to compare with " + firstOrder.label()
                                + "'s ODE, its first-order theory, add --ode-rule " + firstOrder)
                        : e;
            }
            times = SampleTimes.of(config);
            output.checked("compare", "config.json", "metrics.csv", "compare.csv", "extrapolated.csv", "agreement.txt",
                    SimulationRuns.PER_SEED_FILE);
        } catch (ConfigException e) {
            err.println("pepita compare: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        Simulation.Result result = runs.run(config, times, err, "compare");
        if (result == null) return PepitaCommand.EXIT_DIVERGED;
        Simulation.Result lowResult = runs.run(lowConfig, times, err, "compare");
        if (lowResult == null) return PepitaCommand.EXIT_DIVERGED;
        TwoSizeComparison comparison = TwoSizeComparison.of(odeConfig, result, config.N(), lowResult, lowConfig.N());
        Agreement agreement = Agreement.of(comparison, alpha);
        String text = agreement.report() + agreement.verdict() + "\n";
        try (RunDirectory dir = RunDirectory.create(out)) {
            TrajectoryCsv.write(comparison.high().table(), dir.resolve("compare.csv"));
            TrajectoryCsv.write(agreement.table(), dir.resolve("extrapolated.csv"));
            TrajectoryCsv.write(SimulationRuns.table(result), dir.resolve("metrics.csv"));
            runs.writePerSeed(result, dir);
            Files.writeString(dir.resolve("agreement.txt"), text, StandardCharsets.UTF_8);
            dir.writeConfig(config, SimulationRuns.seeds(config), RunDirectory.commandLine(spec));
            dir.commit();
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("pepita compare: cannot write to " + out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("pepita compare: wrote " + out); // before the report, whose last line is the verdict
        stdout.print(text);
        stdout.flush();
        return 0;
    }

    /**
     * The ODE rules a simulation of {@code rule} can be compared with: the ODE's columns must be
     * measured by the simulation (a rule whose feedback is v, bp, is measured by all; the rules that
     * use F need c, d, P; fa needs its b), in registry order.
     */
    static java.util.List<RuleType> odeRulesFor(RuleType rule) {
        java.util.List<RuleType> ok = new java.util.ArrayList<>();
        for (RuleType r : Rules.all()) {
            boolean measured = r.feedback() == RuleType.Feedback.SELF || r.feedback() == rule.feedback();
            if (measured) ok.add(r);
        }
        return ok;
    }

    /** The config whose ODE is the prediction: the simulated one, or with --ode-rule its rule replaced. */
    private ExperimentConfig odeConfig(ExperimentConfig config) {
        if (odeRule == null) return config;
        // the config boundary: the option's name becomes a rule here (an unknown one is refused by the edit below)
        RuleType other = Rules.find(odeRule).orElse(null);
        if (other != null && !odeRulesFor(config.rule()).contains(other)) {
            throw new ConfigException("option '--ode-rule': the " + other + " ODE has columns ("
                    + (other.hasB() ? "b" : "c, d, P") + ") that a " + config.rule() + " simulation does not measure"
                    + " (allowed with rule " + config.rule() + ": " + odeRulesFor(config.rule()).stream()
                    .map(RuleType::name).collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        ObjectNode edit = ConfigParser.mapper().createObjectNode();
        edit.put("rule", odeRule);
        try {
            return ConfigParser.edit(edit, config);
        } catch (ConfigException e) {
            throw new ConfigException("--ode-rule: " + e.getMessage());
        }
    }
}
