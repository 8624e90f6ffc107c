package org.forwardonly.images.training;

/**
 * One row of metrics.csv. Epoch 0 is the untrained network (train loss NaN).
 *
 * @param trainLoss     mean cross-entropy over the epoch's batches, each taken before its update
 * @param testAccuracy  fraction of test images classified correctly after the epoch
 * @param angleDeg      angle between F and (W2 W1)ᵀ (Frobenius), NaN for rules without F
 * @param seconds       wall-clock seconds of the epoch's training and evaluation (not in metrics.csv)
 */
public record EpochMetrics(String rule, int epoch, double learningRate, double trainLoss, double testAccuracy,
                           double angleDeg, double seconds) {
}
