package org.forwardonly.images.training;

import java.util.List;

/**
 * One rule's line of the summary table.
 *
 * @param epochsToTarget first epoch whose test accuracy is at least the target, or -1 when never reached
 */
public record RuleSummary(String rule, double initialLearningRate, int epochs, double finalTestAccuracy,
                          double bestTestAccuracy, int epochsToTarget, double finalAngleDeg) {

    /** Summarises the metrics of one rule (epoch 0 first). */
    public static RuleSummary of(List<EpochMetrics> rows, double initialLearningRate, double targetAccuracy) {
        EpochMetrics last = rows.get(rows.size() - 1);
        double best = 0;
        int reached = -1;
        for (EpochMetrics m : rows) {
            best = Math.max(best, m.testAccuracy());
            if (reached < 0 && m.epoch() > 0 && m.testAccuracy() >= targetAccuracy) {
                reached = m.epoch();
            }
        }
        return new RuleSummary(last.rule(), initialLearningRate, last.epoch(), last.testAccuracy(), best, reached,
                last.angleDeg());
    }
}
