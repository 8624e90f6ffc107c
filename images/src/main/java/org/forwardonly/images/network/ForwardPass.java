package org.forwardonly.images.network;

/**
 * The first (ordinary) forward pass of a batch and its buffers: hidden activity {@code h},
 * softmax output {@code p} and error {@code e = p − onehot(target)}. Buffers are sized once for the
 * largest batch; nothing is allocated per batch.
 */
public final class ForwardPass {

    /** Hidden activity h = relu(W1 x), rows×H. */
    public final double[] h;
    /** Softmax probabilities, rows×C. */
    public final double[] p;
    /** Error e = p − onehot(label), rows×C. */
    public final double[] err;

    /** Buffers for batches of up to {@code maxRows} rows. */
    public ForwardPass(TwoLayerNetwork net, int maxRows) {
        h = new double[maxRows * net.hidden];
        p = new double[maxRows * net.classes];
        err = new double[maxRows * net.classes];
    }

    /**
     * Runs the pass on {@code x (rows×n)}.
     *
     * @return the summed cross-entropy of the rows
     */
    public double run(TwoLayerNetwork net, BatchMatmul mm, double[] x, int[] labels, int rows) {
        net.hidden(mm, x, rows, h);
        net.logits(h, rows, p);
        return Softmax.probabilitiesAndError(p, rows, net.classes, labels, err);
    }
}
