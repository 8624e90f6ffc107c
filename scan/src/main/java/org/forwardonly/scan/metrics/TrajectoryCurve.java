package org.forwardonly.scan.metrics;

import org.forwardonly.simulation.measure.FeedbackCosine;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.trajectory.Trajectory;

/** Reads the summary's inputs (ε_g curve, final alignment) off an engine's {@link Trajectory}. */
public final class TrajectoryCurve {

    private TrajectoryCurve() {}

    /**
     * An ODE trajectory (columns eps_g, v_k, and c_k for rules that use F); the alignment is
     * {@link FeedbackCosine} of the last sample.
     *
     * @param b fa's fixed feedback (null for other rules)
     */
    public static EpsGCurve ode(ExperimentConfig config, Trajectory tr, boolean diverged, double[] b) {
        double alignment = Double.NaN;
        if (tr.size() > 0) {
            double[] c = tr.columns().contains("c_1") ? last(tr, "c_", config.K()) : null;
            if (!config.rule().hasB() || b != null) {
                alignment = FeedbackCosine.of(config.rule(), last(tr, "v_", config.K()), b, c, config.modulationSign());
            }
        }
        return new EpsGCurve(tr.times(), tr.column("eps_g"), diverged, alignment);
    }

    /**
     * A seed-averaged table (columns eps_g, cos_v_feedback, and eps_test if measured, each with its {@code _se}):
     * ε_g from the measured order parameters, or, where it has no closed form, eps_test − σ²/2 (docs/model.md §7);
     * the alignment is the seeds' mean cos_v_feedback at the last sample, and the standard error that of the
     * last ε_g. A simulation's, or the mean of the ODEs from each seed's start ({@code OdeRunner}).
     */
    public static EpsGCurve simulation(ExperimentConfig config, Trajectory tr) {
        double[] epsG = tr.column("eps_g");
        double[] se = tr.columns().contains("eps_g_se") ? tr.column("eps_g_se") : new double[0];
        if (tr.columns().contains("eps_test")) {  // present only when the config sets testSize > 0
            double[] test = tr.column("eps_test");
            double[] testSe = tr.columns().contains("eps_test_se") ? tr.column("eps_test_se") : new double[0];
            for (int i = 0; i < epsG.length; i++) {
                if (Double.isNaN(epsG[i])) {
                    epsG[i] = test[i] - config.sigma() * config.sigma() / 2;
                    if (se.length > 0 && testSe.length > 0) se[i] = testSe[i];
                }
            }
        }
        double[] cos = tr.column("cos_v_feedback");
        return new EpsGCurve(tr.times(), epsG, false, cos.length == 0 ? Double.NaN : cos[cos.length - 1],
                se.length == 0 ? Double.NaN : se[se.length - 1]);
    }

    private static double[] last(Trajectory tr, String prefix, int K) {
        double[] row = tr.rows()[tr.size() - 1];
        double[] out = new double[K];
        for (int k = 0; k < K; k++) out[k] = row[tr.indexOf(prefix + (k + 1))];
        return out;
    }
}
