package org.forwardonly.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.simulation.measure.EnsembleTable;
import org.forwardonly.simulation.training.RecordTimes;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the simulate and compare commands share: running with a progress bar, tables, config.json. */
final class SimulationRuns {
    private SimulationRuns() {}

    /** Runs every seed of {@code config} with a progress bar on stderr. */
    static Simulation.Result run(ExperimentConfig config, int threads, String label) {
        ProgressBar bar = new ProgressBar(System.err, label);
        try {
            return Simulation.run(config, RecordTimes.of(config), threads, null, bar::update);
        } finally {
            bar.finish();
        }
    }

    /** Seed means and standard errors. */
    static EnsembleTable table(Simulation.Result result) {
        List<double[][]> perSeed = new ArrayList<>();
        for (SeedRun.Result r : result.seeds()) perSeed.add(r.rows());
        return EnsembleTable.of(result.times(), result.columns(), perSeed);
    }

    /** The resolved config with the version, the seeds and the command line. */
    static ObjectNode configJson(ExperimentConfig config, CommandLine.Model.CommandSpec spec) {
        ObjectNode meta = ConfigParser.mapper().createObjectNode();
        meta.put("version", Version.get());
        meta.put("command", "pepita " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        ArrayNode seeds = meta.putArray("seeds");
        for (int i = 0; i < config.seeds(); i++) seeds.add(config.seed() + i);
        meta.set("config", ConfigParser.toJson(config));
        return meta;
    }

    /** TEMPORARY until theory's TrajectoryCsv lands: header t,columns; Double.toString cells. */
    static void writeCsv(double[] times, List<String> columns, double[][] rows, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("t," + String.join(",", columns));
            w.write('\n');
            for (int i = 0; i < times.length; i++) {
                StringBuilder sb = new StringBuilder().append(times[i]);
                for (double x : rows[i]) sb.append(',').append(x);
                w.write(sb.append('\n').toString());
            }
        }
    }
}
