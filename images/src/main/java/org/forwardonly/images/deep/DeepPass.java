package org.forwardonly.images.deep;

import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.Softmax;

/**
 * One forward pass of a batch through a {@link DeepNetwork} and its buffers: the hidden activities
 * {@code h[l]} (l = 0..d−1), their row norms before normalisation, the softmax output {@code p} and the
 * error {@code e = p − onehot(label)}. Sized once for the largest batch.
 */
public final class DeepPass {

    /** Hidden activities, {@code h[l]} is rows × sizes[l+1]. */
    public final double[][] h;
    /** Row norms of the hidden activities before normalisation ({@code norms[l][r]}). */
    public final double[][] norms;
    /** Softmax probabilities, rows × C. */
    public final double[] p;
    /** Error e = p − onehot(label), rows × C. */
    public final double[] err;

    /** Buffers for batches of up to {@code maxRows} rows. */
    public DeepPass(DeepNetwork net, int maxRows) {
        h = new double[net.depth()][];
        norms = new double[net.depth()][];
        for (int l = 0; l < net.depth(); l++) {
            h[l] = new double[maxRows * net.sizes[l + 1]];
            norms[l] = new double[maxRows];
        }
        p = new double[maxRows * net.classes()];
        err = new double[maxRows * net.classes()];
    }

    /** The input of layer {@code l}: x for l = 0, else h[l−1]. */
    public double[] input(int l, double[] x) {
        return l == 0 ? x : h[l - 1];
    }

    /**
     * Runs the pass on {@code x (rows×n)} with dropout {@code masks} (null: none).
     *
     * @return the summed cross-entropy of the rows (labels may be null: then 0 and no error)
     */
    public double run(DeepNetwork net, BatchMatmul mm, double[] x, int[] labels, int rows, double[][] masks) {
        for (int l = 0; l < net.depth(); l++) {
            net.layer(mm, l, input(l, x), rows, masks == null ? null : masks[l], h[l], norms[l]);
        }
        net.layer(mm, net.depth(), input(net.depth(), x), rows, null, p, null);
        if (labels == null) {
            return 0;
        }
        return Softmax.probabilitiesAndError(p, rows, net.classes(), labels, err);
    }
}
