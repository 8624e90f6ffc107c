package org.forwardonly.theory.ode;

import org.forwardonly.theory.config.ExperimentConfig;

import java.util.Arrays;

/**
 * The output times of a run (config keys {@code times}, {@code timeSpacing}, {@code nTimes},
 * {@code tMax}, {@code dt}). Always starts at t = 0.
 * <ul>
 *   <li>{@code times} given: those times, with 0 prepended when absent;</li>
 *   <li>{@code timeSpacing = log} (default): 0, then nTimes−1 times geometrically spaced from
 *       min(dt, tMax) to tMax;</li>
 *   <li>{@code timeSpacing = linear}: nTimes times evenly spaced from 0 to tMax.</li>
 * </ul>
 * For the fixed-step integrators (euler, rk4) generated times are rounded to the step grid
 * k·dt (tMax excepted) and duplicates dropped, so that outputs fall on steps, as in the
 * literature; explicit {@code times} are kept as given (the integrator's dense output
 * interpolates between steps).
 */
public final class SampleTimes {
    private SampleTimes() {}

    /** The output times of {@code config}: strictly increasing, first 0. */
    public static double[] of(ExperimentConfig config) {
        if (config.times() != null) {
            double[] t = config.times().stream().mapToDouble(Double::doubleValue).toArray();
            if (t[0] == 0.0) return t;
            double[] out = new double[t.length + 1];
            System.arraycopy(t, 0, out, 1, t.length);
            return out;
        }
        double tMax = config.tMax();
        int n = config.nTimes();
        double[] t = new double[n];
        if ("linear".equals(config.timeSpacing())) {
            for (int i = 0; i < n; i++) t[i] = tMax * i / (n - 1);
        } else {
            double t1 = Math.min(config.dt(), tMax);
            double ratio = Math.log(tMax / t1);
            for (int i = 1; i < n; i++) t[i] = n == 2 ? tMax : t1 * Math.exp(ratio * (i - 1) / (n - 2));
        }
        t[n - 1] = tMax;
        if (Integrators.isFixedStep(config)) snapToGrid(t, config.dt());
        return strictlyIncreasing(t);
    }

    /** Rounds every time but the last to a multiple of dt, written as k/(1/dt) when 1/dt is an integer. */
    private static void snapToGrid(double[] t, double dt) {
        double inv = 1.0 / dt;
        boolean integerInverse = Math.abs(inv - Math.rint(inv)) <= 1e-9 * inv;
        for (int i = 0; i < t.length - 1; i++) {
            double k = Math.rint(t[i] / dt);
            t[i] = integerInverse ? k / Math.rint(inv) : k * dt;
        }
    }

    private static double[] strictlyIncreasing(double[] t) {
        double[] out = new double[t.length];
        int n = 0;
        for (double x : t) {
            if (n == 0 || x > out[n - 1]) out[n++] = x;
        }
        return Arrays.copyOf(out, n);
    }
}
