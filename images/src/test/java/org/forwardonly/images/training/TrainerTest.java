package org.forwardonly.images.training;

import org.forwardonly.images.rules.TwoLayerRuleName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.forwardonly.images.data.ImageSet;
import org.forwardonly.images.data.Normalization;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.rules.WeightMirror;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole training loop on a small synthetic image task (CI's tiny version of train-images). */
class TrainerTest {

    static final int FEATURES = 64;   // "8×8 images"
    static final int CLASSES = 4;

    /** Each class is a fixed random prototype in [0,1]^64 plus uniform pixel noise; pixels clipped at 0. */
    static ImageSet synthetic(int count, long seed) {
        SplittableRandom protoRng = new SplittableRandom(99);
        double[][] prototypes = new double[CLASSES][FEATURES];
        for (double[] p : prototypes) {
            for (int i = 0; i < FEATURES; i++) {
                p[i] = protoRng.nextDouble() < 0.5 ? 0.0 : protoRng.nextDouble();
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[count * FEATURES];
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = rng.nextInt(CLASSES);
            for (int i = 0; i < FEATURES; i++) {
                x[n * FEATURES + i] = Math.max(0, prototypes[labels[n]][i] + rng.nextDouble(-0.6, 0.6));
            }
        }
        return new ImageSet(x, labels, count, FEATURES, CLASSES);
    }

    static ImageTrainingConfig config(List<String> rules, int epochs) {
        return new ImageTrainingConfig("fashion-mnist", rules, 32, epochs, 16, 0.9,
                Map.of("bp", 0.01, "fa", 0.01, "pepita", 0.01, "pepita-wm", 0.01), List.of(3), 0.1,
                400, 200, 5L, Normalization.UNIT, 0.05, -1, true,
                new WeightMirror.Settings(1.0, 0.001, 0.0, 1, 16, true), 0.9).validate();
    }

    static List<List<EpochMetrics>> run(ImageTrainingConfig config, int threads) {
        List<List<EpochMetrics>> all = new ArrayList<>();
        try (BatchMatmul mm = new BatchMatmul(threads)) {
            Trainer trainer = new Trainer(config, mm, TrainingProgress.NONE);
            for (TwoLayerRuleName rule : config.ruleNames()) {
                all.add(trainer.train(rule, synthetic(400, 1), synthetic(200, 2), m -> { }));
            }
        }
        return all;
    }

    @Test
    void everyRuleLearnsTheSyntheticTaskAndMirroringAlignsF() {
        ImageTrainingConfig config = config(List.of("bp", "fa", "pepita", "pepita-wm"), 4);
        List<List<EpochMetrics>> all = run(config, 2);
        for (List<EpochMetrics> rows : all) {
            assertEquals(5, rows.size());
            double initial = rows.get(0).testAccuracy();
            double last = rows.get(4).testAccuracy();
            // chance is 25 %; the classes are separated by prototype distances several times the noise, so a
            // learning rule reaches well above 80 % in 4 epochs of 25 batches, and an untrained net does not.
            assertTrue(last > 0.8 && last > initial + 0.2, rows.get(0).rule() + ": " + initial + " -> " + last);
            assertEquals(0.001, rows.get(4).learningRate(), 1e-15);  // decayed ×0.1 after epoch 3
        }
        List<EpochMetrics> wm = all.get(3);
        assertTrue(wm.get(4).angleDeg() < wm.get(0).angleDeg() - 30,
                "mirroring must turn F toward (W2W1)ᵀ: " + wm.get(0).angleDeg() + " -> " + wm.get(4).angleDeg());
        assertTrue(Double.isNaN(all.get(0).get(4).angleDeg()), "bp has no F");
    }

    @Test
    void outputsAreByteIdenticalForOneAndTwoThreads(@TempDir Path dir) throws IOException {
        ImageTrainingConfig config = config(List.of("bp", "pepita-wm"), 2);
        for (int threads = 1; threads <= 2; threads++) {
            Path out = Files.createDirectories(dir.resolve("t" + threads));
            List<List<EpochMetrics>> all = run(config, threads);
            ResultsWriter.writeMetrics(out, all, threads);
            ResultsWriter.writeConfig(out, config, "test", "test");
            List<RuleSummary> summaries = new ArrayList<>();
            for (List<EpochMetrics> rows : all) {
                summaries.add(RuleSummary.of(rows, 0.01, config.targetAccuracy()));
            }
            ResultsWriter.writeSummary(out, summaries, config);
        }
        for (String file : List.of("metrics.csv", "bp/metrics.csv", "pepita-wm/metrics.csv", "summary.csv", "summary.md",
                "config.json")) {
            assertEquals(Files.readString(dir.resolve("t1").resolve(file)), Files.readString(dir.resolve("t2").resolve(file)), file);
        }
        List<String> lines = Files.readAllLines(dir.resolve("t1/metrics.csv"));
        assertEquals(ResultsWriter.METRICS_HEADER, lines.get(0));
        assertEquals(1 + 2 * 3, lines.size());
        assertTrue(lines.get(1).startsWith("bp,0,0.0,NaN,"), lines.get(1));
    }

    @Test
    void summaryFindsTheFirstEpochAtTheTarget() {
        List<EpochMetrics> rows = List.of(new EpochMetrics("pepita", 0, 0, Double.NaN, 0.95, 90, 0),
                new EpochMetrics("pepita", 1, 0.01, 1, 0.7, 80, 0), new EpochMetrics("pepita", 2, 0.01, 1, 0.81, 70, 0),
                new EpochMetrics("pepita", 3, 0.01, 1, 0.79, 60, 0));
        RuleSummary s = RuleSummary.of(rows, 0.01, 0.8);
        assertEquals(2, s.epochsToTarget());     // epoch 0 does not count
        assertEquals(0.79, s.finalTestAccuracy());
        assertEquals(60, s.finalAngleDeg());
        assertEquals(-1, RuleSummary.of(rows, 0.01, 0.9).epochsToTarget());
    }

    @Test
    void badValuesAreRejectedWithTheOptionName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(List.of("bp", "sgd"), 2));
        assertTrue(e.getMessage().startsWith("--rules: invalid value 'sgd'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> config(List.of("bp"), 0));
    }
}
