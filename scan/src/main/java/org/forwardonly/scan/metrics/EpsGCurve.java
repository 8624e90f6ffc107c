package org.forwardonly.scan.metrics;

/**
 * What the summary metrics need from one run (ODE or simulation): the sampled ε_g(t) curve
 * up to the end of the run (or up to divergence), and the alignment at the last sample.
 *
 * @param t        sample times, strictly increasing
 * @param epsG     ε_g at those times (noise excluded, docs/model.md §1)
 * @param diverged true when the run stopped because it diverged (ε_g over its bound or not finite)
 * @param alignment cos(v, feedback) at the last sample, the feedback being the one the first
 *                  layer learns through (bp: v; fa: b; afa, pepita, ff: −s·c, docs/model.md §2);
 *                  NaN if not available
 * @param epsGFinalSe the standard error over seeds of ε_g at the last sample, for a seed mean; NaN for one run
 */
public record EpsGCurve(double[] t, double[] epsG, boolean diverged, double alignment, double epsGFinalSe) {
    /** Checks the shapes. */
    public EpsGCurve {
        if (t.length != epsG.length) throw new IllegalArgumentException("t and epsG differ in length");
    }

    /** One run's curve (no standard error). */
    public EpsGCurve(double[] t, double[] epsG, boolean diverged, double alignment) {
        this(t, epsG, diverged, alignment, Double.NaN);
    }
}
