package org.forwardonly.theory.ode;

import org.hipparchus.util.Precision;

/**
 * The fixed-step integrators {@code euler} and {@code rk4} as a plain loop over
 * {@link OrderParameterDynamics}, without Hipparchus' per-step machinery (state objects, interpolators,
 * the event detector's bookkeeping). What that saves is measured by FixedStepBenchmark (docs/performance.md,
 * "The fixed-step loop against Hipparchus"): little, most for Euler at small K, which is what
 * {@code pepita bench} compares with the C++ reference.
 * The loop does what Hipparchus' {@code RungeKuttaIntegrator} does, in the same floating-point
 * order: the same Butcher tableau sums, times t + h accumulated step by step, the last step cut
 * to end at tEnd, the end reached when t is within one ulp of tEnd, and samples between steps
 * from the same dense-output formulas ({@code EulerStateInterpolator},
 * {@code ClassicalRungeKuttaStateInterpolator}). FixedStepLoopTest holds the two paths against
 * each other.
 *
 * <p>Divergence is left to Hipparchus: at the first step whose end is not finite, has a
 * non-finite derivative or has ε_g ≥ epsGBound, the loop stops at that step's start and
 * {@link Experiments} continues from there with the Hipparchus integrator and its
 * {@link DivergenceDetector}, which locates the event exactly as a pure Hipparchus run does.
 * Allocation-free per step (a sample allocates its row).
 */
final class FixedStepLoop {
    private final OrderParameterDynamics dynamics;
    private final boolean rk4;
    private final double step, epsGBound;
    /** Butcher tableau of Hipparchus' EulerIntegrator / ClassicalRungeKuttaIntegrator. */
    private final double[][] a;
    private final double[] b;
    private final double[][] k;
    private double[] y, yEnd, kEnd;
    private final double[] yTmp, dense;
    private double t, tPrev, h;
    private long evaluations;

    FixedStepLoop(OrderParameterDynamics dynamics, boolean rk4, double step, double epsGBound) {
        this.dynamics = dynamics;
        this.rk4 = rk4;
        this.step = Math.abs(step);
        this.epsGBound = epsGBound;
        if (rk4) {
            a = new double[][] {{1.0 / 2.0}, {0.0, 1.0 / 2.0}, {0.0, 0.0, 1.0}};
            b = new double[] {1.0 / 6.0, 1.0 / 3.0, 1.0 / 3.0, 1.0 / 6.0};
        } else {
            a = new double[0][];
            b = new double[] {1.0};
        }
        int n = dynamics.layout().dimension();
        k = new double[b.length][n];
        y = new double[n];
        yEnd = new double[n];
        kEnd = new double[n];
        yTmp = new double[n];
        dense = new double[n];
    }

    /**
     * Integrates from (0, y0) towards tEnd, handing samples to {@code sampler}. Returns true when
     * tEnd was reached; false when a step went bad, with {@link #time()} and {@link #state()} the
     * start of that step, from which the caller continues with Hipparchus.
     */
    boolean run(double[] y0, double tEnd, TrajectorySampler sampler) {
        int n = y.length;
        System.arraycopy(y0, 0, y, 0, n);
        t = 0;
        if (!derivatives(y, k[0])) return false;
        h = t + step >= tEnd ? tEnd - t : step;
        while (true) {
            // stages: y + h Σ_l a[s-1][l] k_l (Hipparchus' order)
            for (int s = 1; s < b.length; s++) {
                double[] as = a[s - 1];
                for (int j = 0; j < n; j++) {
                    double sum = as[0] * k[0][j];
                    for (int l = 1; l < s; l++) sum += as[l] * k[l][j];
                    yTmp[j] = y[j] + h * sum;
                }
                if (!derivatives(yTmp, k[s])) return false;
            }
            for (int j = 0; j < n; j++) {
                double sum = b[0] * k[0][j];
                for (int l = 1; l < b.length; l++) sum += b[l] * k[l][j];
                yEnd[j] = y[j] + h * sum;
            }
            double tEndOfStep = t + h;
            if (!DivergenceDetector.allFinite(yEnd) || !derivatives(yEnd, kEnd)) return false;
            double eps = dynamics.epsG(yEnd);
            if (!(epsGBound - eps > 0)) return false;
            tPrev = t;
            t = tEndOfStep;
            sampler.handleStep(t, yEnd, this);
            boolean last = Precision.equals(t, tEnd, 1);
            double[] swap = y;
            y = yEnd;
            yEnd = swap;
            swap = k[0];
            k[0] = kEnd;
            kEnd = swap;
            if (last) return true;
            if (t + h >= tEnd) h = tEnd - t;
        }
    }

    /** Evaluates dy/dt at u into out; false when it is not finite. */
    private boolean derivatives(double[] u, double[] out) {
        evaluations++;
        dynamics.derivatives(u, out);
        return DivergenceDetector.allFinite(out);
    }

    /**
     * The state at time {@code time} inside the step just taken (before the arrays are swapped),
     * by Hipparchus' dense output for the method. Returns a buffer that the next call overwrites.
     */
    double[] interpolate(double time) {
        double thetaH = time - tPrev;
        double oneMinusThetaH = t - time;
        double theta = thetaH / (t - tPrev);
        if (!rk4) {
            if (theta <= 0.5) combine(y, thetaH, 0, 0, 0); // previous state + θh k1
            else combine(yEnd, -oneMinusThetaH, 0, 0, 0);
            return dense;
        }
        if (theta <= 0.5) {
            double fourTheta2 = theta * theta * 4;
            double s = thetaH / 6.0;
            combine(y, s * (fourTheta2 - theta * 9 + 6), s * (theta * 6 - fourTheta2), s * (theta * 6 - fourTheta2),
                    s * (fourTheta2 - theta * 3));
        } else {
            double fourTheta = theta * 4;
            double s = oneMinusThetaH / 6.0;
            double c23 = s * (theta * (fourTheta - 2) - 2);
            combine(yEnd, s * (theta * (-fourTheta + 5) - 1), c23, c23, s * (theta * (-fourTheta - 1) - 1));
        }
        return dense;
    }

    /** dense = base + Σ_l c_l k_l, accumulated as Hipparchus' RungeKuttaStateInterpolator.combine. */
    private void combine(double[] base, double c0, double c1, double c2, double c3) {
        for (int j = 0; j < dense.length; j++) {
            double v = base[j];
            v += c0 * k[0][j];
            if (rk4) {
                v += c1 * k[1][j];
                v += c2 * k[2][j];
                v += c3 * k[3][j];
            }
            dense[j] = v;
        }
    }

    /** Time of the state where the loop stopped. */
    double time() {
        return t;
    }

    /** The state where the loop stopped (a copy). */
    double[] state() {
        return y.clone();
    }

    /** Right-hand-side evaluations so far. */
    long evaluations() {
        return evaluations;
    }
}
