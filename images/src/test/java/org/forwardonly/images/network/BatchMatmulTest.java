package org.forwardonly.images.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchMatmulTest {

    static double[] random(int n, SplittableRandom rng, double zeroFraction) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble() < zeroFraction ? 0.0 : rng.nextDouble(-1, 1);
        }
        return a;
    }

    // Sizes cross the 256-column blocks, the 64-deep k tiles and the unroll-by-four remainders.
    static final int ROWS = 7;
    static final int INNER = 131;
    static final int COLS = 517;

    @Test
    void multiplyMatchesTheDefinition() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] a = random(ROWS * INNER, rng, 0.5);   // zeros exercise the skipping
        double[] b = random(INNER * COLS, rng, 0.0);
        double[] out = new double[ROWS * COLS];
        try (BatchMatmul mm = new BatchMatmul(2)) {
            mm.multiply(a, ROWS, INNER, b, COLS, out);
        }
        for (int r = 0; r < ROWS; r++) {
            for (int j = 0; j < COLS; j++) {
                double s = 0;
                for (int k = 0; k < INNER; k++) {
                    s += a[r * INNER + k] * b[k * COLS + j];
                }
                // 131 products of numbers <= 1: summation order differs, rounding error <= ~131 ulp(10)
                assertEquals(s, out[r * COLS + j], 1e-12);
            }
        }
    }

    @Test
    void multiplyTransposedAMatchesTheDefinition() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] a = random(ROWS * INNER, rng, 0.3);
        double[] b = random(ROWS * COLS, rng, 0.0);
        double[] out = new double[INNER * COLS];
        try (BatchMatmul mm = new BatchMatmul(2)) {
            mm.multiplyTransposedA(a, ROWS, INNER, b, COLS, 0.5, out);
        }
        for (int k = 0; k < INNER; k++) {
            for (int j = 0; j < COLS; j++) {
                double s = 0;
                for (int r = 0; r < ROWS; r++) {
                    s += a[r * INNER + k] * b[r * COLS + j];
                }
                assertEquals(0.5 * s, out[k * COLS + j], 1e-14);   // 7 terms: a few ulp
            }
        }
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] a = random(ROWS * INNER, rng, 0.2);
        double[] b = random(INNER * COLS, rng, 0.0);
        double[] c = random(ROWS * COLS, rng, 0.0);
        double[][] products = new double[3][];
        double[][] gradients = new double[3][];
        for (int threads = 1; threads <= 3; threads++) {
            try (BatchMatmul mm = new BatchMatmul(threads)) {
                products[threads - 1] = new double[ROWS * COLS];
                mm.multiply(a, ROWS, INNER, b, COLS, products[threads - 1]);
                gradients[threads - 1] = new double[INNER * COLS];
                mm.multiplyTransposedA(a, ROWS, INNER, c, COLS, 1.0 / ROWS, gradients[threads - 1]);
            }
        }
        assertArrayEquals(products[0], products[1], 0.0);
        assertArrayEquals(products[0], products[2], 0.0);
        assertArrayEquals(gradients[0], gradients[1], 0.0);
        assertArrayEquals(gradients[0], gradients[2], 0.0);
    }
}
