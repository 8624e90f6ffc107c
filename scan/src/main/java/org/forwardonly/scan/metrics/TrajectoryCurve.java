package org.forwardonly.scan.metrics;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.trajectory.Trajectory;

/** Reads the summary's inputs (ε_g curve, final v and feedback) off an engine's {@link Trajectory}. */
public final class TrajectoryCurve {

    private TrajectoryCurve() {}

    /**
     * @param config   the run's config (rule, K, modulationSign)
     * @param tr       the trajectory (columns eps_g, v_k, and c_k for rules that use F)
     * @param diverged whether the run stopped on divergence
     * @param b        fa's fixed feedback (null for other rules)
     */
    public static EpsGCurve of(ExperimentConfig config, Trajectory tr, boolean diverged, double[] b) {
        double[] epsG = tr.column("eps_g");
        double[] v = null, feedback = null;
        int last = tr.size() - 1;
        if (last >= 0) {
            v = last(tr, "v_", config.K());
            feedback = switch (config.rule()) {
                case "bp" -> v;
                case "fa" -> b;
                default -> {   // afa, pepita, ff learn through b = −s c (THEORY.md §2)
                    double[] c = tr.columns().contains("c_1") ? last(tr, "c_", config.K()) : null;
                    if (c != null) for (int k = 0; k < c.length; k++) c[k] *= -config.modulationSign();
                    yield c;
                }
            };
        }
        return new EpsGCurve(tr.times(), epsG, diverged, v, feedback);
    }

    private static double[] last(Trajectory tr, String prefix, int K) {
        double[] row = tr.rows()[tr.size() - 1];
        double[] out = new double[K];
        for (int k = 0; k < K; k++) out[k] = row[tr.indexOf(prefix + (k + 1))];
        return out;
    }
}
