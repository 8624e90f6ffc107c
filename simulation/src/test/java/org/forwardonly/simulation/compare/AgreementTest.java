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
        return new TheoryComparison(TIMES, COLS, zero, zero, zero, zero, d, rising(), null, diverged);
    }

    /** Directions of ODEs that move every column up after t = 0 in every seed (then the drift-aligned a equals e). */
    static double[][][] rising() {
        double[][][] g = new double[S][TIMES.length][COLS.size()];
        for (double[][] seed : g) for (int i = 1; i < TIMES.length; i++) java.util.Arrays.fill(seed[i], 1);
        return g;
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
        return new TheoryComparison(TIMES, COLS, zero, zero, zero, zero, d, rising(), null, null);
    }

    @Test
    void aLargeFiniteSizeBiasWithNoTheoryErrorAgrees() {
        // b = 20: at N = 400 the bias 0.05 is 1 noise sd per seed, 4 se of a 16-seed mean, which would fail a
        // test without the extrapolation; extrapolated, the mean is zero and only the noise remains
        Agreement a = Agreement.of(new TwoSizeComparison(NH, comparison(NH, 0, 20, 1, null), NL, comparison(NL, 0, 20, 2, null)));
        assertTrue(a.agrees(), a.verdict());
        assertTrue(a.verdict().startsWith("AGREE: max |t| = "), a.verdict());
        assertTrue(a.verdict().contains("from N = 400 and 100"), a.verdict());
        assertEquals(12, a.test().components(), "t = 0 is left out: 3 times x 2 columns, plain and drift-aligned");
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
        assertEquals(List.of("eps_g_diff_extrapolated", "eps_g_diff_extrapolated_se", "eps_g_diff_aligned_extrapolated",
                "eps_g_diff_aligned_extrapolated_se", "Q_1_1_diff_extrapolated", "Q_1_1_diff_extrapolated_se",
                "Q_1_1_diff_aligned_extrapolated", "Q_1_1_diff_aligned_extrapolated_se"), t.columns());
        for (int i = 1; i < TIMES.length; i++) {
            assertEquals(0.06, t.rows()[i][0], 4 * 0.0186, "seed mean of e near D");
            assertEquals(0.0186, t.rows()[i][1], 0.0186 * 0.6, "its se near 0.0186 (16 seeds: relative sd 0.18)");
        }
    }

    /** A synthetic comparison at size N: theory error D, finite-size bias b following each seed's motion sign g. */
    interface SyntheticComparison {
        TheoryComparison at(int N, double D, double b, double[] g, UniformRandomProvider rng);
    }

    /**
     * How many of 400 null data sets (D = 0, bias 20 following motion signs drawn at random per seed and size)
     * compare rejects at 0.05, the sets built by {@code make} from a generator seeded with {@code seed}.
     */
    static int nullRejections(long seed, SyntheticComparison make) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int rejections = 0;
        for (int rep = 0; rep < 400; rep++) {
            double[] gHi = new double[S], gLo = new double[S];
            for (int s = 0; s < S; s++) {
                gHi[s] = rng.nextBoolean() ? 1 : -1;
                gLo[s] = rng.nextBoolean() ? 1 : -1;
            }
            Agreement a = Agreement.of(new TwoSizeComparison(NH, make.at(NH, 0, 20, gHi, rng), NL, make.at(NL, 0, 20, gLo, rng)), 0.05);
            if (!a.agrees()) rejections++;
        }
        return rejections;
    }

    /**
     * A comparison whose seed s moves in direction g_s (its ODE's sign(ode(t) − ode(0)) in every column after
     * t = 0) and has difference g_s (D + b/N) + z_s/√N: a theory error D and a finite-size bias b that both
     * follow the seed's own motion, as a rate error does (η_v: v runs ahead of or behind its ODE toward v*).
     */
    static TheoryComparison following(int N, double D, double b, double[] g, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][][] d = new double[S][TIMES.length][COLS.size()], dir = new double[S][TIMES.length][COLS.size()];
        for (int s = 0; s < S; s++) {
            for (int i = 1; i < TIMES.length; i++) {
                for (int j = 0; j < COLS.size(); j++) {
                    d[s][i][j] = g[s] * (D + b / N) + z.sample() / Math.sqrt(N);
                    dir[s][i][j] = g[s];
                }
            }
        }
        double[][] zero = new double[TIMES.length][COLS.size()];
        return new TheoryComparison(TIMES, COLS, zero, zero, zero, zero, d, dir, null, null);
    }

    /** Half the seeds move up, half down: the pattern at N is s even/odd, at N_low (its own draw) s mod 4 < 2. */
    static final double[] UP_DOWN_HIGH = new double[S], UP_DOWN_LOW = new double[S];
    static {
        for (int s = 0; s < S; s++) {
            UP_DOWN_HIGH[s] = s % 2 == 0 ? 1 : -1;
            UP_DOWN_LOW[s] = s % 4 < 2 ? 1 : -1;
        }
    }

    @Test
    void anErrorWhoseSignFollowsEachSeedsMotionIsInvisibleToThePlainComponentsAndCaughtByTheDriftAlignedOnes() {
        // D = 0.08 along each seed's motion. Plain: e_s = D (4/3 g_s(N) − 1/3 g_s(N_low)) + noise, and the balanced
        // signs make its seed mean exactly the noise's: the plain components alone are a null test (p > 0.01 but
        // with probability 0.01). Drift-aligned: a_s = D (4/3 − 1/3) + noise = D + noise, D/se = 0.08/0.0186 = 4.3 in
        // each of 6 components (se as in aTheoryErrorOfThreeNoiseStandardErrorsDisagrees): p < 0.01 with
        // probability > 0.99. The bias b = 20 follows the motion too and cancels in both (own sign at each size).
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(19L);
        TwoSizeComparison c = new TwoSizeComparison(NH, following(NH, 0.08, 20, UP_DOWN_HIGH, rng), NL,
                following(NL, 0.08, 20, UP_DOWN_LOW, rng));
        double[][] plain = new double[S][];
        double[][][] e = c.extrapolated();
        for (int s = 0; s < S; s++) plain[s] = java.util.Arrays.stream(e[s], 1,
                TIMES.length).flatMapToDouble(java.util.Arrays::stream).toArray();
        SignFlipTest plainOnly = SignFlipTest.of(plain);
        assertTrue(plainOnly.pValue() > 0.01, "the plain components alone see nothing: p = " + plainOnly.pValue());
        Agreement a = Agreement.of(c);
        assertFalse(a.agrees(), a.verdict());
        assertTrue(a.verdict().contains("drift-aligned at t = "), a.verdict());
        for (int i = 1; i < TIMES.length; i++) {
            assertEquals(0.08, a.table().rows()[i][2], 4 * 0.0186, "seed mean of a near D (4 se)");
        }
    }

    @Test
    void withPlainAndDriftAlignedComponentsTheFalseAlarmRateStaysAtMostAlpha() {
        // 400 null data sets: no theory error, a finite-size bias b = 20 that follows each seed's motion, and
        // directions drawn at random per seed and size (independent of the noise, as the starts are). The count
        // of p <= 0.05 is binomial(400, <= 0.05): at most 20 + 3 sd (sd 4.4), i.e. <= 33; and >= 7, since a
        // test that never rejects is not calibrated either
        int rejections = nullRejections(23L, AgreementTest::following);
        assertTrue(rejections <= 33, rejections + " of 400 null sets rejected at 0.05");
        assertTrue(rejections >= 7, rejections + " of 400 null sets rejected at 0.05");
    }

    /** Rate-score data: {@value #LONG_T} times after t = 0, 2 columns, 16 seeds. */
    static final int LONG_T = 20;

    /**
     * Seed s has difference D J_s + b J_s/N + z/√N in every (time, column) after t = 0, where its ODE's
     * sensitivity to the first rate is J_s = g_s (one direction per seed, ±1) and to the second an
     * independent standard normal per time and column (both functions of the "start" only).
     */
    static TheoryComparison withRates(int N, double D, double b, double[] g, UniformRandomProvider rng) {
        return withRates(N, D, b, g, rng, S);
    }

    /** As {@link #withRates(int, double, double, double[], UniformRandomProvider)} with {@code S} seeds. */
    static TheoryComparison withRates(int N, double D, double b, double[] g, UniformRandomProvider rng, int S) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] times = new double[LONG_T + 1];
        for (int i = 0; i <= LONG_T; i++) times[i] = i;
        double[][][] d = new double[S][LONG_T + 1][COLS.size()], dir = new double[S][LONG_T + 1][COLS.size()];
        double[][][][] J = new double[2][S][LONG_T + 1][COLS.size()];
        for (int s = 0; s < S; s++) {
            for (int i = 1; i <= LONG_T; i++) {
                for (int j = 0; j < COLS.size(); j++) {
                    J[0][s][i][j] = g[s];
                    J[1][s][i][j] = z.sample();
                    dir[s][i][j] = g[s];
                    d[s][i][j] = g[s] * (D + b / N) + z.sample() / Math.sqrt(N);
                }
            }
        }
        double[][] zero = new double[LONG_T + 1][COLS.size()];
        return new TheoryComparison(times, COLS, zero, zero, zero, zero, d, dir, J, null);
    }

    @Test
    void aSmallErrorAlongTheRateSensitivityEverywhereIsCaughtByTheRateScoreNotByAnySingleComponent() {
        // D = 0.02 along J in all 40 (time, column) pairs: one component's t is 0.02/0.0186 = 1.1 (se as in
        // aTheoryErrorOfThreeNoiseStandardErrorsDisagrees), below the ~3.9 a max over 80 components needs, so the
        // component test alone misses it (with probability about 0.9: 40 chances of a 2.8 sd excursion); the
        // rate score sums the 40 independent standardized components aligned with sign(J), t about 1.1 √40 = 6.8,
        // far beyond the ~3.3 of two scores at p = 0.005 (with probability > 0.999)
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(29L);
        TwoSizeComparison c = new TwoSizeComparison(NH, withRates(NH, 0.02, 20, UP_DOWN_HIGH, rng), NL,
                withRates(NL, 0.02, 20, UP_DOWN_LOW, rng));
        Agreement a = Agreement.of(c);
        assertTrue(a.test().pValue() > 0.01, "no single component sees it: " + a.verdict());
        assertTrue(a.scoreTest().pValue() < 0.005, a.verdict());
        assertEquals(0, a.scoreTest().worst(), "the first rate's score, the one the error follows");
        assertFalse(a.agrees(), a.verdict());
        assertEquals(Math.min(1, 2 * Math.min(a.test().pValue(), a.scoreTest().pValue())), a.pValue(), 0.0,
                "Bonferroni over the two families");
        assertTrue(a.verdict().contains("over 2 rate scores"), a.verdict());
    }

    @Test
    void withRateScoresTheFalseAlarmRateStaysAtMostAlpha() {
        // as withPlainAndDriftAlignedComponentsTheFalseAlarmRateStaysAtMostAlpha, now with the rate scores and the
        // Bonferroni combination: P(p <= 0.05) = P(p_components <= 0.025 or p_scores <= 0.025) lies between 0.025 and
        // 0.05, so the count is at most 33 as before, and at least 2 (2.5 sd below 400 x 0.025 = 10): the combined
        // test is conservative by at most a factor 2, not dead
        int rejections = nullRejections(31L, AgreementTest::withRates);
        assertTrue(rejections <= 33, rejections + " of 400 null sets rejected at 0.05");
        assertTrue(rejections >= 2, rejections + " of 400 null sets rejected at 0.05");
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

    @Test
    void theMinimumSeedCountIsTheFewestWhoseSmallestCombinedPValueReachesAlpha() {
        // 2 · 2^-(S-1) <= alpha: 0.01 -> 9 (8 give 0.0156), 0.05 -> 7 (6 give 0.0625), 0.0625 -> 6 exactly at the bound
        assertEquals(9, Agreement.minimumSeeds(0.01));
        assertEquals(7, Agreement.minimumSeeds(0.05));
        assertEquals(6, Agreement.minimumSeeds(0.0625));
        // at the smallest alpha, 2/(1 + 2^16): 18 seeds reach 2 · 2^-17 below it, and past 22 seeds the random patterns'
        // floor is alpha itself, so every count from the minimum up can say DISAGREE
        assertEquals(18, Agreement.minimumSeeds(Agreement.MIN_ALPHA));
        assertThrows(IllegalArgumentException.class, () -> Agreement.minimumSeeds(Agreement.MIN_ALPHA / 2));
        for (double alpha : new double[] {0.01, 0.05, 0.001}) {
            int s = Agreement.minimumSeeds(alpha);
            assertTrue(2 * Math.pow(2, -(s - 1)) <= alpha && 2 * Math.pow(2, -(s - 2)) > alpha, "alpha " + alpha + ": " + s);
        }
    }

    @Test
    void atTheMinimumSeedCountAnErrorSeenByEverySeedIsADisagreement() {
        // every seed sees the same large error (D = 1, noise 1/sqrt(N) ~ 0.03) in every component and score: the
        // observed pattern is the only one reaching the statistic, p = 2 · 2^-(S-1) = 0.0078 <= 0.01 at S = 9,
        // and at S = 8 it would be 0.0156 > 0.01: the verdict could not have failed there
        int seeds = Agreement.minimumSeeds(0.01);
        double[] up = new double[seeds];
        java.util.Arrays.fill(up, 1);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(41L);
        TwoSizeComparison c = new TwoSizeComparison(NH, withRates(NH, 1, 0, up, rng, seeds), NL, withRates(NL, 1, 0, up, rng, seeds));
        Agreement a = Agreement.of(c, 0.01);
        assertEquals(2 * Math.pow(2, -(seeds - 1)), a.pValue(), 1e-15, a.verdict());
        assertFalse(a.agrees(), a.verdict());
        double[] fewer = java.util.Arrays.copyOf(up, seeds - 1);
        TwoSizeComparison c8 = new TwoSizeComparison(NH, withRates(NH, 1, 0, fewer, rng, seeds - 1), NL,
                withRates(NL, 1, 0, fewer, rng, seeds - 1));
        assertTrue(Agreement.of(c8, 0.01).agrees(), "one seed fewer cannot reach alpha, hence the refusal");
    }
}
