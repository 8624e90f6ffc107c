package org.forwardonly.simulation.compare;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.theory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict's arithmetic on synthetic paired differences d_s(N) = D + b/N + noise/√N, where D
 * (the theory's error), b (the finite-size bias) and the noise are chosen here: the 1/N
 * extrapolation must remove b exactly, the test must then see D and only D.
 */
class AgreementTest {
    static final int S = 16, NH = 400, NL = 100;
    static final double[] TIMES = {0, 1, 2, 3};
    static final List<String> COLS = List.of("eps_g", "Q_1_1");

    /** A comparison whose seed s has difference D + b/N + z_s/√N (z standard normal, none at t = 0). */
    static TheoryComparison comparison(int N, double D, double b, long seed, String diverged) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][][] d = new double[S][TIMES.length][COLS.size()];
        for (int s = 0; s < S; s++) {
            for (int i = 1; i < TIMES.length; i++) {
                for (int j = 0; j < COLS.size(); j++) d[s][i][j] = D + b / N + g.sample() / Math.sqrt(N);
            }
        }
        double[][] zero = new double[TIMES.length][COLS.size()];
        return new TheoryComparison(TIMES, COLS, zero, zero, zero, zero, d, diverged);
    }

    @Test
    void extrapolationRemovesABiasInOneOverNExactly() {
        // no noise: d = b/N at both sizes, so (N d(N) − N_low d(N_low)) / (N − N_low) = (b − b)/(N − N_low) = 0
        TheoryComparison hi = noiseless(NH, 0.2, 3.0), lo = noiseless(NL, 0.2, 3.0);
        double[][][] e = new TwoSizeComparison(NH, hi, NL, lo).extrapolated();
        for (double[][] seed : e) for (int i = 1; i < TIMES.length; i++) for (double v : seed[i]) assertEquals(0.2, v, 1e-14);
    }

    private static TheoryComparison noiseless(int N, double D, double b) {
        double[][][] d = new double[S][TIMES.length][COLS.size()];
        for (double[][] seed : d) for (int i = 1; i < TIMES.length; i++) java.util.Arrays.fill(seed[i], D + b / N);
        double[][] zero = new double[TIMES.length][COLS.size()];
        return new TheoryComparison(TIMES, COLS, zero, zero, zero, zero, d, null);
    }

    @Test
    void aLargeFiniteSizeBiasWithNoTheoryErrorAgrees() {
        // b = 20: at N = 400 the bias 0.05 is 1 noise sd per seed, 4 se of a 16-seed mean, which would fail a
        // test without the extrapolation; extrapolated, the mean is zero and only the noise remains
        Agreement a = Agreement.of(new TwoSizeComparison(NH, comparison(NH, 0, 20, 1, null), NL, comparison(NL, 0, 20, 2, null)));
        assertTrue(a.agrees(), a.verdict());
        assertTrue(a.verdict().startsWith("AGREE: max |t| = "), a.verdict());
        assertTrue(a.verdict().contains("from N = 400 and 100"), a.verdict());
        assertEquals(6, a.test().components(), "t = 0 is left out: 3 times x 2 columns");
        // without the extrapolation it would be rejected: given the N = 400 data at both sizes, e = d(400), whose
        // mean b/N = 0.05 is 4 of its standard errors (0.05/√16) in every component
        Agreement naive = Agreement.of(new TwoSizeComparison(NH, comparison(NH, 0, 20, 1, null), NL, comparison(NH, 0, 20, 1, null)));
        assertFalse(naive.agrees(), naive.verdict());
    }

    @Test
    void aTheoryErrorOfThreeNoiseStandardErrorsDisagrees() {
        // D = 0.06: the extrapolated noise sd per seed is √((4/3)²/400 + (1/3)²/100) = 0.0745, its 16-seed se 0.0186;
        // D/se = 3.2 per component, 6 components: p far below 0.01 with probability > 0.95
        Agreement a = Agreement.of(new TwoSizeComparison(NH, comparison(NH, 0.06, 20, 1, null), NL, comparison(NL, 0.06, 20, 2, null)));
        assertFalse(a.agrees(), a.verdict());
        assertTrue(a.verdict().startsWith("DISAGREE: max |t| = "), a.verdict());
        Trajectory t = a.table();
        assertEquals(List.of("eps_g_diff_extrapolated", "eps_g_diff_extrapolated_se", "Q_1_1_diff_extrapolated",
                "Q_1_1_diff_extrapolated_se"), t.columns());
        for (int i = 1; i < TIMES.length; i++) {
            assertEquals(0.06, t.rows()[i][0], 4 * 0.0186, "seed mean of e near D");
            assertEquals(0.0186, t.rows()[i][1], 0.0186 * 0.6, "its se near 0.0186 (16 seeds: relative sd 0.18)");
        }
    }

    @Test
    void anOdeThatDivergedIsADisagreement() {
        Agreement a = Agreement.of(new TwoSizeComparison(NH, comparison(NH, 0, 0, 1, "the ODE from seed 3 diverged at t = 2"), NL,
                comparison(NL, 0, 0, 2, null)));
        assertFalse(a.agrees());
        assertTrue(a.verdict().startsWith("DISAGREE: the ODE from seed 3 diverged"), a.verdict());
    }

    @Test
    void mismatchedComparisonsAndBadAlphaAreRefused() {
        TheoryComparison c = comparison(NH, 0, 0, 1, null);
        assertThrows(IllegalArgumentException.class, () -> new TwoSizeComparison(NL, c, NH, c));
        assertThrows(IllegalArgumentException.class, () -> Agreement.of(new TwoSizeComparison(NH, c, NL, c), 0));
        assertEquals(250, TwoSizeComparison.defaultLowN(1000));
    }
}
