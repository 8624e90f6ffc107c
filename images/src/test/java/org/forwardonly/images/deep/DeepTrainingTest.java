package org.forwardonly.images.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.forwardonly.images.data.FashionMnist;
import org.forwardonly.images.data.ImageSet;
import org.forwardonly.images.data.Normalization;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.training.EpochMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule at depth 1, 2 and 3 on a subset of Debian's Fashion-MNIST (skipped when the package is not
 * installed): the paper's settings (lr 0.01, momentum 0.9, batch 64, dropout 0.1, F = 0.05·U(±√(6/784)),
 * s = −1) except 64 hidden units and 1 epoch of the first 4000 training images (63 steps: with 1000 images, 16 steps, fa and pepita are
 * still at 13-16 %, in their alignment phase); accuracy on the first 500 test images.
 */
class DeepTrainingTest {

    static ImageSet train;
    static ImageSet test;

    @BeforeAll
    static void load() throws IOException {
        if (!Files.isRegularFile(FashionMnist.DEBIAN_DIR.resolve("train-images-idx3-ubyte.gz"))) {
            return;
        }
        FashionMnist.Split s = FashionMnist.load(FashionMnist.DEBIAN_DIR, Normalization.UNIT);
        train = s.train().head(4000);
        test = s.test().head(500);
    }

    static DeepConfig config(DeepRuleName rule, int depth) {
        return DeepConfig.paper(rule, depth, 1).resized(depth, 64, 1, List.of(60, 90), 1).validate();
    }

    /**
     * Chance is 10 %; on 500 test images its binomial s.e. is 1.3 pp, so 20 % is 7.5 s.e. above it; it fails for
     * a rule that has not learnt (fa and pepita after 16 steps: 12.6 %).
     */
    @Test
    void everyRuleAtEveryDepthBeatsChanceAfterOneEpoch() {
        assumeTrue(train != null, "Debian's dataset-fashion-mnist is not installed");
        List<String> report = new ArrayList<>();
        try (BatchMatmul mm = new BatchMatmul(1)) {
            DeepTrainer trainer = new DeepTrainer(mm);
            for (DeepRuleName rule : DeepConfig.RULES) {
                for (int depth = 1; depth <= 3; depth++) {
                    List<EpochMetrics> rows = trainer.train(config(rule, depth), train, test, m -> { });
                    double acc = rows.get(1).testAccuracy();
                    report.add(rule + "@" + depth + "=" + acc);
                    assertTrue(acc > 0.20, rule + " depth " + depth + ": " + acc + " (all: " + report + ")");
                }
            }
        }
        System.out.println("one epoch, 4000 images: " + report);
    }

    /** Results do not depend on the thread count (pepita-wm at depth 2, dropout on): identical metrics. */
    @Test
    void sameBytesForOneAndTwoThreads() {
        assumeTrue(train != null, "Debian's dataset-fashion-mnist is not installed");
        DeepConfig c = config(DeepRuleName.PEPITA_WM, 2).with(DeepRuleName.PEPITA_WM, 1e-4, true, 20);
        List<EpochMetrics> one;
        List<EpochMetrics> two;
        try (BatchMatmul mm = new BatchMatmul(1)) {
            one = new DeepTrainer(mm).train(c, train.head(300), test.head(200), m -> { });
        }
        try (BatchMatmul mm = new BatchMatmul(2)) {
            two = new DeepTrainer(mm).train(c, train.head(300), test.head(200), m -> { });
        }
        for (int i = 0; i < one.size(); i++) {
            assertEquals(one.get(i).testAccuracy(), two.get(i).testAccuracy(), 0.0);
            assertEquals(one.get(i).trainLoss(), two.get(i).trainLoss(), 0.0);
            assertEquals(one.get(i).angleDeg(), two.get(i).angleDeg(), 0.0);
        }
    }
}
