package org.forwardonly.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.simulation.measure.EnsembleTable;
import org.forwardonly.simulation.training.DivergedException;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.simulation.training.SimulationLimits;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
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
 * {@code pepita simulate CONFIG --out DIR}: finite-N simulations of the config's experiment
 * (seeds {@code seed, seed+1, …} in parallel), written as DIR/metrics.csv (seed means and
 * standard errors at the ODE's output times) and DIR/config.json.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Train finite-N networks online (seeds in parallel) and record the order parameters.")
final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment config (JSON)")
    Path configFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (new or empty)")
    Path out;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: all cores); results do not depend on it")
    int threads = Runtime.getRuntime().availableProcessors();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ExperimentConfig config;
        try {
            config = ConfigParser.read(configFile);
            SimulationLimits.check(config, threads, Runtime.getRuntime().maxMemory());
        } catch (ConfigException e) {
            err.println("pepita: " + e.getMessage());
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        try (RunDirectory dir = RunDirectory.create(out)) {
            Simulation.Result result;
            try {
                result = SimulationRuns.run(config, threads, "simulate");
            } catch (DivergedException e) {
                err.println("pepita: the simulation diverged: " + e.getMessage());
                return PepitaCommand.EXIT_DIVERGED;
            }
            EnsembleTable table = SimulationRuns.table(result);
            SimulationRuns.writeCsv(table.times(), table.columns(), table.rows(), dir.file("metrics.csv"));
            ObjectNode meta = SimulationRuns.configJson(config, spec);
            Files.writeString(dir.file("config.json"), ConfigParser.pretty(meta), StandardCharsets.UTF_8);
            dir.commit();
        } catch (RunDirectory.BadOutput e) {
            err.println("pepita: " + e.getMessage());
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        spec.commandLine().getOut().println("wrote " + out.resolve("metrics.csv") + " and config.json");
        return 0;
    }
}
