package org.forwardonly.images.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.ForwardPass;
import org.forwardonly.images.network.TwoLayerNetwork;
import org.junit.jupiter.api.Test;

class BackpropagationTest {

    static final int N = 9;
    static final int H = 7;
    static final int C = 4;
    static final int ROWS = 5;

    static TwoLayerNetwork network(long seed) {
        return TwoLayerNetwork.heUniform(N, H, C, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    static double[] inputs(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[ROWS * N];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(-1, 1);
        }
        return x;
    }

    static final int[] LABELS = {0, 3, 1, 2, 3};

    /** Mean cross-entropy of the batch. */
    static double meanLoss(TwoLayerNetwork net, BatchMatmul mm, double[] x) {
        return new ForwardPass(net, ROWS).run(net, mm, x, LABELS, ROWS) / ROWS;
    }

    @Test
    void directionsAreTheGradientOfTheMeanCrossEntropy() {
        TwoLayerNetwork net = network(11);
        double[] x = inputs(12);
        double[] g1t = new double[N * H];
        double[] g2 = new double[C * H];
        try (BatchMatmul mm = new BatchMatmul(1)) {
            new Backpropagation(net, ROWS).directions(net, mm, x, LABELS, ROWS, g1t, g2);
            // Central differences: truncation error O(eps² L''') ~ 1e-12 and rounding ~ 1e-16/eps = 1e-10;
            // a ReLU kink within ±eps of a pre-activation would show as an O(1) mismatch, not hide one.
            double eps = 1e-6;
            double worst = 0;
            for (double[] w : new double[][] {net.w1t, net.w2}) {
                double[] g = w == net.w1t ? g1t : g2;
                for (int k = 0; k < w.length; k++) {
                    double saved = w[k];
                    w[k] = saved + eps;
                    double up = meanLoss(net, mm, x);
                    w[k] = saved - eps;
                    double down = meanLoss(net, mm, x);
                    w[k] = saved;
                    double numeric = (up - down) / (2 * eps);
                    worst = Math.max(worst, Math.abs(numeric - g[k]));
                    assertEquals(numeric, g[k], 1e-8, "weight " + k);
                }
            }
            assertTrue(worst > 0, "the comparison ran");
        }
    }

    @Test
    void feedbackAlignmentSharesTheLastLayerButNotTheFirst() {
        TwoLayerNetwork net = network(21);
        double[] x = inputs(22);
        double[] bp1 = new double[N * H];
        double[] bp2 = new double[C * H];
        double[] fa1 = new double[N * H];
        double[] fa2 = new double[C * H];
        try (BatchMatmul mm = new BatchMatmul(1)) {
            new Backpropagation(net, ROWS).directions(net, mm, x, LABELS, ROWS, bp1, bp2);
            new FeedbackAlignment(net, ROWS, RandomSource.XO_RO_SHI_RO_128_PP.create(5L))
                    .directions(net, mm, x, LABELS, ROWS, fa1, fa2);
        }
        assertArrayEquals(bp2, fa2, 0.0);        // ΔW2 = e hᵀ for both
        double diff = 0;
        for (int k = 0; k < bp1.length; k++) {
            diff += Math.abs(bp1[k] - fa1[k]);
        }
        assertTrue(diff > 1e-3, "FA's first layer must use B, not W2");
    }

    @Test
    void feedbackAlignmentSendsTheErrorBackThroughItsFixedMatrix() {
        // computed here from the definitions, not through the rule: h = relu(x W1ᵀ), z = h W2ᵀ, e = softmax(z) − onehot,
        // δ = (e B) ⊙ 1[h > 0], g1 = δᵀ x / rows, g2 = eᵀ h / rows, with B the documented He-uniform draw
        // U(±√(6/H)) from the rule's generator. Tolerance 1e-12: O(1) sums in a different order.
        TwoLayerNetwork net = network(31);
        double[] x = inputs(32);
        double[] g1t = new double[N * H];
        double[] g2 = new double[C * H];
        try (BatchMatmul mm = new BatchMatmul(1)) {
            new FeedbackAlignment(net, ROWS, RandomSource.XO_RO_SHI_RO_128_PP.create(5L))
                    .directions(net, mm, x, LABELS, ROWS, g1t, g2);
        }
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        double[] b = new double[C * H];
        for (int k = 0; k < b.length; k++) b[k] = Math.sqrt(6.0 / H) * (2 * rng.nextDouble() - 1);
        double[] e1 = new double[N * H], e2 = new double[C * H];
        for (int r = 0; r < ROWS; r++) {
            double[] h = new double[H];
            for (int j = 0; j < H; j++) {
                double a = 0;
                for (int i = 0; i < N; i++) a += x[r * N + i] * net.w1t[i * H + j];
                h[j] = Math.max(0, a);
            }
            double[] z = new double[C];
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int c = 0; c < C; c++) {
                for (int j = 0; j < H; j++) z[c] += h[j] * net.w2[c * H + j];
                max = Math.max(max, z[c]);
            }
            for (int c = 0; c < C; c++) sum += Math.exp(z[c] - max);
            double[] e = new double[C];
            for (int c = 0; c < C; c++) e[c] = Math.exp(z[c] - max) / sum - (LABELS[r] == c ? 1 : 0);
            for (int j = 0; j < H; j++) {
                double back = 0;
                for (int c = 0; c < C; c++) back += e[c] * b[c * H + j];
                double delta = h[j] > 0 ? back : 0;
                for (int i = 0; i < N; i++) e1[i * H + j] += x[r * N + i] * delta / ROWS;
                for (int c = 0; c < C; c++) e2[c * H + j] += e[c] * h[j] / ROWS;
            }
        }
        assertArrayEquals(e1, g1t, 1e-12);
        assertArrayEquals(e2, g2, 1e-12);
        double norm = 0;
        for (double v : e1) norm += Math.abs(v);
        assertTrue(norm > 1e-3, "the first-layer direction is not trivially zero");
    }
}
