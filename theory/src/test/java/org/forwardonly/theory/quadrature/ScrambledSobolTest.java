package org.forwardonly.theory.quadrature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scrambled Sobol point set of the exact engine (docs/model.md §8). */
class ScrambledSobolTest {

    /**
     * Each coordinate's first two moments: a scrambled (0, m, 1)-net in each dimension is exactly stratified, so E[z]
     * and E[z²] are off only by the inverse CDF's curvature within a cell (~1e-3 at n = 4096).
     */
    @Test
    void marginalMomentsAreStandardNormal() {
        ScrambledSobol s = ScrambledSobol.of(20, 4096, 3);
        for (int j = 0; j < 20; j++) {
            double m1 = 0, m2 = 0;
            for (int p = 0; p < s.size(); p++) {
                m1 += s.weight(p) * s.node(p, j);
                m2 += s.weight(p) * s.node(p, j) * s.node(p, j);
            }
            assertEquals(0, m1, 2e-3, "mean of coordinate " + j);
            assertEquals(1, m2, 5e-3, "variance of coordinate " + j);
        }
    }

    /**
     * Unbiased whatever the scrambling: 64 scramblings of n = 256 points estimate
     * E[Π_j cos(a_j z_j)] = Π_j exp(−a_j²/2) in 12 dimensions; their mean is within 4 standard
     * errors (over the scramblings) of the exact value, and each is closer than plain Monte Carlo's
     * standard error at the same n (the low-discrepancy gain).
     */
    @Test
    void scramblingsAreUnbiasedAndBeatMonteCarlo() {
        int D = 12, n = 256, reps = 64;
        double[] a = new double[D];
        double exact = 1, exact2 = 1;
        for (int j = 0; j < D; j++) {
            a[j] = 0.3 + 0.05 * j;
            exact *= Math.exp(-a[j] * a[j] / 2);
            exact2 *= 0.5 * (1 + Math.exp(-2 * a[j] * a[j])); // E[cos²(a z)]
        }
        double mcSe = Math.sqrt((exact2 - exact * exact) / n);
        double sum = 0, sum2 = 0;
        for (int r = 0; r < reps; r++) {
            ScrambledSobol s = ScrambledSobol.of(D, n, 100 + r);
            double est = 0;
            for (int p = 0; p < n; p++) {
                double f = 1;
                for (int j = 0; j < D; j++) f *= Math.cos(a[j] * s.node(p, j));
                est += s.weight(p) * f;
            }
            sum += est;
            sum2 += est * est;
        }
        double mean = sum / reps, sd = Math.sqrt((sum2 / reps - mean * mean) * reps / (reps - 1));
        assertEquals(exact, mean, 4 * sd / Math.sqrt(reps), "mean over scramblings");
        assertTrue(sd < mcSe, "spread of one scrambling " + sd + " vs plain Monte Carlo " + mcSe);
    }

    @Test
    void sameSeedSamePointsOtherSeedOtherPoints() {
        ScrambledSobol a = ScrambledSobol.of(5, 64, 42), b = ScrambledSobol.of(5, 64, 42), c = ScrambledSobol.of(5, 64, 43);
        double[] pa = new double[320], pb = new double[320], pc = new double[320];
        for (int p = 0; p < 64; p++) {
            for (int j = 0; j < 5; j++) {
                pa[p * 5 + j] = a.node(p, j);
                pb[p * 5 + j] = b.node(p, j);
                pc[p * 5 + j] = c.node(p, j);
            }
        }
        assertArrayEquals(pa, pb);
        assertNotEquals(pa[0], pc[0]);
    }

    /** The uniform the node stands for: u = Φ(z). */
    private static double uniform(ScrambledSobol s, int p, int j) {
        return 0.5 * (1 + org.hipparchus.special.Erf.erf(s.node(p, j) / Math.sqrt(2)));
    }

    @Test
    void theScrambledPointsAreStillANet() {
        // A linear (lower-triangular) scrambling with a digital shift keeps Sobol's net property (docs/model.md §8):
        // of n = 2^10 points, each coordinate has exactly one in each interval [k/n, (k+1)/n), and the first two
        // coordinates, a (0, m, 2)-net, have exactly one in each box [i/2^a, (i+1)/2^a) × [k/2^(10-a), (k+1)/2^(10-a)).
        // A scrambling that is not triangular, or points not at the centres of their cells, breaks it.
        int m = 10, n = 1 << m;
        ScrambledSobol s = ScrambledSobol.of(4, n, 11);
        for (int j = 0; j < 4; j++) {
            boolean[] seen = new boolean[n];
            for (int p = 0; p < n; p++) {
                int cell = (int) Math.floor(uniform(s, p, j) * n);
                assertTrue(cell >= 0 && cell < n && !seen[cell], "coordinate " + j + ": point " + p + " in cell " + cell);
                seen[cell] = true;
            }
        }
        for (int a = 0; a <= m; a++) {
            boolean[] seen = new boolean[n];
            for (int p = 0; p < n; p++) {
                int box = (int) Math.floor(uniform(s, p, 0) * (1 << a)) * (1 << (m - a))
                        + (int) Math.floor(uniform(s, p, 1) * (1 << (m - a)));
                assertTrue(!seen[box], "boxes 2^-" + a + " x 2^-" + (m - a) + ": two points in box " + box);
                seen[box] = true;
            }
        }
    }

    @Test
    void dimensionsAndSizesAtTheEdgesOfTheAllowedRange() {
        ScrambledSobol one = ScrambledSobol.of(1, 1, 5);
        assertEquals(1, one.size());
        assertEquals(1, one.dimension());
        assertEquals(1.0, one.weight(0), 0.0);
        assertEquals(ScrambledSobol.MAX_DIMENSION, ScrambledSobol.of(ScrambledSobol.MAX_DIMENSION, 2, 5).dimension());
        assertThrows(IllegalArgumentException.class, () -> ScrambledSobol.of(0, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> ScrambledSobol.of(ScrambledSobol.MAX_DIMENSION + 1, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> ScrambledSobol.of(3, 0, 5));
    }

    @Test
    void theScramblingIsLinearNotOnlyAShiftAndPointsSitAtCellCentres() {
        // u = (M·digits ⊕ shift + ½)·2^-32 (docs/model.md §8). Between two seeds, (digits of u) XOR (digits of u') =
        // (M ⊕ M')·digits ⊕ (shift ⊕ shift') varies from point to point; with a digital shift alone (M = I) it would
        // be one constant. And each u is the centre of its 2^-32 cell (never 0 or 1): u·2^32 has fractional part ½
        // (the node is recovered through erf to ~1e-16, i.e. 4e-7 of a cell).
        ScrambledSobol a = ScrambledSobol.of(2, 64, 1), b = ScrambledSobol.of(2, 64, 2);
        for (int j = 0; j < 2; j++) {
            java.util.Set<Long> xor = new java.util.HashSet<>();
            for (int p = 0; p < 64; p++) {
                double ua = uniform(a, p, j) * 0x1p32, ub = uniform(b, p, j) * 0x1p32;
                assertEquals(0.5, ua - Math.floor(ua), 1e-3, "point " + p + " at the centre of its cell");
                xor.add((long) Math.floor(ua) ^ (long) Math.floor(ub));
            }
            assertTrue(xor.size() > 32, "coordinate " + j + ": XOR of two seeds' digits takes " + xor.size() + " values");
        }
    }
}
