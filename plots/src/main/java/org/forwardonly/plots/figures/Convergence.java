package org.forwardonly.plots.figures;

/** Time to convergence: when a learning curve first reaches a target error. */
final class Convergence {
    private Convergence() {}

    /**
     * The first time ε_g(t) ≤ target, interpolated linearly in (t, log ε_g) between the two samples
     * around the crossing; NaN when the curve never reaches the target.
     */
    static double timeTo(double[] t, double[] eps, double target) {
        for (int i = 0; i < t.length; i++) {
            if (eps[i] <= target) {
                if (i == 0) return t[0];
                double a = Math.log(eps[i - 1]), b = Math.log(Math.max(eps[i], 1e-300)), x = Math.log(target);
                return t[i - 1] + (t[i] - t[i - 1]) * (a - x) / (a - b);
            }
        }
        return Double.NaN;
    }

    /** Log-spaced targets from {@code hi} down to {@code lo}. */
    static double[] targets(double hi, double lo, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = hi * Math.pow(lo / hi, (double) i / (n - 1));
        return out;
    }
}
