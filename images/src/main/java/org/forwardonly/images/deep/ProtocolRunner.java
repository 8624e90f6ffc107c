package org.forwardonly.images.deep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.forwardonly.images.data.FashionMnist;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.training.EpochMetrics;
import org.forwardonly.images.training.ResultsWriter;

/**
 * Runs a {@link Protocol}'s rows over seeds and writes the table. Files in the output directory:
 * <ul>
 *   <li>{@code metrics.csv}: {@code row,dataset,depth,seed,label,epoch,learning_rate,train_loss,test_accuracy,angle_deg}, one line per
 *       row, seed and epoch (epoch 0 is the untrained network, after pre-mirroring);</li>
 *   <li>{@code table.csv}, {@code table.md}: per row the final test accuracy, mean ± standard error over seeds
 *       (s.e. NaN for one seed), beside the published number (none at hand: "–");</li>
 *   <li>{@code timing.csv}: seconds per row, seed and epoch (wall clock: the only file that varies).</li>
 * </ul>
 */
public final class ProtocolRunner {

    /**
     * What a run may cut from the protocol.
     *
     * @param epochs    epochs (the paper: 100); the decay epochs 60, 90 scale to round(0.6·epochs), round(0.9·epochs)
     * @param trainSize first N training images (all when larger)
     * @param testSize  first N test images
     * @param seeds     seeds 1..seeds per row
     * @param hidden    hidden units per layer (the paper: 1024)
     */
    public record Cut(int epochs, int trainSize, int testSize, int seeds, int hidden) {
        /** Whether anything is cut from the paper's protocol. */
        public boolean isCut(Map<String, FashionMnist.Split> data) {
            boolean sets = data.values().stream().anyMatch(s -> trainSize < s.train().count() || testSize < s.test().count());
            return epochs != 100 || hidden != 1024 || sets;
        }
    }

    /** One line of the table. */
    public record TableRow(Protocol.Row row, int depth, double mean, double standardError, int seeds) {
    }

    private ProtocolRunner() {
    }

    /** The paper's decay points (60 and 90 of 100 epochs) scaled to {@code epochs}. */
    public static List<Integer> decayEpochs(int epochs) {
        return List.of((int) Math.round(0.6 * epochs), (int) Math.round(0.9 * epochs));
    }

    /**
     * Runs the {@code selected} rows of {@code protocol} for seeds 1..cut.seeds() and writes the files into {@code dir}.
     *
     * @param note    a line for the top of table.md (a stand-in dataset), or null
     * @param data    the loaded datasets by name (every one the rows name)
     * @param firstSeedCurves filled with seed 1's metrics per row number (for the figure)
     * @param onEpoch progress: each epoch's metrics as they come (row label prefixed to the rule)
     * @return the table
     */
    public static List<TableRow> run(Protocol protocol, List<Protocol.Row> selected, String note,
                                     Map<String, FashionMnist.Split> data, Cut cut, BatchMatmul mm, Path dir,
                                     Consumer<String> onEpoch, Map<Integer, List<EpochMetrics>> firstSeedCurves)
            throws IOException {
        DeepTrainer trainer = new DeepTrainer(mm);
        List<TableRow> table = new ArrayList<>();
        Map<String, FashionMnist.Split> heads = new HashMap<>();
        for (var e : data.entrySet()) {
            heads.put(e.getKey(), new FashionMnist.Split(e.getValue().train().head(cut.trainSize()),
                    e.getValue().test().head(cut.testSize())));
        }
        StringBuilder metrics = new StringBuilder("row,dataset,depth,seed," + ResultsWriter.METRICS_HEADER.replaceFirst("^rule,",
                "label,") + "\n");
        StringBuilder timing = new StringBuilder("row,dataset,depth,seed,epoch,seconds,threads\n");
        for (Protocol.Row row : selected) {
            int index = row.number();
            FashionMnist.Split split = heads.get(row.dataset());
            double[] finals = new double[cut.seeds()];
            for (int seed = 1; seed <= cut.seeds(); seed++) {
                DeepConfig config = row.config().resized(row.config().depth(), cut.hidden(), cut.epochs(),
                        decayEpochs(cut.epochs()), seed).validate();
                String prefix = String.format(Locale.ROOT, "%d,%s,%d,%d,", index, row.dataset(), config.depth(), seed);
                int thisSeed = seed;
                int rowIndex = index;
                List<EpochMetrics> rows = trainer.train(config, split.train(), split.test(), m -> onEpoch.accept(
                        String.format(Locale.ROOT, "%s row %d (%s, %s, depth %d) seed %d epoch %d: test accuracy %.4f, angle %.1f deg, "
                                + "%.1f s",
                                protocol.cliName(), rowIndex, row.label(), row.dataset(), config.depth(), thisSeed, m.epoch(),
                                m.testAccuracy(), m.angleDeg(), m.seconds())));
                for (EpochMetrics m : rows) {
                    metrics.append(prefix).append(ResultsWriter.metricsLine(m).replaceFirst("^[^,]*,", row.label().replace(',', ';')
                            + ","));
                    timing.append(prefix).append(String.format(Locale.ROOT, "%d,%.3f,%d%n", m.epoch(), m.seconds(), mm.threads())
                            .replace(System.lineSeparator(), "\n"));
                }
                finals[seed - 1] = rows.get(rows.size() - 1).testAccuracy();
                if (seed == 1) {
                    firstSeedCurves.put(row.number(), rows);
                }
            }
            double mean = 0;
            for (double a : finals) {
                mean += a;
            }
            mean /= finals.length;
            double ss = 0;
            for (double a : finals) {
                ss += (a - mean) * (a - mean);
            }
            double se = finals.length > 1 ? Math.sqrt(ss / (finals.length - 1) / finals.length) : Double.NaN;
            table.add(new TableRow(row, row.config().depth(), mean, se, finals.length));
        }
        Files.writeString(dir.resolve("metrics.csv"), metrics.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("timing.csv"), timing.toString(), StandardCharsets.UTF_8);
        writeTable(protocol, note, table, cut, heads, data, dir);
        return table;
    }

