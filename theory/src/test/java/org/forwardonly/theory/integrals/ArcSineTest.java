package org.forwardonly.theory.integrals;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArcSineTest {
    @Test
    void theSameBitsAsStrictMathAndExactAtTheEnds() {
        // ArcSine.asin is fdlibm's __ieee754_asin, which StrictMath.asin is specified to be: the same bits, not only
        // close (an error in a coefficient or in the π/2 split, PIO2_LO ≈ 6e-17, is below 1 ulp and passed a
        // 2-ulp check). Samples: uniform on (-1, 1), close to ±1, tiny (the |x| < 2^-27 shortcut), and either side of
        // the branch points 1/2 and 0.975.
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 4) {
                case 0 -> 2 * r.nextDouble() - 1;
                case 1 -> 1 - Math.scalb(r.nextDouble(), -r.nextInt(1, 50));
                case 2 -> Math.scalb(r.nextDouble(), -r.nextInt(1, 60));
                default -> (i % 8 == 3 ? 0.5 : 0.975) + Math.scalb(r.nextDouble() - 0.5, -r.nextInt(10, 50));
            };
            if (i % 3 == 0) x = -x;
            assertEquals(StrictMath.asin(x), ArcSine.asin(x), 0.0, "x = " + x);
        }
        assertEquals(Math.PI / 2, ArcSine.asin(1.0), 0.0);
        assertEquals(-Math.PI / 2, ArcSine.asin(-1.0), 0.0);
        assertEquals(0.0, ArcSine.asin(0.0), 0.0);
        // saturated beyond ±1 (trial stages of adaptive steps), NaN stays NaN
        assertEquals(Math.PI / 2, ArcSine.asin(1.0000000000000002), 0.0);
        assertEquals(-Math.PI / 2, ArcSine.asin(-1.5), 0.0);
        assertTrue(Double.isNaN(ArcSine.asin(Double.NaN)));
    }

    @Test
    void theArrayFormGivesTheScalarBits() {
        // the two-pass array form computes |x| < 1/2 with fdlibm's formula even below 2^-27, where fdlibm returns x:
        // the same bits there too. Samples as above plus the special values; a wrong branch test (<= 1/2, or a
        // missing NaN) shows at 0.5, at NaN or beyond ±1, a wrong shortcut at the tiny and subnormal values.
        SplittableRandom r = new SplittableRandom(5);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, 0x1p-27, Math.nextDown(0x1p-27), 1e-300,
                0.5, -0.5, Math.nextDown(0.5), Math.nextUp(0.5), 0.975, Math.nextUp(0.975), 1.0, -1.0, 1.5, -7.0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        int n = 40_000;
        double[] x = new double[n + special.length], out = new double[x.length];
        for (int i = 0; i < n; i++) {
            x[i] = switch (i % 4) {
                case 0 -> 2 * r.nextDouble() - 1;
                case 1 -> 1 - Math.scalb(r.nextDouble(), -r.nextInt(1, 50));
                case 2 -> Math.scalb(r.nextDouble(), -r.nextInt(1, 1070));
                default -> (i % 8 == 3 ? 0.5 : 0.975) + Math.scalb(r.nextDouble() - 0.5, -r.nextInt(10, 50));
            } * (i % 3 == 0 ? -1 : 1);
        }
        System.arraycopy(special, 0, x, n, special.length);
        for (int[] range : new int[][] {{0, x.length}, {0, 37}, {n - 3, x.length}, {5, 6}, {9, 9}}) {
            java.util.Arrays.fill(out, 42.0);
            ArcSine.asin(x, out, range[0], range[1]);
            for (int i = 0; i < out.length; i++) {
                // nothing written outside the range
                double expected = i >= range[0] && i < range[1] ? ArcSine.asin(x[i]) : 42.0;
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[i]), "x = " + x[i]);
            }
        }
    }
}
