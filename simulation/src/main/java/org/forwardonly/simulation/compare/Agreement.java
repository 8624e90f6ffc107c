package org.forwardonly.simulation.compare;

import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdict of a {@link TwoSizeComparison}: one test, over every time and every column at
 * once, of "the theory's error is zero".
 * <ol>
 *   <li>Per seed s, the paired differences sim − ode at N and at N_low (each run against the ODE
 *       from its own start) are extrapolated linearly in 1/N to 1/N = 0: e_s has mean zero up to
 *       O(1/(N N_low)) if the ODE is right, so no finite-size allowance is needed.</li>
 *   <li>The components tested: every (time, column) pair after t = 0, twice: e itself, and its
 *       drift-aligned form a ({@link TwoSizeComparison#aligned()}: e signed by the direction the
 *       seed's own ODE moves that column), whose mean a rate error (η, η_v) shifts even when it
 *       moves e one way in some seeds and the other way in others.</li>
 *   <li>The statistic is max |t| over all components, t the studentized seed mean; its p-value
 *       comes from flipping the signs of whole seed vectors (e_s, a_s) ({@link SignFlipTest}),
 *       exact for independent seeds with symmetric fluctuations given their starts (a flip of a
 *       seed's noise flips e_s and a_s together).</li>
 *   <li>When the comparison carries the ODE's rate sensitivities, a second family: the rate
 *       scores ({@link TwoSizeComparison#rateScores()}, one per learning rate, every time and
 *       column pooled along the direction that rate moves each seed's ODE), tested the same way
 *       (max |t| over the scores, sign flips). The two p-values are combined by Bonferroni,
 *       p = min(1, 2 min(p_components, p_scores)), which keeps P(p ≤ α) ≤ α.</li>
 *   <li>AGREE when p &gt; α. The false-alarm rate (a true ODE called DISAGREE) is at most α,
 *       {@value #DEFAULT_ALPHA} by default, for the whole comparison, not per time.</li>
 * </ol>
 * An ODE that diverges where the simulation did not is a DISAGREE.
 */
public final class Agreement {
    /** The default false-alarm rate α. */
    public static final double DEFAULT_ALPHA = 0.01;

    /** Bonferroni's factor: the verdict doubles the smaller of its two p-values (components and rate scores). */
    static final int FAMILIES = 2;

    /** The smallest α the verdict accepts: below it even a random-pattern test ({@link SignFlipTest}) cannot reach α. */
    public static final double MIN_ALPHA = FAMILIES / (1.0 + SignFlipTest.RANDOM_PATTERNS);

    /**
     * The fewest seeds with which the verdict can say DISAGREE at false-alarm rate {@code alpha}: with S seeds the
     * sign-flip p-value is at least 2^−(S−1) (the observed pattern and its negation among 2^(S−1), {@link SignFlipTest}),
     * and the Bonferroni combination doubles it, so S must satisfy 2 · 2^−(S−1) ≤ α. α = 0.01 gives 9 (8 seeds
     * reach 0.0156 at best, so a verdict at 8 could not fail). Past {@link SignFlipTest#EXACT_UP_TO} seeds the test
     * draws random patterns and reaches 2/(1 + {@value SignFlipTest#RANDOM_PATTERNS}) whatever S.
     *
     * @param alpha the false-alarm rate, at least {@link #MIN_ALPHA}
     * @return the minimum number of seeds
     * @throws IllegalArgumentException if alpha is outside [{@link #MIN_ALPHA}, 1)
     */
    public static int minimumSeeds(double alpha) {
        if (!(alpha >= MIN_ALPHA && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in [" + MIN_ALPHA + ", 1), got " + alpha);
        }
        int s = 2;
        while (s <= SignFlipTest.EXACT_UP_TO && FAMILIES * Math.pow(2, -(s - 1)) > alpha) s++;
        return s;
    }

    /** The statement of the rule, for outputs. */
    public static final String RULE = "sign-flip test over seeds of max |t| of the paired differences sim - ode, "
            + "extrapolated in 1/N to N = infinity, plain and drift-aligned, and of the rate scores; Bonferroni over the two "
            + "(docs/simulation.md)";

    /**
     * The worst column at one time.
     *
     * @param t time
     * @param column the column with the largest |t| at that time
     * @param difference the seed mean of its extrapolated difference
     * @param se its standard error over seeds
     */
    public record Row(double t, String column, double difference, double se) {
        /** The studentized difference. */
        public double tValue() {
            return difference / se;
        }
    }

    private final TwoSizeComparison comparison;
    private final double[][] mean;
    private final double[][] se;
    private final double[][] alignedMean;
    private final double[][] alignedSe;
    private final List<Row> rows;
    private final SignFlipTest test;
    private final SignFlipTest scoreTest;
    private final double alpha;

    private Agreement(TwoSizeComparison comparison, double[][] mean, double[][] se, double[][] alignedMean,
                      double[][] alignedSe, List<Row> rows, SignFlipTest test, SignFlipTest scoreTest, double alpha) {
        this.comparison = comparison;
        this.mean = mean;
        this.se = se;
        this.alignedMean = alignedMean;
        this.alignedSe = alignedSe;
        this.rows = rows;
        this.test = test;
        this.scoreTest = scoreTest;
        this.alpha = alpha;
    }

    /** Applies the test at false-alarm rate {@code alpha}. */
    public static Agreement of(TwoSizeComparison c, double alpha) {
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        double[][][] e = c.extrapolated(), a = c.aligned();
        int S = e.length, T = c.times(), C = c.high().columns().size();
        double[] times = c.high().times();
        double[][] mean = new double[T][C], se = new double[T][C], alignedMean = new double[T][C], alignedSe = new double[T][C];
        seedMean(e, mean, se);
        seedMean(a, alignedMean, alignedSe);
        // the components: every (time, column) after t = 0 (both start identically, so t = 0 is no test), plain then
        // drift-aligned; one seed's (e_s, a_s) is one vector, flipped as a whole
        int first = firstTime(times);
        int pairs = (T - first) * C;
        double[][] flat = new double[S][2 * pairs];
        for (int s = 0; s < S; s++) {
            for (int i = first; i < T; i++) {
                System.arraycopy(e[s][i], 0, flat[s], (i - first) * C, C);
                System.arraycopy(a[s][i], 0, flat[s], pairs + (i - first) * C, C);
            }
        }
        SignFlipTest test = pairs == 0 ? new SignFlipTest(0, -1, 1, 0, true, 0) : SignFlipTest.of(flat);
        double[][] scores = c.rateScores();
        SignFlipTest scoreTest = scores == null || pairs == 0 ? null : SignFlipTest.of(scores);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < T; i++) {
            int worst = -1;
            for (int j = 0; j < C; j++) {
                double t = Math.abs(mean[i][j] / se[i][j]);
                if (Double.isFinite(mean[i][j]) && se[i][j] > 0 && (worst < 0 || t > Math.abs(mean[i][worst] / se[i][worst]))) {
                    worst = j;
                }
            }
            rows.add(worst < 0 ? new Row(times[i], "-", 0, Double.NaN)
                    : new Row(times[i], c.high().columns().get(worst), mean[i][worst], se[i][worst]));
        }
        return new Agreement(c, mean, se, alignedMean, alignedSe, List.copyOf(rows), test, scoreTest, alpha);
    }

    /** Seed mean and its standard error of x[seed][time][column], into mean and se [time][column]. */
    private static void seedMean(double[][][] x, double[][] mean, double[][] se) {
        int S = x.length;
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j < mean[i].length; j++) {
                double m = 0, v = 0;
                for (double[][] xs : x) m += xs[i][j];
                m /= S;
                for (double[][] xs : x) v += (xs[i][j] - m) * (xs[i][j] - m);
                mean[i][j] = m;
                se[i][j] = Math.sqrt(v / (S - 1) / S);
            }
        }
    }

    /** The index of the first time after t = 0. */
    private static int firstTime(double[] times) {
        int first = 0;
        while (first < times.length && times[first] == 0) first++;
        return first;
    }

    /** Applies the test at the default false-alarm rate {@value #DEFAULT_ALPHA}. */
    public static Agreement of(TwoSizeComparison c) {
        return of(c, DEFAULT_ALPHA);
    }

    /** One row per time. */
    public List<Row> rows() {
        return rows;
    }

    /** The sign-flip test of the components (every (time, column) pair, plain and drift-aligned). */
    public SignFlipTest test() {
        return test;
    }

    /** The sign-flip test of the rate scores, or null when the comparison has no rate sensitivities. */
    public SignFlipTest scoreTest() {
        return scoreTest;
    }

    /** The verdict's p-value: the components' p, or with rate scores min(1, 2 min(p_components, p_scores)) (Bonferroni). */
    public double pValue() {
        return scoreTest == null ? test.pValue() : Math.min(1, 2 * Math.min(test.pValue(), scoreTest.pValue()));
    }

    /** Whether theory and simulation agree: p &gt; α and no ODE diverged. */
    public boolean agrees() {
        return comparison.odeDiverged() == null && pValue() > alpha;
    }

    /**
     * The extrapolated differences as a table: per column {@code <col>_diff_extrapolated} (seed
     * mean of e), {@code <col>_diff_extrapolated_se} (its standard error), then
     * {@code <col>_diff_aligned_extrapolated} and {@code <col>_diff_aligned_extrapolated_se}
     * (the same for the drift-aligned a).
     */
    public Trajectory table() {
        List<String> cols = comparison.high().columns();
        List<String> names = new ArrayList<>();
        for (String c : cols) {
            names.add(c + "_diff_extrapolated");
            names.add(c + "_diff_extrapolated_se");
            names.add(c + "_diff_aligned_extrapolated");
            names.add(c + "_diff_aligned_extrapolated_se");
        }
        double[][] out = new double[mean.length][4 * cols.size()];
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j < cols.size(); j++) {
                out[i][4 * j] = mean[i][j];
                out[i][4 * j + 1] = se[i][j];
                out[i][4 * j + 2] = alignedMean[i][j];
                out[i][4 * j + 3] = alignedSe[i][j];
            }
        }
        return new Trajectory(java.util.Arrays.copyOf(comparison.high().times(), mean.length), names, out);
    }

    /** The per-time table: eps_g of both at N, and the column with the largest |t| of the extrapolated difference. */
    public String report() {
        TheoryComparison hi = comparison.high();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %-10s %-10s %-8s %-12s %-12s %s%n",
                "t", "eps_g_ode", "eps_g_sim", "worst", "diff_extr", "se", "t_value"));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "%-10.4g %-10.5f %-10.5f %-8s %-12.4g %-12.4g %.2f%n",
                    r.t(), hi.ode()[i][0], hi.sim()[i][0], r.column(), r.difference(), r.se(), r.tValue()));
        }
        return sb.toString();
    }

    /** The verdict line: statistic, where it is reached, p-value, α and how the bias was removed. */
    public String verdict() {
        TheoryComparison hi = comparison.high();
        int seeds = hi.differences().length;
        String where = "-";
        if (test.worst() >= 0) {
            int C = hi.columns().size();
            int first = firstTime(hi.times());
            int pairs = (comparison.times() - first) * C;
            int k = test.worst() % pairs;
            where = String.format(Locale.ROOT, "%s%s at t = %.4g", hi.columns().get(k % C),
                    test.worst() >= pairs ? " drift-aligned" : "", hi.times()[first + k / C]);
        }
        String scores = "";
        if (scoreTest != null) {
            scores = String.format(Locale.ROOT, " and |t| = %.2f (%s) over %d rate scores",
                    scoreTest.maxT(), scoreTest.worst() < 0 ? "-" : TheoryComparison.RATES.get(scoreTest.worst()), scoreTest.components());
        }
        String stat = String.format(Locale.ROOT, "max |t| = %.2f (%s) over %d components ((time, column) pairs, plain and "
                + "drift-aligned)%s, sign-flip p = %.3g (%s%s %d sign patterns of %d seeds)",
                test.maxT(), where, test.components(), scores, pValue(), scoreTest == null ? "" : "2 x the smaller of the two; ",
                test.exact() ? "all" : "random", test.patterns(), seeds);
        String method = String.format(Locale.ROOT,
                "differences sim - ode extrapolated from N = %d and %d to 1/N = 0; false-alarm rate %.3g",
                comparison.nHigh(), comparison.nLow(), alpha);
        if (comparison.odeDiverged() != null) {
            return "DISAGREE: " + comparison.odeDiverged() + " while the simulation did not; " + stat + "; " + method;
        }
        return (agrees() ? "AGREE: " : "DISAGREE: ") + stat + (agrees() ? " > " : " <= ") + "alpha; " + method;
    }
}
