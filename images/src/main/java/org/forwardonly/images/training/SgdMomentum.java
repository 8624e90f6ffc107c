package org.forwardonly.images.training;

import org.forwardonly.images.network.TwoLayerNetwork;

/**
 * SGD with momentum as in PyTorch (the PEPITA papers' optimiser): {@code v ← μ v + g + λ W}, {@code W ← W − lr v}
 * (λ the weight decay; 0 in {@code train-images}). One step of one matrix is {@link #step}, which the deep
 * trainer uses layer by layer too.
 */
public final class SgdMomentum {

    private final double momentum;
    private final double[] v1;
    private final double[] v2;

    /** Zero velocity for the weights of {@code net}. */
    public SgdMomentum(TwoLayerNetwork net, double momentum) {
        this.momentum = momentum;
        v1 = new double[net.w1t.length];
        v2 = new double[net.w2.length];
    }

    /** One step along the directions {@code g1t} (shaped like w1t) and {@code g2}, no weight decay. */
    public void step(TwoLayerNetwork net, double[] g1t, double[] g2, double lr) {
        step(net.w1t, v1, g1t, lr, momentum, 0);
        step(net.w2, v2, g2, lr, momentum, 0);
    }

    /**
     * One step of one weight matrix: {@code v ← μv + g + λW}, {@code W ← W − lr v}, element by element.
     *
     * @param w           the weights, updated
     * @param v           their velocity, updated
     * @param g           the direction (shaped like w)
     * @param weightDecay λ; the term is left out when it is 0 (not even a +0·W)
     */
    public static void step(double[] w, double[] v, double[] g, double lr, double momentum, double weightDecay) {
        if (weightDecay == 0) {
            for (int k = 0; k < w.length; k++) {
                v[k] = momentum * v[k] + g[k];
                w[k] -= lr * v[k];
            }
        } else {
            for (int k = 0; k < w.length; k++) {
                v[k] = momentum * v[k] + g[k] + weightDecay * w[k];
                w[k] -= lr * v[k];
            }
        }
    }
}
