package org.forwardonly.images.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a run's output directory. Everything except {@code timing.csv} depends only on the config
 * and seed (byte-identical for any thread count):
 * <ul>
 *   <li>{@code config.json}: the resolved configuration, version and command;</li>
 *   <li>{@code metrics.csv}: tidy, one row per rule and epoch:
 *       {@code rule,epoch,learning_rate,train_loss,test_accuracy,angle_deg} (NaN where undefined);</li>
 *   <li>{@code <rule>/metrics.csv}: the same rows for one rule;</li>
 *   <li>{@code summary.csv}, {@code summary.md}: final and best accuracy, epochs to the target accuracy, final angle;</li>
 *   <li>{@code timing.csv}: {@code rule,epoch,seconds,threads} (wall clock, varies run to run).</li>
 * </ul>
 */
public final class ResultsWriter {

    /** Header of metrics.csv. */
    public static final String METRICS_HEADER = "rule,epoch,learning_rate,train_loss,test_accuracy,angle_deg";

    private ResultsWriter() {
    }

    /** Writes config.json. */
    public static void writeConfig(Path dir, ImageTrainingConfig config, String version, String command)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", version);
        root.put("command", command);
        root.put("dataset", config.dataset());
        root.put("rules", config.rules());
        root.put("architecture", "784-" + config.hidden() + "-10, relu hidden, softmax output, cross-entropy, no biases");
        root.put("hidden", config.hidden());
        root.put("epochs", config.epochs());
        root.put("batchSize", config.batchSize());
        root.put("momentum", config.momentum());
        root.put("learningRates", new java.util.TreeMap<>(config.learningRates()));
        root.put("decayEpochs", config.decayEpochs());
        root.put("decayFactor", config.decayFactor());
        root.put("trainSize", config.trainSize());
        root.put("testSize", config.testSize());
        root.put("seed", config.seed());
        root.put("normalization", config.normalization().name().toLowerCase(Locale.ROOT));
        root.put("feedbackScale", config.feedbackScale());
        root.put("modulationSign", config.modulationSign());
        root.put("lastLayer", config.lastLayerModulated() ? "modulated" : "first");
        Map<String, Object> wm = new LinkedHashMap<>();
        wm.put("noise", config.mirroring().noise());
        wm.put("eta", config.mirroring().eta());
        wm.put("decay", config.mirroring().lambda());
        wm.put("steps", config.mirroring().steps());
        wm.put("batch", config.mirroring().batch());
        wm.put("rescale", config.mirroring().rescale());
        root.put("mirroring", wm);
        root.put("targetAccuracy", config.targetAccuracy());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("config.json").toFile(), root);
    }

    /** Writes metrics.csv (all rules), one metrics.csv per rule, and timing.csv. */
    public static void writeMetrics(Path dir, List<List<EpochMetrics>> perRule, int threads) throws IOException {
        try (Writer all = Files.newBufferedWriter(dir.resolve("metrics.csv"), StandardCharsets.UTF_8);
             Writer timing = Files.newBufferedWriter(dir.resolve("timing.csv"), StandardCharsets.UTF_8)) {
            all.write(METRICS_HEADER + "\n");
            timing.write("rule,epoch,seconds,threads\n");
            for (List<EpochMetrics> rows : perRule) {
                Path ruleDir = Files.createDirectories(dir.resolve(rows.get(0).rule()));
                try (Writer one = Files.newBufferedWriter(ruleDir.resolve("metrics.csv"), StandardCharsets.UTF_8)) {
                    one.write(METRICS_HEADER + "\n");
                    for (EpochMetrics m : rows) {
                        String line = metricsLine(m);
                        all.write(line);
                        one.write(line);
                        timing.write(String.format(Locale.ROOT, "%s,%d,%.3f,%d%n", m.rule(), m.epoch(), m.seconds(), threads)
                                .replace(System.lineSeparator(), "\n"));
                    }
                }
            }
        }
    }

    /** One metrics.csv line, with its newline. */
    public static String metricsLine(EpochMetrics m) {
        return String.format(Locale.ROOT, "%s,%d,%s,%.6f,%.4f,%.3f", m.rule(), m.epoch(), Double.toString(m.learningRate()),
                m.trainLoss(), m.testAccuracy(), m.angleDeg()) + "\n";
    }

    /** Writes summary.csv and summary.md; returns the markdown table. */
    public static String writeSummary(Path dir, List<RuleSummary> summaries, ImageTrainingConfig config) throws IOException {
        StringBuilder csv = new StringBuilder("rule,initial_learning_rate,epochs,final_test_accuracy,best_test_accuracy,"
                + "target_accuracy,epochs_to_target,final_angle_deg\n");
        String target = String.format(Locale.ROOT, "%.0f %%", 100 * config.targetAccuracy());
        StringBuilder md = new StringBuilder();
        md.append("| rule | lr (decay ×").append(config.decayFactor()).append(" after epochs ").append(config.decayEpochs())
                .append(") | test acc. after ").append(config.epochs()).append(" epochs | best | epochs to ").append(target)
                .append(" | final angle F vs (W2W1)ᵀ |\n|---|---|---|---|---|---|\n");
        for (RuleSummary s : summaries) {
            // never reached: NaN, the missing value of every CSV file (docs/columns.md)
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.4f,%s,%.3f%n", s.rule(),
                    Double.toString(s.initialLearningRate()), s.epochs(), s.finalTestAccuracy(), s.bestTestAccuracy(),
                    config.targetAccuracy(), s.epochsToTarget() < 0 ? "NaN" : Integer.toString(s.epochsToTarget()),
                    s.finalAngleDeg()).replace(System.lineSeparator(), "\n"));
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f %% | %.2f %% | %s | %s |%n", s.rule(),
                    Double.toString(s.initialLearningRate()), 100 * s.finalTestAccuracy(), 100 * s.bestTestAccuracy(),
                    s.epochsToTarget() < 0 ? "not reached" : Integer.toString(s.epochsToTarget()),
                    Double.isNaN(s.finalAngleDeg()) ? "–" : String.format(Locale.ROOT, "%.1f°", s.finalAngleDeg()))
                    .replace(System.lineSeparator(), "\n"));
        }
        Files.writeString(dir.resolve("summary.csv"), csv.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), md.toString(), StandardCharsets.UTF_8);
        return md.toString();
    }
}
