package org.forwardonly.simulation.compare;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A sign-flip test of "every component has mean zero" for S independent vectors e_1 … e_S (one
 * per seed; components: every (time, column) pair), pooled in one statistic: the largest
 * studentized mean
 *
 * <pre>
 *   max_k |t_k|,   t_k = ē_k / (sd_k / √S)
 * </pre>
 *
 * Its null distribution is the one obtained by flipping the signs of whole seed vectors: if the
 * e_s are independent and each is distributed symmetrically about zero (a Gaussian fluctuation
 * is), the 2^S sign patterns are equally likely, so the p-value
 * {@code #{patterns with a statistic >= the observed one} / #patterns} obeys
 * P(p ≤ α) ≤ α exactly, whatever the correlations between times and columns. The maximum over
 * components makes the false-alarm rate family-wise: one number for all times and columns.
 * <p>
 * Up to {@value #EXACT_UP_TO} seeds every pattern is enumerated (a pattern and its negation give
 * the same statistic, so 2^(S−1) of them, in Gray-code order so each costs one pass over the
 * components); beyond, {@value #RANDOM_PATTERNS} random patterns from a fixed seed, p = (1 +
 * count)/(1 + patterns), which is also a valid p-value. With S seeds the smallest attainable p is
 * 2^−(S−1): 8 seeds can reach α = 0.01 only if every pattern but the observed one is smaller.
 * <p>
 * For the flips, t_k is replaced by the monotone u_k = Σ_s e_sk / √(S Σ_s e_sk²), whose
 * denominator does not change under sign flips (t = √(S−1) u / √(1 − u²)).
 *
 * @param maxT the observed max_k |t_k| (infinite when all seeds agree exactly in a component)
 * @param worst the component k where it is reached
 * @param pValue the sign-flip p-value
 * @param patterns the number of sign patterns used
 * @param exact whether every pattern was enumerated
 * @param components the number of components tested (those with Σ e² > 0)
 */
public record SignFlipTest(double maxT, int worst, double pValue, long patterns, boolean exact, int components) {

    /** Seeds up to which all sign patterns are enumerated. */
    public static final int EXACT_UP_TO = 22;
    /** Random sign patterns beyond {@link #EXACT_UP_TO} seeds. */
    public static final int RANDOM_PATTERNS = 1 << 16;
    /** Seeds per block of the random-pattern loop's tables (2^BLOCK partial sums per block). */
    private static final int BLOCK = 8;
    /** Relative slack when comparing a pattern's statistic with the observed one (rounding of the running sums). */
    private static final double SLACK = 1e-9;

    /**
     * Tests e[s][k] (seed s, component k). Components with a non-finite entry or with Σ_s e² = 0
     * are left out; {@code worst} is then −1 if none is left (p = 1).
     */
    public static SignFlipTest of(double[][] e) {
        int S = e.length, C = e[0].length;
        int[] used = new int[C];
        int n = 0;
        for (int k = 0; k < C; k++) {
            double ss = 0;
            boolean finite = true;
            for (double[] row : e) {
                finite &= Double.isFinite(row[k]);
                ss += row[k] * row[k];
            }
            if (finite && ss > 0) used[n++] = k;
        }
        if (n == 0 || S < 2) return new SignFlipTest(0, -1, 1, 0, true, n);
        // x[s][i]: component used[i] of seed s divided by √(S Σ e²), so the statistic is max |Σ_s ε_s x_si|
        double[][] x = new double[S][n];
        double[] sum = new double[n];
        for (int i = 0; i < n; i++) {
            int k = used[i];
            double ss = 0;
            for (double[] row : e) ss += row[k] * row[k];
            double inv = 1 / Math.sqrt(S * ss);
            for (int s = 0; s < S; s++) {
                x[s][i] = e[s][k] * inv;
                sum[i] += x[s][i];
            }
        }
        int worstI = 0;
        for (int i = 1; i < n; i++) if (Math.abs(sum[i]) > Math.abs(sum[worstI])) worstI = i;
        double u = Math.min(1, Math.abs(sum[worstI]));
        double maxT = u >= 1 ? Double.POSITIVE_INFINITY : Math.sqrt(S - 1) * u / Math.sqrt(1 - u * u);
        double threshold = u * (1 - SLACK);
        if (S <= EXACT_UP_TO) {
            long patterns = 1L << (S - 1), count = 1; // the observed pattern (and its negation) reaches it
            double[] sign = new double[S];
            java.util.Arrays.fill(sign, 1);
            for (long g = 1; g < patterns; g++) {
                int s = 1 + Long.numberOfTrailingZeros(g); // Gray code: one seed flips per step; seed 0 stays +
                sign[s] = -sign[s];
                double twice = 2 * sign[s];
                double[] xs = x[s];
                boolean reached = false;
                for (int i = 0; i < n; i++) {
                    double v = sum[i] + twice * xs[i];
                    sum[i] = v;
                    if (!reached && Math.abs(v) >= threshold) reached = true;
                }
                if (reached) count++;
            }
            return new SignFlipTest(maxT, used[worstI], (double) count / patterns, patterns, true, n);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261129L);
        // seeds in blocks of BLOCK: the sum over a block for each of its 2^BLOCK sign patterns is tabulated once,
        // so a random pattern costs S/BLOCK additions per component instead of S
        int blocks = (S + BLOCK - 1) / BLOCK;
        double[][][] table = new double[blocks][][];
        for (int b = 0; b < blocks; b++) {
            int from = b * BLOCK, size = Math.min(BLOCK, S - from);
            table[b] = new double[1 << size][n];
            for (int bits = 1; bits < 1 << size; bits++) {
                int low = Integer.numberOfTrailingZeros(bits); // table[bits] = table[bits without its lowest seed] + that seed
                double[] prev = table[b][bits & (bits - 1)], xs = x[from + low], row = table[b][bits];
                for (int i = 0; i < n; i++) row[i] = prev[i] + xs[i];
            }
        }
        double[] total = new double[n]; // Σ_s x_s: a pattern's sum is 2 Σ_{s: +} x_s − Σ_s x_s
        for (double[] xs : x) for (int i = 0; i < n; i++) total[i] += xs[i];
        long count = 0;
        double[] flipped = new double[n];
        for (int p = 0; p < RANDOM_PATTERNS; p++) {
            java.util.Arrays.fill(flipped, 0);
            for (int b = 0; b < blocks; b++) {
                int from = b * BLOCK, size = Math.min(BLOCK, S - from), bits = 0;
                for (int k = 0; k < size; k++) if (rng.nextBoolean()) bits |= 1 << k; // seed from + k positive
                double[] row = table[b][bits];
                for (int i = 0; i < n; i++) flipped[i] += row[i];
            }
            for (int i = 0; i < n; i++) {
                if (Math.abs(2 * flipped[i] - total[i]) >= threshold) {
                    count++;
                    break;
                }
            }
        }
        return new SignFlipTest(maxT, used[worstI], (1.0 + count) / (1.0 + RANDOM_PATTERNS), RANDOM_PATTERNS, false, n);
    }
}
