package org.forwardonly.cli;

import org.forwardonly.simulation.compare.Agreement;
import org.forwardonly.simulation.compare.TwoSizeComparison;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.SampleTimes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code pepita power CONFIG --out DIR --perturb KEY=VALUE ...}: the power of {@code compare}'s
 * verdict, measured. R repetitions on disjoint seed blocks (repetition r uses seeds
 * seed + r·seeds …); each simulates CONFIG once at N and N_low and judges it against the true
 * ODE and against every perturbed one. The detection rate of each perturbation is its power;
 * that of the true ODE is the measured false-alarm rate. Writes DIR/power.csv and prints a
 * Markdown table (docs/simulation.md).
 */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = {"Measure compare's power: repeat CONFIG's simulation R times on disjoint seed blocks and count how "
                + "often compare says DISAGREE against the true ODE (the false-alarm rate) and against each --perturb ODE "
                + "(its power). Writes DIR/power.csv (change, detected, repeats, p-values) and prints a Markdown table."})
public final class PowerCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment config: JSON, or YAML (.yaml, .yml); - reads it "
            + "from standard input. At least 8 seeds. Keys: docs/config.md.")
    String configFile;

    @CommandLine.Mixin
    ConfigInput input;

    @CommandLine.Mixin
    RunOutput output;

    /** The output directory: --out, or its default, fixed at the start of {@link #call}. */
    private Path out;


    @Option(names = "--perturb", paramLabel = "KEY=VALUE",
            description = "An ODE with KEY replaced by VALUE (as compare --ode-set); repeatable, each one judged separately. "
                    + "Several keys at once: KEY=VALUE;KEY2=VALUE2.")
    List<String> perturbations = new ArrayList<>();

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "20",
            description = "Repetitions on disjoint seed blocks (default: ${DEFAULT-VALUE}).")
    int repeats;

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
        List<ExperimentConfig> odes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int low;
        double alpha;
        try {
            out = output.dir("power");
            config = runs.readConfig(input.config(configFile));
            if (repeats < 1) throw new ConfigException("option '--repeats': must be >= 1 (got " + repeats + ")");
            // issue 27: --repeats 100000000 started with no bar for 40 s; two simulations (N and the low N) per repeat
            runs.budget.checkSimulation(config, config.tMax(), runs.threads, 2.0 * repeats,
                    ", " + repeats + " repeats of two simulations", "option '--repeats'");
            alpha = verdict.alpha();
            verdict.checkSeeds(config, "power");
            low = verdict.lowN(config);
            labels.add("(true ODE)");
            odes.add(config);
            for (String p : perturbations) {
                labels.add(p);
                odes.add(OdeOverrides.apply(config, List.of(p.split(";"))));
            }
            for (ExperimentConfig o : odes) Experiments.checkSupported(o);
            output.checked("power");
        } catch (ConfigException e) {
            err.println("pepita power: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        double[] times = SampleTimes.of(config);
        double[][] p = new double[odes.size()][repeats];
        for (int r = 0; r < repeats; r++) {
            ExperimentConfig block = withSeed(config, config.seed() + (long) r * config.seeds());
            ExperimentConfig blockLow = TwoSizeComparison.withN(block, low);
            Simulation.Result hi = runs.run(block, times, err, "power");
            if (hi == null) return PepitaCommand.EXIT_DIVERGED;
            Simulation.Result lo = runs.run(blockLow, times, err, "power");
            if (lo == null) return PepitaCommand.EXIT_DIVERGED;
            for (int i = 0; i < odes.size(); i++) {
                Agreement a = Agreement.of(TwoSizeComparison.of(odes.get(i), hi, block.N(), lo, low), alpha);
                p[i][r] = a.agrees() ? a.pValue() : Math.min(a.pValue(), alpha); // a diverged ODE counts as detected
            }
        }
        StringBuilder csv = new StringBuilder("change,detected,repeats,rate,p_values\n");
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "| ODE | DISAGREE in | rate |%n|---|---|---|%n"));
        for (int i = 0; i < odes.size(); i++) {
            int detected = 0;
            StringBuilder ps = new StringBuilder();
            for (int r = 0; r < repeats; r++) {
                if (p[i][r] <= alpha) detected++;
                ps.append(r == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", p[i][r]));
            }
            csv.append(String.format(Locale.ROOT, "\"%s\",%d,%d,%.4g,%s%n", labels.get(i).replace("\"", "\"\""), detected, repeats,
                    detected / (double) repeats, ps));
            md.append(String.format(Locale.ROOT, "| %s | %d of %d | %.2f |%n", labels.get(i), detected, repeats,
                    detected / (double) repeats));
        }
        try (RunDirectory dir = RunDirectory.create(out)) {
            Files.writeString(dir.resolve("power.csv"), csv.toString(), StandardCharsets.UTF_8);
            dir.writeConfig(config, SimulationRuns.seeds(config), RunDirectory.commandLine(spec));
            dir.commit();
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("pepita power: cannot write to " + out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("pepita power: wrote " + out);
        stdout.print(md);
        stdout.flush();
        return 0;
    }

    private static ExperimentConfig withSeed(ExperimentConfig c, long seed) {
        return ConfigParser.edit(ConfigParser.mapper().createObjectNode().put("seed", seed), c);
    }
}
