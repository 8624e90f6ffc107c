package org.forwardonly.images.training;

import org.forwardonly.images.network.TwoLayerNetwork;

/**
 * SGD with momentum as in PyTorch (the PEPITA papers' optimiser): {@code v ← μ v + g}, {@code W ← W − lr v}.
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

    /** One step along the directions {@code g1t} (shaped like w1t) and {@code g2}. */
    public void step(TwoLayerNetwork net, double[] g1t, double[] g2, double lr) {
        update(net.w1t, v1, g1t, lr);
        update(net.w2, v2, g2, lr);
    }

    private void update(double[] w, double[] v, double[] g, double lr) {
        for (int k = 0; k < w.length; k++) {
            v[k] = momentum * v[k] + g[k];
            w[k] -= lr * v[k];
        }
    }
}
