package org.forwardonly.theory.quadrature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GaussianGridTest {

    @Test
    void oneDimensionalRuleIsExactForPolynomialsUpToDegree2nMinus1() {
        // E[z^2] = 1, E[z^4] = 3, E[z^6] = 15, E[z^8] = 105; odd moments vanish. Rounding only: 1e-12.
        GaussHermite rule = GaussHermite.of(5); // exact up to degree 9
        double[] expected = {1, 0, 1, 0, 3, 0, 15, 0, 105};
        for (int p = 0; p < expected.length; p++) {
            double sum = 0;
            for (int i = 0; i < rule.size(); i++) sum += rule.weight(i) * Math.pow(rule.node(i), p);
            assertEquals(expected[p], sum, 1e-12 * Math.max(1, expected[p]), "moment " + p);
        }
        // degree 10 is not exact (E[z^10] = 945): the rule is really of order 2n-1
        double m10 = 0;
        for (int i = 0; i < rule.size(); i++) m10 += rule.weight(i) * Math.pow(rule.node(i), 10);
        assertTrue(Math.abs(m10 - 945) > 1, "a 5-point rule cannot integrate z^10 exactly");
    }

    @Test
    void smoothIntegrandConvergesExponentially() {
        // E[cos z] = e^{-1/2}; Gauss-Hermite error for an entire function decays faster than any power:
        // 1e-13 at n = 20 is a bound with margin (the n = 20 error is ~1e-16)
        GaussHermite rule = GaussHermite.of(20);
        double sum = 0;
        for (int i = 0; i < rule.size(); i++) sum += rule.weight(i) * Math.cos(rule.node(i));
        assertEquals(Math.exp(-0.5), sum, 1e-13);
    }

    @Test
    void prunedGridLosesNegligibleWeight() {
        // 16^4 tensor grid: pruning the corners keeps about half the points; the dropped weight
        // (measured 1.6e-11) must stay below 1e-10, i.e. invisible next to the quadrature error
        GaussianGrid grid = GaussianGrid.tensor(4, 16);
        assertTrue(grid.size() < 0.6 * 65536, "pruning should drop the corners: " + grid.size());
        double sum = 0;
        for (int p = 0; p < grid.size(); p++) sum += grid.weight(p);
        assertEquals(1.0, sum, 1e-10);
    }

    @Test
    void tensorGridIntegratesCorrelatedGaussianMoments() {
        // u = L z with C = L L^T: E[u_0^2 u_1^2] = C00 C11 + 2 C01^2 (Isserlis), polynomial of degree 4:
        // exact on a 3-point-per-dimension grid up to rounding (1e-12)
        double[] C = {2.0, 0.6, 0.6, 1.0};
        CholeskyFactor L = new CholeskyFactor(2);
        assertEquals(0, L.factor(C));
        GaussianGrid grid = GaussianGrid.tensor(2, 3);
        assertEquals(9, grid.size());
        double sum = 0, wsum = 0;
        double[] z = new double[2], u = new double[2];
        for (int p = 0; p < grid.size(); p++) {
            z[0] = grid.node(p, 0);
            z[1] = grid.node(p, 1);
            L.multiply(z, u);
            sum += grid.weight(p) * u[0] * u[0] * u[1] * u[1];
            wsum += grid.weight(p);
        }
        assertEquals(1.0, wsum, 1e-14);
        assertEquals(2.0 * 1.0 + 2 * 0.36, sum, 1e-12);
    }

    @Test
    void zeroDimensionsIsTheSinglePointOfWeightOne() {
        // D = 0 (no random field, e.g. an average with nothing to average) is allowed: one point, weight 1
        GaussianGrid g = GaussianGrid.tensor(0, 7);
        assertEquals(0, g.dimension());
        assertEquals(7, g.pointsPerDimension());
        assertEquals(1, g.size());
        assertEquals(1.0, g.weight(0), 0.0);
        assertThrows(IllegalArgumentException.class, () -> GaussianGrid.tensor(-1, 7));
    }

    @Test
    void fromOneToAHundredPoints() {
        // the 1-point rule is the mean: node 0, weight 1. (100 points, the largest allowed, is not built here: Hipparchus
        // takes 6.5 s for it, docs/simulation.md "Mutation testing")
        GaussHermite one = GaussHermite.of(1);
        assertEquals(0.0, one.node(0), 1e-15);
        assertEquals(1.0, one.weight(0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.of(0));
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.of(101));
    }
}
