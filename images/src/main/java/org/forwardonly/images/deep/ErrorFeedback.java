package org.forwardonly.images.deep;

import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.forwardonly.images.network.BatchMatmul;

/**
 * Rules that carry the output error e back to every hidden layer (docs/model.md §2, δ = b g'(λ) e):
 * <pre>
 *   bp : dh_l = δ_{l+1} W_{l+1}          (the exact gradient)
 *   fa : dh_l = δ_{l+1} B_{l+1}          (Lillicrap et al. 2016: B_{l+1} fixed, shaped and drawn like W_{l+1})
 *   dfa: dh_l = e D_l                    (Nøkland 2016: D_l fixed C×H_l, straight from the output)
 *   δ_l = J_l(dh_l),  g_l = h_{l−1}ᵀ δ_l / B,  g_d = h_{d−1}ᵀ e / B
 * </pre>
 * where J_l is the backward map of the layer's normalisation, ReLU and dropout: through
 * {@code y = a/|a|} it is {@code (dh − y (y·dh))/|a|}, then {@code ⊙ 1[h>0] ⊙ mask}. With one hidden layer
 * dfa is fa (D_0 is B_1, the same draw).
 */
public final class ErrorFeedback implements DeepRule {

    /** Which matrices carry the error. */
    public enum Kind { BP, FA, DFA }

    private final Kind kind;
    /** fa: {@code b[l]} shaped like wt[l] (l ≥ 1); dfa: {@code b[l]} = D_lᵀ, H_l × C (l < d). */
    private final double[][] b;
    private final DeepPass pass;
    private final double[][] delta;
    private final double[] dh;
    /** {@code bt[l]}: the matrix that carries δ_l back, as W_l itself (out × in), for the vectorised product. */
    private final double[][] bt;

    /**
     * @param faRng  generator of FA's matrices (and of dfa's top one: the first draw is the output layer's)
     * @param dfaRng generator of dfa's lower matrices
     */
    public ErrorFeedback(Kind kind, DeepNetwork net, int maxRows, UniformRandomProvider faRng,
                         UniformRandomProvider dfaRng) {
        this.kind = kind;
        int d = net.depth();
        b = new double[net.layers()][];
        if (kind != Kind.BP) {
            // the output layer's matrix first, so its draw does not depend on the depth
            b[d] = draw(net.sizes[d], net.classes(), faRng);
            for (int l = d - 1; l >= 0; l--) {
                if (kind == Kind.FA && l >= 1) {
                    b[l] = draw(net.sizes[l], net.sizes[l + 1], faRng);
                } else if (kind == Kind.DFA && l < d - 1) {
                    b[l] = draw(net.sizes[l + 1], net.classes(), dfaRng);
                }
            }
            if (kind == Kind.DFA) {
                b[d - 1] = b[d];          // the top hidden layer: D = B of the output layer (dfa = fa at depth 1)
                b[d] = null;
            }
        }
        pass = new DeepPass(net, maxRows);
        delta = new double[d][];
        int widest = 0;
        for (int l = 0; l < d; l++) {
            delta[l] = new double[maxRows * net.sizes[l + 1]];
            widest = Math.max(widest, net.sizes[l + 1]);
        }
        dh = new double[maxRows * widest];
        // hidden-to-hidden layers: keep the feedback matrix in W's own (out × in) layout so that δ W is a
        // BatchMatmul product (vectorised) rather than dot products; fa's is fixed, bp's is refreshed per batch
        bt = new double[net.layers()][];
        if (kind != Kind.DFA) {
            for (int l = 1; l < d; l++) {
                bt[l] = new double[net.wt[l].length];
                if (kind == Kind.FA) {
                    transpose(b[l], net.sizes[l], net.sizes[l + 1], bt[l]);
                }
            }
        }
    }

    /** {@code out (cols × rows) = mᵀ} for m rows × cols. */
    static void transpose(double[] m, int rows, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[j * rows + i] = m[i * cols + j];
            }
        }
    }

    /** A fixed matrix shaped like a stored wt ({@code in × out}), U(±√(6/in)), drawn in (out, in) order. */
    static double[] draw(int in, int out, UniformRandomProvider rng) {
        double[] m = new double[in * out];
        double bound = Math.sqrt(6.0 / in);
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                m[i * out + o] = bound * (2 * rng.nextDouble() - 1);
            }
        }
        return m;
    }

    /** The fixed matrix of layer l (see the field), null where there is none; for tests. */
    public double[] feedbackMatrix(int l) {
        return b[l];
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public double directions(DeepNetwork net, BatchMatmul mm, double[] x, int[] labels, int rows, double[][] masks,
                             double[][] g, IntConsumer applyLayer) {
        double loss = pass.run(net, mm, x, labels, rows, masks);
        int d = net.depth();
        int c = net.classes();
        double inv = 1.0 / rows;
        mm.multiplyTransposedA(pass.input(d, x), rows, net.sizes[d], pass.err, c, inv, g[d]);
        for (int l = d - 1; l >= 0; l--) {
            int width = net.sizes[l + 1];
            if (kind == Kind.DFA) {
                multiplyTransposedB(pass.err, rows, c, b[l], width, dh);
            } else if (l + 1 == d) {
                multiplyTransposedB(pass.err, rows, c, kind == Kind.BP ? net.wt[d] : b[d], width, dh);
            } else {
                if (kind == Kind.BP) {
                    transpose(net.wt[l + 1], width, net.sizes[l + 2], bt[l + 1]);
                }
                mm.multiply(delta[l + 1], rows, net.sizes[l + 2], bt[l + 1], width, dh);
            }
            backThroughLayer(net, l, rows, masks, dh, delta[l]);
            mm.multiplyTransposedA(pass.input(l, x), rows, net.sizes[l], delta[l], width, inv, g[l]);
        }
        return loss;
    }

    /** {@code out (rows×cols) = a (rows×inner) · mᵀ} for m stored cols×inner (a stored wt read backward). */
    private static void multiplyTransposedB(double[] a, int rows, int inner, double[] m, int cols, double[] out) {
        BatchMatmul.multiplyTransposedB(a, rows, inner, m, cols, out);
    }

    /** δ = J_l(dh): back through the normalisation, the ReLU and the dropout mask of hidden layer l. */
    private void backThroughLayer(DeepNetwork net, int l, int rows, double[][] masks, double[] dh, double[] out) {
        int width = net.sizes[l + 1];
        double[] h = pass.h[l];
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double dot = 0;
            double norm = 1;
            if (net.normalise) {
                norm = pass.norms[l][r];
                for (int j = 0; j < width; j++) {
                    dot += h[o + j] * dh[o + j];
                }
            }
            for (int j = 0; j < width; j++) {
                int k = o + j;
                if (h[k] <= 0 || norm == 0) {
                    out[k] = 0;
                    continue;
                }
                double v = net.normalise ? (dh[k] - h[k] * dot) / norm : dh[k];
                out[k] = masks == null ? v : v * masks[l][k];
            }
        }
    }
}
