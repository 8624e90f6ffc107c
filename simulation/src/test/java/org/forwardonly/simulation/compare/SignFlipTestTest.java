package org.forwardonly.simulation.compare;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-flip test's p-value, checked against counts made independently of its Gray-code loop. */
class SignFlipTestTest {

    @Test
    void exactPValueMatchesABruteForceCountOverAllSignPatterns() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int S = 9, C = 5;
        double[][] e = new double[S][C];
        for (double[] row : e) for (int k = 0; k < C; k++) row[k] = g.sample() + 0.4;
        SignFlipTest t = SignFlipTest.of(e);
        // brute force: every one of the 2^S patterns, the statistic max_k |t_k| recomputed from scratch
        double observed = maxT(e, ~0L);
        int count = 0;
        for (long p = 0; p < (1L << S); p++) if (maxT(e, p) >= observed * (1 - 1e-9)) count++;
        assertEquals(count / (double) (1L << S), t.pValue(), 1e-15);
        assertEquals(observed, t.maxT(), 1e-9 * observed);
        assertTrue(t.exact());
    }

    @Test
    void falseAlarmRateUnderANullOfMeanZeroIsAtMostAlpha() {
        // 400 null data sets (Gaussian, mean zero, correlated across components): the fraction with p <= 0.05
        // is a binomial(400, <= 0.05) count, at most 20 + 3 sd (sd = √(400·0.05·0.95) = 4.4), i.e. <= 33
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int rejections = 0, S = 10, C = 6;
        for (int rep = 0; rep < 400; rep++) {
            double[][] e = new double[S][C];
            for (double[] row : e) {
                double common = g.sample();
                for (int k = 0; k < C; k++) row[k] = common + 0.5 * g.sample();
            }
            if (SignFlipTest.of(e).pValue() <= 0.05) rejections++;
        }
        assertTrue(rejections <= 33, rejections + " of 400 null sets rejected at 0.05");
        assertTrue(rejections >= 7, rejections + " of 400: a test that never rejects is not calibrated either (20 - 3 sd)");
    }

    @Test
    void aShiftOfThreeStandardDeviationsPerSeedIsAlwaysDetectedWithSixteenSeeds() {
        // mean 1 with unit noise: the seed mean is 4 se from zero; p is then the fraction of patterns beating
        // an almost all-positive one, far below 0.01
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] e = new double[16][4];
        for (double[] row : e) for (int k = 0; k < 4; k++) row[k] = (k == 2 ? 1.5 : 0) + g.sample();
        SignFlipTest t = SignFlipTest.of(e);
        assertTrue(t.pValue() < 0.01, "p = " + t.pValue());
        assertEquals(2, t.worst());
    }

    @Test
    void randomPatternsBeyondTheExactLimitAgreeWithTheExactCountWithinTheirBinomialError() {
        // 24 seeds: 2^16 random patterns; p's standard error is √(p(1-p)/65536) <= 0.002, so 5 of them = 0.01
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int S = SignFlipTest.EXACT_UP_TO + 2;
        double[][] e = new double[S][3];
        for (double[] row : e) for (int k = 0; k < 3; k++) row[k] = g.sample() + 0.3;
        SignFlipTest t = SignFlipTest.of(e);
        double observed = maxT(e, ~0L);
        long count = 0, all = 1L << S;
        for (long p = 0; p < all; p += 97) if (maxT(e, p) >= observed * (1 - 1e-9)) count++;
        double sampled = count / (double) ((all + 96) / 97);
        assertEquals(sampled, t.pValue(), 0.01);
    }

    /** max_k |t_k| of the data with seed s's sign flipped when bit s of {@code pattern} is 0. */
    private static double maxT(double[][] e, long pattern) {
        int S = e.length;
        double best = 0;
        for (int k = 0; k < e[0].length; k++) {
            double m = 0, v = 0;
            for (int s = 0; s < S; s++) m += sign(pattern, s) * e[s][k];
            m /= S;
            for (int s = 0; s < S; s++) v += Math.pow(sign(pattern, s) * e[s][k] - m, 2);
            double t = Math.abs(m) / Math.sqrt(v / (S - 1) / S);
            best = Math.max(best, t);
        }
        return best;
    }

    private static double sign(long pattern, int s) {
        return ((pattern >> s) & 1) == 1 ? 1 : -1;
    }
}