    /** table.csv and table.md. */
    static void writeTable(Protocol protocol, String note, List<TableRow> table, Cut cut, Map<String, FashionMnist.Split> heads,
                           Map<String, FashionMnist.Split> data, Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("row,label,dataset,depth,rule,options,seeds,epochs,train_size,test_size,"
                + "test_accuracy_mean,test_accuracy_se,paper\n");
        StringBuilder md = new StringBuilder();
        md.append("# ").append(protocol.cliName()).append('\n').append('\n');
        if (note != null) {
            md.append(note).append("\n\n");
        }
        if (cut.isCut(data)) {
            md.append("CUT DOWN from the paper's protocol: ").append(cut.epochs()).append(" epochs (paper: 100; lr ×0.1 after epochs ")
                    .append(decayEpochs(cut.epochs())).append("), ").append(cut.hidden()).append(" hidden units per layer (paper: 1024)");
            for (var e : heads.entrySet()) {
                md.append(", ").append(e.getKey()).append(' ').append(e.getValue().train().count()).append(" of ")
                        .append(data.get(e.getKey()).train().count()).append(" training and ").append(e.getValue().test().count())
                        .append(" of ").append(data.get(e.getKey()).test().count()).append(" test images");
            }
            md.append(". The numbers are not the paper's setting.\n\n");
        }
        md.append("| # | row | dataset | depth | rule | options | seeds | test accuracy (%) | paper (%) |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        for (TableRow t : table) {
            int i = t.row().number();
            DeepConfig c = t.row().config();
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%s,%s,%d,%d,%d,%d,%.4f,%.4f,NaN%n", i, t.row().label().replace(',', ';'),
                    t.row().dataset(), t.depth(), c.rule().configName(), c.options().replace(',', ';'), t.seeds(), cut.epochs(),
                    heads.get(t.row().dataset()).train().count(), heads.get(t.row().dataset()).test().count(), t.mean(),
                    t.standardError()).replace(System.lineSeparator(), "\n"));
            String acc = Double.isNaN(t.standardError()) ? String.format(Locale.ROOT, "%.2f", 100 * t.mean())
                    : String.format(Locale.ROOT, "%.2f ± %.2f", 100 * t.mean(), 100 * t.standardError());
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %d | %s | %s | %d | %s | – |%n", i, t.row().label(), t.row().dataset(),
                    t.depth(), c.rule().configName(), c.options(), t.seeds(), acc).replace(System.lineSeparator(), "\n"));
        }
        md.append("\nMean ± standard error over seeds (no s.e. with one seed). \"paper\": the published number is not in "
                + "docs/paper.md, so none is printed.\n");
        Files.writeString(dir.resolve("table.csv"), csv.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("table.md"), md.toString(), StandardCharsets.UTF_8);
    }
}
