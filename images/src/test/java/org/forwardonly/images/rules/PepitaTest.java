package org.forwardonly.images.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.TwoLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PepitaTest {

    static final int N = 11;
    static final int H = 6;
    static final int C = 3;
    static final int ROWS = 5;
    static final int[] LABELS = {2, 0, 1, 1, 0};

    static double relu(double z) {
        return Math.max(0, z);
    }

    /**
     * The two-pass definition, one sample at a time with plain loops and W1 indexed as W1[h][i]
     * (independent of the rule's batched, transposed implementation).
     */
    static void definition(TwoLayerNetwork net, double[] f, double[] x, double s, boolean modulatedLast,
                           double[][] dW1, double[][] dW2) {
        for (int r = 0; r < ROWS; r++) {
            double[] h = new double[H];
            for (int j = 0; j < H; j++) {
                double z = 0;
                for (int i = 0; i < N; i++) {
                    z += net.w1t[i * H + j] * x[r * N + i];   // W1[j][i] = w1t[i][j]
                }
                h[j] = relu(z);
            }
            double[] out = new double[C];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < C; c++) {
                for (int j = 0; j < H; j++) {
                    out[c] += net.w2[c * H + j] * h[j];
                }
                max = Math.max(max, out[c]);
            }
            double sum = 0;
            for (int c = 0; c < C; c++) {
                out[c] = Math.exp(out[c] - max);
                sum += out[c];
            }
            double[] e = new double[C];
            for (int c = 0; c < C; c++) {
                e[c] = out[c] / sum - (c == LABELS[r] ? 1 : 0);
            }
            double[] xMod = new double[N];
            for (int i = 0; i < N; i++) {
                double fe = 0;
                for (int c = 0; c < C; c++) {
                    fe += f[i * C + c] * e[c];
                }
                xMod[i] = x[r * N + i] + s * fe;
            }
            double[] hMod = new double[H];
            for (int j = 0; j < H; j++) {
                double z = 0;
                for (int i = 0; i < N; i++) {
                    z += net.w1t[i * H + j] * xMod[i];
                }
                hMod[j] = relu(z);
            }
            for (int j = 0; j < H; j++) {
                for (int i = 0; i < N; i++) {
                    dW1[j][i] += (h[j] - hMod[j]) * xMod[i] / ROWS;                 // (h − h̃) x̃ᵀ
                }
                for (int c = 0; c < C; c++) {
                    dW2[c][j] += e[c] * (modulatedLast ? hMod[j] : h[j]) / ROWS;    // e h̃ᵀ or e hᵀ
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"-1, true", "1, true", "-1, false"})
    void updateEqualsTheTwoPassDefinition(double sign, boolean modulatedLast) {
        TwoLayerNetwork net = TwoLayerNetwork.heUniform(N, H, C, RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        // A large F (scale 5 instead of 0.05) so that h − h̃ is far from zero and some units switch on/off.
        double[] f = Pepita.initialFeedback(N, C, 5.0, RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
        SplittableRandom rng = new SplittableRandom(5);
        double[] x = new double[ROWS * N];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble(0, 1);
        }
        double[] g1t = new double[N * H];
        double[] g2 = new double[C * H];
        try (BatchMatmul mm = new BatchMatmul(2)) {
            new Pepita(net, ROWS, f.clone(), sign, modulatedLast, null).directions(net, mm, x, LABELS, ROWS, g1t, g2);
        }
        double[][] dW1 = new double[H][N];
        double[][] dW2 = new double[C][H];
        definition(net, f, x, sign, modulatedLast, dW1, dW2);
        double scale = 0;
        for (int j = 0; j < H; j++) {
            for (int i = 0; i < N; i++) {
                scale = Math.max(scale, Math.abs(dW1[j][i]));
                // same arithmetic up to summation order: agreement to ~1e-15 relative; 1e-12 absolute on O(0.1-1) values
                assertEquals(dW1[j][i], g1t[i * H + j], 1e-12, "dW1[" + j + "][" + i + "]");
            }
            for (int c = 0; c < C; c++) {
                assertEquals(dW2[c][j], g2[c * H + j], 1e-12, "dW2[" + c + "][" + j + "]");
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(scale > 1e-3, "the test must exercise a nonzero first-layer update");
    }
}
