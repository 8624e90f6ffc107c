package org.forwardonly.images.rules;

import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.TwoLayerNetwork;

/**
 * A learning rule for the n–H–C softmax network: from a batch it produces the update directions
 * {@code g1t} (the direction for W1, stored transposed like {@link TwoLayerNetwork#w1t}, n×H) and
 * {@code g2} (C×H), already averaged over the batch. The optimiser then moves {@code W ← W − lr·(momentum of g)}.
 * For bp, g is the gradient of the mean cross-entropy.
 */
public interface ImageRule {

    /** The rule's name on the command line and in outputs (bp, fa, pepita, pepita-wm). */
    String name();

    /**
     * Computes the update directions for the batch {@code x (rows×n)} with {@code labels}.
     *
     * @return the summed cross-entropy of the batch under the current weights (first pass)
     */
    double directions(TwoLayerNetwork net, BatchMatmul mm, double[] x, int[] labels, int rows,
                      double[] g1t, double[] g2);

    /** Called after each weight update (weight mirroring of F happens here). */
    default void afterUpdate(TwoLayerNetwork net, BatchMatmul mm) {
    }

    /** The top-down feedback matrix F (n×C, row-major) when the rule has one, else null. */
    default double[] feedback() {
        return null;
    }
}
