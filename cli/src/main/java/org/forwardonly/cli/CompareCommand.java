package org.forwardonly.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.simulation.compare.Agreement;
import org.forwardonly.simulation.compare.TheoryComparison;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
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
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code pepita compare CONFIG --out DIR}: simulates the config's seeds, integrates the ODE from
 * each seed's own initial order parameters, and judges the agreement point by point
 * ({@link Agreement}). Writes DIR/compare.csv, DIR/agreement.txt (per-time table, verdict last),
 * DIR/metrics.csv (the simulation) and DIR/config.json (docs/simulation.md).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Simulate CONFIG's seeds, integrate the ODE from each seed's initial order parameters and compare "
                + "them at every output time. Writes DIR/compare.csv (t, <col>_ode, <col>_sim, <col>_sim_se, <col>_diff_se), "
                + "DIR/agreement.txt (its last line is the verdict), DIR/metrics.csv and DIR/config.json; with --per-seed "
                + "also DIR/per_seed.csv."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config: JSON, or YAML (.yaml, .yml); - reads it from standard input. At least 2 seeds. Keys: docs/config.md.")
    String configFile;

    @CommandLine.Mixin
    ConfigInput input;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output directory (created if absent; a non-empty one only with --overwrite). Files are staged "
                    + "beside it and moved in at the end. Default: runs/COMMAND-YYYYMMDD-HHMMSS (UTC), printed at the end.")
    Path out;

    @Option(names = "--ode-rule", paramLabel = "RULE",
            description = "Compare with the ODE of another rule from the same start, e.g. afa for a pepita or ff "
                    + "simulation (AFA is PEPITA to first order in F).")
    String odeRule;

    @CommandLine.Mixin
    SimulationRuns runs;

    @CommandLine.Mixin
    OverwriteOption overwrite;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig config;
        ExperimentConfig odeConfig;
        double[] times;
        try {
            if (out == null) out = RunDirectory.defaultOut("compare");
            config = runs.readConfig(input.config(configFile));
            if (config.seeds() < 2) {
                throw new ConfigException("key 'seeds': compare needs at least 2 seeds to estimate the standard error"
                        + " (got " + config.seeds() + "; 8 or more recommended)");
            }
            odeConfig = odeConfig(config);
            try {
                Experiments.checkSupported(odeConfig);
            } catch (ConfigException e) {
                throw odeRule == null && Set.of("pepita", "ff").contains(config.rule())
                        ? new ConfigException(e.getMessage() + "; to compare with AFA's ODE, its first-order theory, add --ode-rule afa")
                        : e;
            }
            times = SampleTimes.of(config);
            RunDirectory.check(out, overwrite.overwrite);
        } catch (ConfigException e) {
            err.println("pepita compare: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        Simulation.Result result = runs.run(config, times, err, "compare");
        if (result == null) return PepitaCommand.EXIT_DIVERGED;
        TheoryComparison comparison = TheoryComparison.of(odeConfig, result);
        Agreement agreement = Agreement.of(comparison, config.N());
        String text = agreement.report()
                + (comparison.odeDiverged() != null ? "note: " + comparison.odeDiverged() + "\n" : "")
                + agreement.verdict() + "\n";
        try (RunDirectory dir = RunDirectory.create(out)) {
            TrajectoryCsv.write(comparison.table(), dir.resolve("compare.csv"));
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

    /** Rules whose simulations measure the feedback overlaps c, d, P (they train with F). */
    private static final java.util.List<String> F_RULES = java.util.List.of("afa", "pepita", "ff");

    /**
     * The ODE rules a simulation of {@code rule} can be compared with: the ODE's columns must be
     * measured by the simulation (bp's are measured by all; afa, pepita, ff need c, d, P; fa needs its b).
     */
    static java.util.List<String> odeRulesFor(String rule) {
        java.util.List<String> ok = new java.util.ArrayList<>(java.util.List.of("bp"));
        if (rule.equals("fa")) ok.add("fa");
        if (F_RULES.contains(rule)) ok.addAll(F_RULES);
        return ok;
    }

    /** The config whose ODE is the prediction: the simulated one, or with --ode-rule its rule replaced. */
    private ExperimentConfig odeConfig(ExperimentConfig config) {
        if (odeRule == null) return config;
        if (java.util.List.of("bp", "fa", "afa", "pepita", "ff").contains(odeRule) && !odeRulesFor(config.rule()).contains(odeRule)) {
            throw new ConfigException("option '--ode-rule': the " + odeRule + " ODE has columns ("
                    + (odeRule.equals("fa") ? "b" : "c, d, P") + ") that a " + config.rule() + " simulation does not measure"
                    + " (allowed with rule " + config.rule() + ": " + String.join(", ", odeRulesFor(config.rule())) + ")");
        }
        ObjectNode json = ConfigParser.toJson(config);
        json.put("rule", odeRule);
        try {
            return ConfigParser.parse(json);
        } catch (ConfigException e) {
            throw new ConfigException("--ode-rule: " + e.getMessage());
        }
    }
}
