package org.forwardonly.images.deep;

import java.util.function.IntConsumer;
import org.forwardonly.images.network.BatchMatmul;

/**
 * A learning rule for a {@link DeepNetwork}: from a batch it produces the update direction {@code g[l]} of
 * every weight layer (shaped like {@code wt[l]}, averaged over the batch); the optimiser moves
 * {@code W ← W − lr·(momentum of g + weight decay)}. For bp, g is the gradient of the mean cross-entropy.
 */
public interface DeepRule {

    /** The rule's name on the command line and in outputs. */
    String name();

    /**
     * Computes the directions of the batch {@code x (rows×n)}. A rule that updates layer by layer during its
     * pass (PEPITA time-local) calls {@code applyLayer.accept(l)} as soon as {@code g[l]} is filled, and the
     * optimiser applies it there and then; the layers it does not apply are applied after it returns.
     *
     * @param masks dropout masks per hidden layer (null: no dropout), the same for both passes
     * @return the summed cross-entropy of the batch under the weights at the start of the step
     */
    double directions(DeepNetwork net, BatchMatmul mm, double[] x, int[] labels, int rows, double[][] masks,
                      double[][] g, IntConsumer applyLayer);

    /** Called after each weight update (weight mirroring of F happens here). */
    default void afterUpdate(DeepNetwork net, BatchMatmul mm) {
    }

    /** Called once before training (pre-mirroring happens here). */
    default void beforeTraining(DeepNetwork net, BatchMatmul mm) {
    }

    /** The top-down feedback matrix F (n×C row-major) when the rule has one, else null. */
    default double[] feedback() {
        return null;
    }
}
