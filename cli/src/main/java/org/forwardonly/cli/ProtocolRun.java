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
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.Palette;
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

    /**
     * curves.png|svg|pdf and its notebook: test accuracy (from epoch 1) and angle of F (from epoch 0, rows with an
     * F) per epoch, seed 1 of every row. One colour per rule, depth and options; pre-mirrored rows are dashed in
     * the colour of the same row without pre-mirroring.
     */
    private void writeFigure(Path dir, Protocol protocol, List<Protocol.Row> rows, Map<Integer, List<EpochMetrics>> curves,
                             ProtocolRunner.Cut cut, String note) throws IOException {
        Palette[] cycle = {Palette.VERMILLION, Palette.BLUE, Palette.BLUISH_GREEN, Palette.REDDISH_PURPLE, Palette.ORANGE,
            Palette.SKY_BLUE, Palette.BLACK};
        Map<String, Palette> colours = new LinkedHashMap<>();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        List<PlotSeries> accuracy = new ArrayList<>();
        List<PlotSeries> angle = new ArrayList<>();
        for (Protocol.Row r : rows) {
            var config = r.config();
            String key = config.depth() + " " + config.rule() + " " + config.with(config.rule(), config.weightDecay(),
                    config.normalise(), 0).options() + " " + r.dataset();
            Palette colour = colours.computeIfAbsent(key, k -> cycle[colours.size() % cycle.length]);
            boolean dashed = config.preMirrorSteps() > 0;
            String label = "#" + r.number() + " " + r.label() + ", depth " + config.depth()
                    + (rows.stream().map(Protocol.Row::dataset).distinct().count() > 1 ? ", " + r.dataset() : "");
            List<double[]> acc = new ArrayList<>();
            List<double[]> ang = new ArrayList<>();
            for (EpochMetrics m : curves.get(r.number())) {
                if (m.epoch() >= 1) {
                    acc.add(new double[] {m.epoch(), m.testAccuracy()});
                }
                if (Double.isFinite(m.angleDeg())) {
                    ang.add(new double[] {m.epoch(), m.angleDeg()});
                }
            }
            String accTable = "accuracy_row" + r.number();
            tables.put(accTable, DataTable.of(List.of("epoch", "test_accuracy"), acc.toArray(new double[0][])));
            accuracy.add(new PlotSeries(FigureData.csv(accTable), "epoch", "test_accuracy", null, label, colour.hex(),
                    PlotSeries.Style.LINE, dashed));
            if (!ang.isEmpty()) {
                String angTable = "angle_row" + r.number();
                tables.put(angTable, DataTable.of(List.of("epoch", "angle_deg"), ang.toArray(new double[0][])));
                angle.add(new PlotSeries(FigureData.csv(angTable), "epoch", "angle_deg", null, label, colour.hex(),
                        PlotSeries.Style.LINE, dashed));
            }
        }
        List<PlotPanel> panels = new ArrayList<>();
        panels.add(new PlotPanel("test accuracy", "epoch", "test accuracy", false, false, accuracy));
        if (!angle.isEmpty()) {
            panels.add(new PlotPanel("alignment of F (dashed: pre-mirrored)", "epoch", "∠(F, (W_d…W_0)ᵀ) [°]", false, false, angle));
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
                new FigureData(tables, new PlotFigure(protocol.cliName(), panels.size(), panels), parameters),
                Map.of(), Version.recorded(), c.commandLine(), dir);
    }
}
