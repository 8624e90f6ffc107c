package org.forwardonly.scan.metrics;

/**
 * Turns a run's ε_g(t) curve into the scan's summary numbers.
 *
 * <p>Definitions (docs/scans.md):
 * <ul>
 * <li><b>tThreshold</b>: the first time ε_g ≤ threshold, linearly interpolated in t between the
 *     last sample above and the first at or below (the first sample's time if it starts below).</li>
 * <li><b>plateau</b>: on log-log axes, the local slope between consecutive samples
 *     σ_i = Δ ln ε_g / Δ ln t (samples with t &gt; 0). A flat stretch is a maximal run of
 *     consecutive intervals with |σ_i| ≤ plateauSlope. It is a plateau if ε_g fell into it and
 *     falls out of it: some earlier sample is at least height / plateauDrop and some later one at
 *     most plateauDrop × height. (Every smooth curve is flat in ln t as t → 0, and a final
 *     floor is flat too; neither is a plateau.)
 *     Among plateaus the one spanning the most e-folds of time, ln(t_end/t_start), is reported:
 *     start t_start, length t_end − t_start, height exp(mean of ln ε_g over its samples).</li>
 * <li><b>alignmentFinal</b>: cos(v, feedback) at the last sample (simulation: mean over seeds).</li>
 * </ul>
 */
public final class SummaryMetrics implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double threshold;
    private final double plateauSlope;
    private final double plateauDrop;

    /**
     * @param threshold    ε_g level for tThreshold
     * @param plateauSlope largest |d ln ε_g / d ln t| that counts as flat
     * @param plateauDrop  fraction of the plateau height that ε_g must later fall below
     */
    public SummaryMetrics(double threshold, double plateauSlope, double plateauDrop) {
        this.threshold = threshold;
        this.plateauSlope = plateauSlope;
        this.plateauDrop = plateauDrop;
    }

    /** The metrics a scan spec asks for. */
    public static SummaryMetrics of(org.forwardonly.scan.spec.ScanSpec spec) {
        return new SummaryMetrics(spec.threshold(), spec.plateauSlope(), spec.plateauDrop());
    }

    /** The summary of one run. */
    public PointSummary summarize(String engine, EpsGCurve c) {
        double[] t = c.t(), e = c.epsG();
        int n = t.length;
        double tEnd = n > 0 ? t[n - 1] : 0.0;
        Double epsGFinal = !c.diverged() && n > 0 && Double.isFinite(e[n - 1]) ? e[n - 1] : null;
        double[] plateau = plateau(t, e);
        Double se = epsGFinal != null && Double.isFinite(c.epsGFinalSe()) ? c.epsGFinalSe() : null;
        return new PointSummary(engine, epsGFinal, se, thresholdTime(t, e),
                plateau == null ? null : plateau[0],
                plateau == null ? null : plateau[1] - plateau[0],
                plateau == null ? null : plateau[2],
                c.diverged() || !Double.isFinite(c.alignment()) ? null : c.alignment(),
                c.diverged(), tEnd);
    }

    /** First crossing of the threshold, or null. */
    Double thresholdTime(double[] t, double[] e) {
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(e[i])) return null;
            if (e[i] <= threshold) {
                if (i == 0) return t[0];
                double f = (e[i - 1] - threshold) / (e[i - 1] - e[i]);
                return t[i - 1] + f * (t[i] - t[i - 1]);
            }
        }
        return null;
    }

    /** {start, end, height} of the longest plateau, or null. */
    double[] plateau(double[] t, double[] e) {
        int n = t.length;
        // the usable prefix: t > 0 and finite positive ε_g
        int first = 0;
        while (first < n && !(t[first] > 0)) first++;
        int last = first;
        while (last < n && Double.isFinite(e[last]) && e[last] > 0) last++;   // exclusive
        double[] best = null;
        double bestSpan = 0;
        int a = -1;   // first sample of the current flat stretch
        for (int i = first; i < last; i++) {
            boolean flat = i + 1 < last && Math.abs(slope(t, e, i)) <= plateauSlope;
            if (flat && a < 0) a = i;
            if (!flat && a >= 0) {   // stretch covers samples a..i
                double span = Math.log(t[i] / t[a]);
                if (span > bestSpan) {
                    double height = geometricMean(e, a, i);
                    if (maxBefore(e, first, a) >= height / plateauDrop && minAfter(e, i, last) <= plateauDrop * height) {
                        best = new double[] {t[a], t[i], height};
                        bestSpan = span;
                    }
                }
                a = -1;
            }
        }
        return best;
    }

    private static double slope(double[] t, double[] e, int i) {
        return Math.log(e[i + 1] / e[i]) / Math.log(t[i + 1] / t[i]);
    }

    private static double geometricMean(double[] e, int from, int toInclusive) {
        double s = 0;
        for (int i = from; i <= toInclusive; i++) s += Math.log(e[i]);
        return Math.exp(s / (toInclusive - from + 1));
    }

    private static double maxBefore(double[] e, int from, int a) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = from; j < a; j++) m = Math.max(m, e[j]);
        return m;
    }

    private static double minAfter(double[] e, int i, int end) {
        double m = Double.POSITIVE_INFINITY;
        for (int j = i + 1; j < end; j++) m = Math.min(m, e[j]);
        return m;
    }
}
