package org.forwardonly.theory.activation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Activation#gBlock}: erf(z/√2) of a block ({@link ErfBlock}) against {@link ChebyshevErf}
 * (itself within 5e-15 of Hipparchus, ChebyshevErfTest). The bound is absolute: erf = 1 − erfc, and
 * erfc carries the relative error of the 11 squarings of its exponential, about 2048 × 1.1e-16 =
 * 2.3e-13, plus the fit's 1e-14; 2.5e-13 allows for both.
 */
class ErfBlockTest {

    private static double largestError(double from, double to, int n, int block) {
        double[] z = new double[block], out = new double[block];
        double[][] scratch = Activation.blockScratch(block);
        double worst = 0;
        for (int start = 0; start < n; start += block) {
            int m = Math.min(block, n - start);
            for (int b = 0; b < m; b++) z[b] = from + (to - from) * (start + b) / (n - 1);
            Activation.ERF.gBlock(z, out, m, scratch);
            for (int b = 0; b < m; b++) worst = Math.max(worst, Math.abs(out[b] - Activation.ERF.g(z[b])));
        }
        return worst;
    }

    @Test
    void erfOfABlockIsChebyshevErfTo2point5e13() {
        double worst = largestError(-12, 12, 480_001, 256);
        assertTrue(worst <= 2.5e-13, "largest |gBlock - g| " + worst);
        // the small-argument end, where 1 - erfc cancels: still an absolute 2.5e-13
        assertTrue(largestError(-1e-3, 1e-3, 20_001, 100) <= 2.5e-13);
    }

    @Test
    void oddBoundedAndOneFarOut() {
        double[] z = {-1e300, -40, -8.5, -2, -0.5, 0.5, 2, 8.5, 40, 1e300};
        double[] out = new double[z.length];
        Activation.ERF.gBlock(z, out, z.length, Activation.blockScratch(z.length));
        for (int i = 0; i < z.length; i++) {
            assertEquals(-out[z.length - 1 - i], out[i], 0.0, "odd at " + z[i]);
            assertTrue(Math.abs(out[i]) <= 1.0, "bounded at " + z[i]);
        }
        assertEquals(1.0, out[z.length - 1], 0.0, "erf(1e300) is 1 in double precision");
        assertEquals(1.0, out[z.length - 3], 0.0, "so is erf(8.5/sqrt 2): 1 - erf = 2e-17");
    }

    @Test
    void linearAndReluBlocksAreTheScalarFunction() {
        double[] z = new double[601];
        for (int i = 0; i < z.length; i++) z[i] = -3 + 6.0 * i / 600;
        for (Activation g : new Activation[] {Activation.LINEAR, Activation.RELU}) {
            double[] out = new double[z.length];
            g.gBlock(z, out, z.length, Activation.blockScratch(z.length));
            for (int i = 0; i < z.length; i++) assertEquals(g.g(z[i]), out[i], 0.0, g + " at " + z[i]);
        }
    }
}
