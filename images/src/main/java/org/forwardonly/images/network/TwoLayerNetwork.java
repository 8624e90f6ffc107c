package org.forwardonly.images.network;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The fully connected {@code n–H–C} network of the PEPITA papers: {@code h = relu(W1 x)},
 * {@code out = softmax(W2 h)}, no biases. {@code W1} (H×n) is stored TRANSPOSED as {@code w1t}
 * (n×H, row-major) so that the batch products run as contiguous axpys over the hidden units;
 * {@code w2} is C×H row-major. Arrays are public to the training loop on purpose (hot loops).
 */
public final class TwoLayerNetwork {

    /** Input dimension n. */
    public final int inputs;
    /** Hidden units H. */
    public final int hidden;
    /** Classes C. */
    public final int classes;
    /** W1ᵀ, n×H row-major: {@code w1t[i*H + h] = W1[h][i]}. */
    public final double[] w1t;
    /** W2, C×H row-major. */
    public final double[] w2;

    /** A network with zero weights. */
    public TwoLayerNetwork(int inputs, int hidden, int classes) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.classes = classes;
        this.w1t = new double[inputs * hidden];
        this.w2 = new double[classes * hidden];
    }

    /**
     * He-uniform initialisation as in the PEPITA papers' code: {@code W ~ U(±√(6/fan_in))} per layer.
     * W1 is drawn in (h, i) order, so the draw does not depend on the transposed storage.
     */
    public static TwoLayerNetwork heUniform(int inputs, int hidden, int classes, UniformRandomProvider rng) {
        TwoLayerNetwork net = new TwoLayerNetwork(inputs, hidden, classes);
        double b1 = Math.sqrt(6.0 / inputs);
        for (int h = 0; h < hidden; h++) {
            for (int i = 0; i < inputs; i++) {
                net.w1t[i * hidden + h] = b1 * (2 * rng.nextDouble() - 1);
            }
        }
        double b2 = Math.sqrt(6.0 / hidden);
        for (int k = 0; k < net.w2.length; k++) {
            net.w2[k] = b2 * (2 * rng.nextDouble() - 1);
        }
        return net;
    }

    /**
     * First layer of a batch: {@code h = relu(x W1ᵀ)} for {@code rows} inputs {@code x (rows×n)} into
     * {@code h (rows×H)}.
     */
    public void hidden(BatchMatmul mm, double[] x, int rows, double[] h) {
        mm.multiply(x, rows, inputs, w1t, hidden, h);
        int len = rows * hidden;
        for (int k = 0; k < len; k++) {
            if (h[k] < 0) {
                h[k] = 0;
            }
        }
    }

    /** Second layer: logits {@code z = h W2ᵀ} (rows×C). */
    public void logits(double[] h, int rows, double[] z) {
        BatchMatmul.multiplyTransposedB(h, rows, hidden, w2, classes, z);
    }

    /** The end-to-end linear map's transpose {@code (W2 W1)ᵀ = W1ᵀ W2ᵀ}, n×C row-major, into {@code out}. */
    public void endToEndTransposed(double[] out) {
        BatchMatmul.multiplyTransposedB(w1t, inputs, hidden, w2, classes, out);
    }
}
