package org.forwardonly.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.forwardonly.images.data.DatasetMissingException;
import org.forwardonly.images.data.FashionMnist;
import org.forwardonly.images.data.ImageDatasets;
import org.forwardonly.images.data.Normalization;
import org.forwardonly.images.deep.Protocol;
import org.forwardonly.images.deep.ProtocolRunner;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.training.DivergedException;
import org.forwardonly.images.training.EpochMetrics;
import org.forwardonly.plots.catalogue.FigureRunner;
import org.forwardonly.plots.catalogue.OutputDirectory;
import org.forwardonly.plots.training.TrainingCurvesFigure;
import org.forwardonly.theory.config.ConfigException;

/**
 * {@code pepita train-images --protocol P --data DIR}: the rows of one of the paper's image experiments
 * ({@link Protocol}), written as table.csv / table.md (mean ± s.e. over seeds), metrics.csv, timing.csv,
 * config.json and the figure curves.png (test accuracy and angle of F per epoch, seed 1 of every row).
 */
final class ProtocolRun {

    private final TrainImagesCommand c;

    ProtocolRun(TrainImagesCommand command) {
        this.c = command;
    }

    int call(PrintWriter err) throws IOException {
        Protocol protocol;
        List<Protocol.Row> rows;
        Map<String, FashionMnist.Split> data = new TreeMap<>();
        ProtocolRunner.Cut cut;
        String note = null;
        try {
            protocol = Protocol.parse(c.protocol);
            if (c.data == null) {
                throw new IllegalArgumentException("--data: missing (allowed: the directory that holds the datasets, "
                        + "with --protocol)");
            }
            if (c.standIn != null && !ImageDatasets.NAMES.contains(c.standIn)) {
                throw new IllegalArgumentException("--stand-in: invalid value '" + c.standIn + "' (allowed: "
                        + String.join(", ", ImageDatasets.NAMES) + ")");
            }
            if (c.seeds < 1) {
                throw new IllegalArgumentException("--seeds: invalid value '" + c.seeds + "' (allowed: a positive integer)");
            }
            int epochs = c.epochs == null ? 100 : c.epochs;
            int train = c.trainSize == null ? Integer.MAX_VALUE : c.trainSize;
            int test = c.testSize == null ? Integer.MAX_VALUE : c.testSize;
            for (var v : List.of(Map.entry("--epochs", epochs), Map.entry("--train-size", train),
                    Map.entry("--test-size", test), Map.entry("--hidden", c.hidden))) {
                if (v.getValue() < 1) {
                    throw new IllegalArgumentException(v.getKey() + ": invalid value '" + v.getValue() + "' (allowed: a positive integer)");
                }
            }
            if (!c.normalize.equals("unit") && !c.normalize.equals("standard")) {
                throw new IllegalArgumentException("--normalize: invalid value '" + c.normalize + "' (allowed: unit, standard)");
            }
            cut = new ProtocolRunner.Cut(epochs, train, test, c.seeds, c.hidden);
            List<Protocol.Row> all = protocol.rows();
            rows = new ArrayList<>();
            if (c.rowNumbers == null) {
                rows.addAll(all);
            } else {
                for (int n : c.rowNumbers) {
                    if (n < 1 || n > all.size()) {
                        throw new IllegalArgumentException("--rows: invalid value '" + n + "' (allowed: 1.." + all.size()
                                + " for " + protocol.cliName() + ")");
                    }
                    rows.add(all.get(n - 1));
                }
            }
            if (c.standIn != null) {
                note = "STAND-IN: every row ran on " + c.standIn + " instead of its own dataset ("
                        + String.join(", ", rows.stream().map(Protocol.Row::dataset).distinct().toList()) + ").";
                rows.replaceAll(r -> r.on(c.standIn));
            }
            ThreadCount.check(c.threads);
            OutputDirectory.checkFresh(c.out, c.overwrite.overwrite);
            Normalization norm = Normalization.valueOf(c.normalize.toUpperCase(Locale.ROOT));
            for (String name : rows.stream().map(Protocol.Row::dataset).distinct().toList()) {
                data.put(name, ImageDatasets.load(name, c.data, norm));
            }
        } catch (IllegalArgumentException | ConfigException | DatasetMissingException | IOException e) {
            err.println("pepita train-images: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        }
        OutputDirectory staged = OutputDirectory.open(c.out);
        Path tmp = staged.stage();
        try (BatchMatmul mm = new BatchMatmul(c.threads)) {
            writeConfig(tmp, protocol, rows, cut, note);
            Map<Integer, List<EpochMetrics>> curves = new TreeMap<>();
            ProtocolRunner.run(protocol, rows, note, data, cut, mm, tmp, line -> {
                if (!c.quiet) {
                    err.println(line);
                    err.flush();
                }
            }, curves);
            writeFigure(tmp, protocol, rows, curves, cut, note);
            staged.commit();
            System.out.print(java.nio.file.Files.readString(c.out.resolve("table.md")));
            System.out.flush();
            return 0;
        } catch (DivergedException e) {
            staged.abandon();
            err.println("pepita train-images: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_DIVERGED;
        } catch (IOException | UncheckedIOException e) {
            staged.abandon();
            err.println("pepita train-images: cannot write to " + c.out + ": " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_BAD_INPUT;
        } catch (RuntimeException | Error e) {
            staged.abandon();
            throw e;
        }
    }

    private void writeConfig(Path dir, Protocol protocol, List<Protocol.Row> rows, ProtocolRunner.Cut cut, String note)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", Version.recorded());
        root.put("command", c.commandLine());
        root.put("protocol", protocol.cliName());
        root.put("standIn", note);
        root.put("epochs", cut.epochs());
        root.put("decayEpochs", ProtocolRunner.decayEpochs(cut.epochs()));
        root.put("trainSize", cut.trainSize() == Integer.MAX_VALUE ? "all" : cut.trainSize());
        root.put("testSize", cut.testSize() == Integer.MAX_VALUE ? "all" : cut.testSize());
        root.put("seeds", cut.seeds());
        root.put("hidden", cut.hidden());
        root.put("normalization", c.normalize);
        List<Object> rs = new ArrayList<>();
        for (Protocol.Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", r.number());
            m.put("label", r.label());
            m.put("dataset", r.dataset());
            m.put("config", r.config().resized(r.config().depth(), cut.hidden(), cut.epochs(),
                    ProtocolRunner.decayEpochs(cut.epochs()), 1));
            rs.add(m);
        }
        root.put("rows", rs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("config.json").toFile(), root);
    }

    /** curves.png|svg|pdf and its notebook: accuracy and angle of F per epoch, seed 1 of every row. */
    private void writeFigure(Path dir, Protocol protocol, List<Protocol.Row> rows, Map<Integer, List<EpochMetrics>> curves,
                             ProtocolRunner.Cut cut, String note) throws IOException {
        List<TrainingCurvesFigure.RuleCurve> list = new ArrayList<>();
        for (Protocol.Row r : rows) {
            List<EpochMetrics> m = curves.get(r.number());
            int n = m.size();
            double[] epoch = new double[n];
            double[] acc = new double[n];
            double[] angle = new double[n];
            for (int i = 0; i < n; i++) {
                epoch[i] = m.get(i).epoch();
                acc[i] = m.get(i).testAccuracy();
                angle[i] = m.get(i).angleDeg();
            }
            list.add(new TrainingCurvesFigure.RuleCurve("#" + r.number() + " " + r.label() + ", depth " + r.config().depth(),
                    epoch, acc, angle));
        }
        List<String> parameters = new ArrayList<>(List.of(
                "protocol " + protocol.cliName() + ": " + cut.epochs() + " epochs, " + cut.hidden() + " hidden units per layer, seed 1",
                "datasets: " + String.join(", ", rows.stream().map(Protocol.Row::dataset).distinct().toList())
                        + (cut.trainSize() == Integer.MAX_VALUE ? "" : ", first " + cut.trainSize() + " training images"),
                "rows and settings: table.md and config.json; per-epoch numbers: metrics.csv"));
        if (note != null) {
            parameters.add(note);
        }
        FigureRunner.write("curves", "Test accuracy per epoch of each row of " + protocol.cliName()
                        + ", and the angle between F and the transposed end-to-end weights (rows with an F)",
                TrainingCurvesFigure.build(list, parameters), Map.of(), Version.recorded(), c.commandLine(), dir);
    }
}
