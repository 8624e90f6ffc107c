package org.forwardonly.images.deep;

import org.apache.commons.rng.UniformRandomProvider;
import org.forwardonly.images.network.BatchMatmul;

/**
 * The fully connected {@code n–H1–…–Hd–C} network of the PEPITA papers with d = 1..3 hidden ReLU layers,
 * softmax output, no biases. Layer {@code l} (0-based, {@code l = d} is the output layer) maps
 * {@code sizes[l]} to {@code sizes[l+1]} units; its weight W_l is stored TRANSPOSED as {@code wt[l]}
 * ({@code sizes[l] × sizes[l+1]}, row-major) so that a batch's products are contiguous axpys, as in
 * {@link org.forwardonly.images.network.TwoLayerNetwork}.
 *
 * <p>Hidden layer l: {@code a = relu(drop ⊙ (x W_lᵀ))}, then optionally {@code a ← a/|a|} row by row
 * (activation normalisation). Dropout sits before the ReLU with the same mask for both passes of a
 * batch, as the authors' {@code ConsistentDropout} (ravifrancesco/PEPITA, {@code models/FCnet.py}).
 */
public final class DeepNetwork {

    /** Layer widths: {@code sizes[0] = n}, {@code sizes[d+1] = C}. */
    public final int[] sizes;
    /** {@code wt[l]} = W_lᵀ, {@code sizes[l] × sizes[l+1]} row-major. */
    public final double[][] wt;
    /** Whether hidden activities are normalised row by row to unit Euclidean norm. */
    public final boolean normalise;

    /** A network with zero weights. */
    public DeepNetwork(int[] sizes, boolean normalise) {
        if (sizes.length < 3 || sizes.length > 5) {
            throw new IllegalArgumentException("1 to 3 hidden layers, got " + (sizes.length - 2));
        }
        this.sizes = sizes.clone();
        this.normalise = normalise;
        wt = new double[sizes.length - 1][];
        for (int l = 0; l < wt.length; l++) {
            wt[l] = new double[sizes[l] * sizes[l + 1]];
        }
    }

    /** Hidden layers d. */
    public int depth() {
        return sizes.length - 2;
    }

    /** Number of weight layers d + 1. */
    public int layers() {
        return sizes.length - 1;
    }

    /** Input dimension n. */
    public int inputs() {
        return sizes[0];
    }

    /** Classes C. */
    public int classes() {
        return sizes[sizes.length - 1];
    }

    /**
     * He-uniform initialisation {@code W_l ~ U(±√(6/fan_in))} (the authors' {@code initialize_layer}), each
     * W_l drawn in (out, in) order, layer by layer: with one hidden layer the draws are those of
     * {@link org.forwardonly.images.network.TwoLayerNetwork#heUniform} from the same generator.
     */
    public static DeepNetwork heUniform(int[] sizes, boolean normalise, UniformRandomProvider rng) {
        DeepNetwork net = new DeepNetwork(sizes, normalise);
        for (int l = 0; l < net.layers(); l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double bound = Math.sqrt(6.0 / in);
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    net.wt[l][i * out + o] = bound * (2 * rng.nextDouble() - 1);
                }
            }
        }
        return net;
    }

    /** A deep copy. */
    public DeepNetwork copy() {
        DeepNetwork c = new DeepNetwork(sizes, normalise);
        for (int l = 0; l < wt.length; l++) {
            System.arraycopy(wt[l], 0, c.wt[l], 0, wt[l].length);
        }
        return c;
    }

    /**
     * Layer {@code l} of a batch: {@code out = input W_lᵀ} (rows × sizes[l+1]); for a hidden layer then
     * dropout ({@code mask} may be null), ReLU and the optional normalisation, whose row norms (before
     * normalising) go to {@code norms} (may be null when not normalising).
     */
    public void layer(BatchMatmul mm, int l, double[] input, int rows, double[] mask, double[] out, double[] norms) {
        int width = sizes[l + 1];
        mm.multiply(input, rows, sizes[l], wt[l], width, out);
        if (l == layers() - 1) {
            return;
        }
        int len = rows * width;
        for (int k = 0; k < len; k++) {
            double v = mask == null ? out[k] : out[k] * mask[k];
            out[k] = v > 0 ? v : 0;
        }
        if (normalise) {
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int j = r * width; j < (r + 1) * width; j++) {
                    s += out[j] * out[j];
                }
                double norm = Math.sqrt(s);
                norms[r] = norm;
                if (norm > 0) {
                    for (int j = r * width; j < (r + 1) * width; j++) {
                        out[j] /= norm;
                    }
                }
            }
        }
    }

    /** The transposed end-to-end linear map {@code (W_d … W_0)ᵀ = W_0ᵀ … W_dᵀ}, n × C row-major. */
    public double[] endToEndTransposed(BatchMatmul mm) {
        double[] acc = wt[0];
        for (int l = 1; l < layers(); l++) {
            double[] next = new double[sizes[0] * sizes[l + 1]];
            mm.multiply(acc, sizes[0], sizes[l], wt[l], sizes[l + 1], next);
            acc = next;
        }
        return acc == wt[0] ? acc.clone() : acc;
    }
}
