package org.forwardonly.theory.activation;

import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChebyshevErfTest {

    @Test
    void matchesHipparchusErfEverywhere() {
        // Tolerance 5e-15 absolute: the interpolation error of degree 8 on width-1/8 pieces is
        // < 1e-16, so what remains is rounding in the Estrin sums (a few ulp of 1) and the reference's
        // own error (Hipparchus sums its incomplete-gamma series to relative 1e-15).
        SplittableRandom rnd = new SplittableRandom(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = -8 + 16 * rnd.nextDouble();
            worst = Math.max(worst, Math.abs(ChebyshevErf.erf(x) - Erf.erf(x)));
        }
        for (double x = -7; x <= 7; x += 1.0 / 64) { // piece boundaries and X_MAX exactly
            worst = Math.max(worst, Math.abs(ChebyshevErf.erf(x) - Erf.erf(x)));
        }
        assertEquals(0.0, worst, 5e-15);
    }

    @Test
    void knownValuesAndSymmetry() {
        // erf(1) and erf(0.5) to 16 digits (Abramowitz & Stegun table 7.1)
        assertEquals(0.8427007929497149, ChebyshevErf.erf(1.0), 2e-15);
        assertEquals(0.5204998778130465, ChebyshevErf.erf(0.5), 2e-15);
        assertEquals(0.0, ChebyshevErf.erf(0.0), 1e-17);
        assertEquals(-ChebyshevErf.erf(0.3), ChebyshevErf.erf(-0.3), 0.0);
        assertEquals(1.0, ChebyshevErf.erf(40), 0.0);
        assertEquals(true, Double.isNaN(ChebyshevErf.erf(Double.NaN)));
    }
}
