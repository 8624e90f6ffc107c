package org.forwardonly.simulation.training;

import org.forwardonly.theory.config.ExperimentConfig;

/**
 * TEMPORARY until theory's output-time grid lands: the config's recording times (explicit
 * {@code times}, or {@code nTimes} points from 0 to tMax, log- or linearly spaced).
 */
public final class RecordTimes {
    private RecordTimes() {}

    /** The recording times of {@code config}, starting at 0. */
    public static double[] of(ExperimentConfig config) {
        if (config.times() != null) {
            double[] t = new double[config.times().size()];
            for (int i = 0; i < t.length; i++) t[i] = config.times().get(i);
            return t;
        }
        int n = config.nTimes();
        double tMax = config.tMax();
        double[] t = new double[n];
        if ("linear".equals(config.timeSpacing())) {
            for (int i = 0; i < n; i++) t[i] = tMax * i / (n - 1);
        } else {
            double tMin = tMax * 1e-3;
            for (int i = 1; i < n; i++) {
                t[i] = n == 2 ? tMax : tMin * Math.pow(tMax / tMin, (i - 1) / (double) (n - 2));
            }
        }
        t[n - 1] = tMax;
        return t;
    }
}
