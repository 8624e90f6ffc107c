package org.forwardonly.images.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.images.network.BatchMatmul;
import org.junit.jupiter.api.Test;

/** bp, fa and dfa on networks of 1-3 hidden layers, against finite differences and independent formulas. */
class ErrorFeedbackTest {

    static final int ROWS = 5;
    final BatchMatmul mm = new BatchMatmul(1);

    static double[] randomInput(int rows, int n, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] x = new double[rows * n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble();
        }
        return x;
    }

    static double[][] masks(DeepNetwork net, int rows, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[][] m = new double[net.depth()][];
        for (int l = 0; l < net.depth(); l++) {
            m[l] = new double[rows * net.sizes[l + 1]];
            for (int k = 0; k < m[l].length; k++) {
                m[l][k] = rng.nextDouble() < 0.2 ? 0 : 1.25;
            }
        }
        return m;
    }

    static double[][] grads(DeepNetwork net) {
        double[][] g = new double[net.layers()][];
        for (int l = 0; l < g.length; l++) {
            g[l] = new double[net.wt[l].length];
        }
        return g;
    }

    static DeepNetwork net(int[] sizes, boolean normalise, long seed) {
        return DeepNetwork.heUniform(sizes, normalise, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    /**
     * bp's directions are the gradient of the mean cross-entropy, through dropout, ReLU and the row
     * normalisation, at depth 3: central differences with step 1e-6 have error O(1e-12)/1e-6 + O(h²) ≈ 1e-9,
     * so 1e-7 absolute (gradients here are O(0.01-1)) has room and still catches a wrong Jacobian (≥ 1e-2).
     */
    @Test
    void bpIsTheGradientThroughNormalisationAndDropoutAtDepth3() {
        for (boolean normalise : new boolean[] {false, true}) {
            DeepNetwork net = net(new int[] {7, 6, 5, 4, 3}, normalise, 11);
            double[] x = randomInput(ROWS, 7, 12);
            int[] labels = {0, 2, 1, 1, 0};
            double[][] masks = masks(net, ROWS, 13);
            ErrorFeedback bp = new ErrorFeedback(ErrorFeedback.Kind.BP, net, ROWS, null, null);
            double[][] g = grads(net);
            bp.directions(net, mm, x, labels, ROWS, masks, g, l -> { });
            // the check can say no: fa's directions of the hidden layers are not the gradient
            double[][] gFa = grads(net);
            new ErrorFeedback(ErrorFeedback.Kind.FA, net, ROWS, RandomSource.XO_RO_SHI_RO_128_PP.create(14), null)
                    .directions(net, mm, x, labels, ROWS, masks, gFa, l -> { });
            double faOff = 0;
            for (int k = 0; k < g[0].length; k++) {
                faOff = Math.max(faOff, Math.abs(gFa[0][k] - g[0][k]));
            }
            assertTrue(faOff > 1e-3, "fa's first layer differs from the gradient by " + faOff);
            DeepPass pass = new DeepPass(net, ROWS);
            double h = 1e-6;
            for (int l = 0; l < net.layers(); l++) {
                for (int k = 0; k < net.wt[l].length; k++) {
                    double keep = net.wt[l][k];
                    net.wt[l][k] = keep + h;
                    double up = pass.run(net, mm, x, labels, ROWS, masks) / ROWS;
                    net.wt[l][k] = keep - h;
                    double down = pass.run(net, mm, x, labels, ROWS, masks) / ROWS;
                    net.wt[l][k] = keep;
                    assertEquals((up - down) / (2 * h), g[l][k], 1e-7, "layer " + l + " entry " + k + " normalise " + normalise);
                }
            }
        }
    }

    /**
     * fa and dfa against the independent per-sample formulas (fa: dh_l = Σ δ_{l+1} B_{l+1}; dfa: dh_l = e D_l),
     * to 1e-12 (summation order only); and they differ at depth ≥ 2 in every layer below the top hidden one
     * while they are the same rule at depth 1.
     */
    @Test
    void faAndDfaMatchTheirFormulasAndDifferFromDepthTwo() {
        for (int depth = 1; depth <= 3; depth++) {
            int[] sizes = new int[depth + 2];
            sizes[0] = 8;
            for (int l = 1; l <= depth; l++) {
                sizes[l] = 7 - l;
            }
            sizes[depth + 1] = 3;
            DeepNetwork net = net(sizes, false, 21);
            double[] x = randomInput(ROWS, 8, 22);
            int[] labels = {2, 0, 1, 2, 0};
            double[][] masks = masks(net, ROWS, 23);
            ErrorFeedback fa = new ErrorFeedback(ErrorFeedback.Kind.FA, net, ROWS,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(5), null);
            ErrorFeedback dfa = new ErrorFeedback(ErrorFeedback.Kind.DFA, net, ROWS,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(5), RandomSource.XO_RO_SHI_RO_128_PP.create(6));
            double[][] gFa = grads(net);
            double[][] gDfa = grads(net);
            fa.directions(net, mm, x, labels, ROWS, masks, gFa, l -> { });
            dfa.directions(net, mm, x, labels, ROWS, masks, gDfa, l -> { });
            double[][] refFa = reference(net, x, labels, masks, fa, false);
            double[][] refDfa = reference(net, x, labels, masks, dfa, true);
            for (int l = 0; l < net.layers(); l++) {
                assertArrayEquals(refFa[l], gFa[l], 1e-12, "fa layer " + l + " depth " + depth);
                assertArrayEquals(refDfa[l], gDfa[l], 1e-12, "dfa layer " + l + " depth " + depth);
            }
            // the top hidden layer and the output layer are the same rule; below it they differ
            assertArrayEquals(gFa[depth], gDfa[depth], 0.0);
            assertArrayEquals(gFa[depth - 1], gDfa[depth - 1], 0.0);
            for (int l = 0; l < depth - 1; l++) {
                double diff = 0;
                double size = 0;
                for (int k = 0; k < gFa[l].length; k++) {
                    diff += Math.abs(gFa[l][k] - gDfa[l][k]);
                    size += Math.abs(gFa[l][k]);
                }
                assertTrue(diff > 0.1 * size && size > 0, "fa and dfa differ at depth " + depth + " layer " + l);
            }
        }
    }

    /** The per-sample formula of fa (dfa = false) or dfa, averaged over the batch. */
    static double[][] reference(DeepNetwork net, double[] x, int[] labels, double[][] masks, ErrorFeedback rule,
                                boolean direct) {
        int d = net.depth();
        double[][] g = grads(net);
        for (int r = 0; r < ROWS; r++) {
            double[][] a = new double[d + 1][];
            a[0] = Reference.row(x, r, net.sizes[0]);
            for (int l = 0; l < d; l++) {
                a[l + 1] = Reference.hidden(Reference.weights(net, l), a[l], Reference.row(masks[l], r, net.sizes[l + 1]));
            }
            double[] p = Reference.softmax(Reference.matVec(Reference.weights(net, d), a[d]));
            double[] e = p.clone();
            e[labels[r]] -= 1;
            Reference.addOuter(g[d], a[d], e, 1.0 / ROWS);
            double[] delta = e;
            for (int l = d - 1; l >= 0; l--) {
                double[] dh;
                if (direct) {
                    dh = Reference.vecMat(e, Reference.fromStored(rule.feedbackMatrix(l), net.sizes[l + 1], net.classes()));
                } else {
                    dh = Reference.vecMat(delta, Reference.fromStored(rule.feedbackMatrix(l + 1), net.sizes[l + 1], net.sizes[l + 2]));
                }
                double[] mask = Reference.row(masks[l], r, net.sizes[l + 1]);
                for (int j = 0; j < dh.length; j++) {
                    dh[j] = a[l + 1][j] > 0 ? dh[j] * mask[j] : 0;
                }
                Reference.addOuter(g[l], a[l], dh, 1.0 / ROWS);
                delta = dh;
            }
        }
        return g;
    }
}
