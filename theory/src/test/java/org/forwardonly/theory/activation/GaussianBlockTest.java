package org.forwardonly.theory.activation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Activation#gPrimeBlock}: the same function as {@link Activation#gPrime}. For erf it is
 * computed differently ({@link GaussianBlock}: exp(−z²/4096) by a Taylor polynomial, then 11
 * squarings), so the bound is the squarings' rounding, about 2048 × 1.1e-16 ≈ 2.3e-13 relative
 * where the density matters, and the held argument beyond |z| = 40, where exp(−z²/2) is 0 in double
 * precision. For linear and ReLU the block is the scalar function, bit for bit.
 */
class GaussianBlockTest {

    private static double[] grid(double from, double to, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = from + (to - from) * i / (n - 1);
        return z;
    }

    private static double largestRelativeError(double[] z) {
        double[] block = new double[z.length];
        Activation.ERF.gPrimeBlock(z, block, z.length);
        double worst = 0;
        for (int i = 0; i < z.length; i++) {
            double exact = Activation.ERF.gPrime(z[i]);
            assertTrue(block[i] >= 0, "g'(" + z[i] + ") = " + block[i]);
            worst = Math.max(worst, Math.abs(block[i] / exact - 1));
        }
        return worst;
    }

    @Test
    void erfBlockIsMathExpTo3e13WhereTheDensityIsAbove1e32() {
        // |z| <= 12: exp(-72) = 5e-32 at the edge; the squarings' rounding, 2048 x 1.1e-16 = 2.3e-13
        double worst = largestRelativeError(grid(-12, 12, 240_001));
        assertTrue(worst <= 3e-13, "largest relative error " + worst);
    }

    @Test
    void erfBlockFarOutIsStillCloseAndBeyondFortyIsZero() {
        // 12 < |z| <= 30: the Taylor truncation at s = -z^2/4096 >= -0.22, 0.22^11/11! x 2048 = 3e-12, on values below 1e-31
        assertTrue(largestRelativeError(grid(12, 30, 18_001)) <= 1e-11);
        double[] z = {40, -40, 41, 1e3, -1e300, Double.MAX_VALUE};
        double[] out = new double[z.length];
        Activation.ERF.gPrimeBlock(z, out, z.length);
        for (int i = 0; i < z.length; i++) {
            assertEquals(0.0, out[i], 0.0, "exp(-z^2/2) underflows at z = " + z[i]);
            assertEquals(0.0, Activation.ERF.gPrime(z[i]), 0.0, "as Math.exp gives it at z = " + z[i]);
        }
    }

    @Test
    void linearAndReluBlocksAreTheScalarFunction() {
        double[] z = grid(-3, 3, 601);
        for (Activation g : new Activation[] {Activation.LINEAR, Activation.RELU}) {
            double[] out = new double[z.length];
            g.gPrimeBlock(z, out, z.length);
            for (int i = 0; i < z.length; i++) assertEquals(g.gPrime(z[i]), out[i], 0.0, g + " at " + z[i]);
        }
    }
}
