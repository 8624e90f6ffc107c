package org.forwardonly.images.deep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.forwardonly.images.data.FashionMnist;
import org.forwardonly.images.data.ImageSet;
import org.forwardonly.images.data.Normalization;
import org.forwardonly.images.network.BatchMatmul;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the CPU cost of one epoch of each rule at depth 1 and 3 on Fashion-MNIST (1024 hidden units, the
 * paper's settings, one thread), from 1 epoch on the first 3200 images (50 batches) scaled to 60 000. Thread CPU
 * time, so a loaded machine does not inflate it. Run with
 * {@code mvn -pl images -am test -Dtest=EpochCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false -Dpepita.measure=true}.
 */
@EnabledIfSystemProperty(named = "pepita.measure", matches = "true")
class EpochCostMeasurement {

    @Test
    void measure() throws Exception {
        FashionMnist.Split s = FashionMnist.load(FashionMnist.DEBIAN_DIR, Normalization.UNIT);
        ImageSet train = s.train().head(3200);
        ImageSet test = s.test().head(10);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        try (BatchMatmul mm = new BatchMatmul(1)) {
            DeepTrainer trainer = new DeepTrainer(mm);
            // warm-up: the JIT compiles the kernels before anything is timed
            trainer.train(DeepConfig.paper(DeepRuleName.PEPITA, 1, 1).resized(1, 1024, 1, List.of(60, 90), 1), train.head(640), test, m -> { });
            for (int depth : new int[] {1, 3}) {
                for (DeepRuleName rule : DeepConfig.RULES) {
                    DeepConfig c = DeepConfig.paper(rule, depth, 1).resized(depth, 1024, 1, List.of(60, 90), 1);
                    long t0 = bean.getCurrentThreadCpuTime();
                    trainer.train(c, train, test, m -> { });
                    double cpu = (bean.getCurrentThreadCpuTime() - t0) / 1e9;
                    System.out.printf(java.util.Locale.ROOT,
                            "EPOCH-COST depth %d %-15s %.2f s CPU for 3200 images -> %.0f s per 60000-image epoch%n",
                            depth, rule, cpu, cpu * 60000 / 3200);
                }
            }
        }
    }
}
