package org.forwardonly.theory.activation;

import org.hipparchus.special.Erf;

/**
 * erf(x) by piecewise Chebyshev interpolation of Hipparchus' {@link Erf#erf(double)}, about 30×
 * faster than it (Hipparchus evaluates an incomplete-gamma series, ~0.5 µs a call) and as
 * accurate: |error| &lt; 5e-15 on the whole line (checked by {@code ChebyshevErfTest}).
 * The numerical ODE engine evaluates erf millions of times per right-hand side, which is why
 * this exists.
 *
 * <p>On [0, {@value #X_MAX}] split into pieces of width {@value #WIDTH}, erf is interpolated at
 * {@value #DEGREE}+1 Chebyshev points of each piece (coefficients computed once from
 * Hipparchus at class load); the truncation error of degree 8 on a piece of width ⅛ is below
 * 1e-16, so the result is as good as the reference (max error 2.4e-15 over 2·10⁶ points, against
 * 2.3e-15 for degree 16 on pieces of width ½). Each piece's interpolant is stored in powers of
 * the local variable t and evaluated by Estrin's scheme: a Clenshaw or Horner recurrence is a chain
 * of dependent multiply-adds whose length, not the number of operations, sets the time
 * (docs/performance.md, "Measurements behind the code"). Beyond X_MAX, 1 − erf(x) &lt; 1e-17 and ±1
 * is returned. Odd symmetry gives x &lt; 0.
 */
final class ChebyshevErf {
    static final double X_MAX = 6.5;
    static final double WIDTH = 0.125;
    static final int DEGREE = 8;
    private static final int PIECES = (int) Math.round(X_MAX / WIDTH);
    /** Chebyshev coefficients, piece by piece. */
    private static final double[] COEFFS = new double[PIECES * (DEGREE + 1)];

    static {
        int n = DEGREE + 1;
        double[] f = new double[n], cheb = new double[n];
        // monomial coefficients of T_0 … T_DEGREE, by T_(i+1) = 2t T_i − T_(i−1)
        double[][] T = new double[n][n];
        T[0][0] = 1;
        T[1][1] = 1;
        for (int i = 1; i < DEGREE; i++) {
            for (int j = 0; j <= i; j++) T[i + 1][j + 1] += 2 * T[i][j];
            for (int j = 0; j < i; j++) T[i + 1][j] -= T[i - 1][j];
        }
        for (int p = 0; p < PIECES; p++) {
            double mid = (p + 0.5) * WIDTH;
            for (int j = 0; j < n; j++) {
                double node = Math.cos(Math.PI * (j + 0.5) / n);
                f[j] = Erf.erf(mid + 0.5 * WIDTH * node);
            }
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) sum += f[j] * Math.cos(Math.PI * i * (j + 0.5) / n);
                cheb[i] = (i == 0 ? 1.0 : 2.0) * sum / n;
            }
            // the same interpolant in powers of t: Σ_i cheb_i T_i(t) = Σ_j a_j t^j (on |t| ≤ 1 and with
            // coefficients decaying as fast as these, the change of basis loses no digits; ChebyshevErfTest)
            for (int j = 0; j < n; j++) {
                double a = 0;
                for (int i = n - 1; i >= j; i--) a += cheb[i] * T[i][j];
                COEFFS[p * n + j] = a;
            }
        }
    }

    private ChebyshevErf() {}

    /** 2/√π. */
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    /**
     * erf on the first piece |x| &lt; ⅛ by its Maclaurin series 2/√π Σ (−1)ⁿ x^(2n+1)/(n!(2n+1)),
     * n ≤ 6 (the next term is below 1e-18): odd and exactly 0 at 0, which the Chebyshev fit of a
     * piece [0, ⅛] is only to 3e-16.
     */
    private static double maclaurin(double x) {
        double x2 = x * x;
        double series = 1.0 + x2 * (-1.0 / 3 + x2 * (1.0 / 10 + x2 * (-1.0 / 42 + x2 * (1.0 / 216
                + x2 * (-1.0 / 1320 + x2 * (1.0 / 9360))))));
        return TWO_OVER_SQRT_PI * x * series;
    }

    /** erf(x). */
    static double erf(double x) {
        double ax = Math.abs(x);
        if (!(ax < X_MAX)) return Double.isNaN(x) ? x : Math.copySign(1.0, x);
        if (ax < WIDTH) return maclaurin(x);
        int p = (int) (ax * (1.0 / WIDTH));
        double t = ax * (2.0 / WIDTH) - (2 * p + 1); // 2 (ax − mid) / WIDTH, mid = (p + ½) WIDTH; exact: WIDTH is a power of 2
        // Estrin's scheme: a tree of depth 4 instead of a chain of 8 dependent multiply-adds
        // (Clenshaw or Horner), so the independent erf calls of a sample overlap in the CPU
        int b = p * (DEGREE + 1);
        double t2 = t * t, t4 = t2 * t2;
        double p01 = COEFFS[b] + COEFFS[b + 1] * t;
        double p23 = COEFFS[b + 2] + COEFFS[b + 3] * t;
        double p45 = COEFFS[b + 4] + COEFFS[b + 5] * t;
        double p67 = COEFFS[b + 6] + COEFFS[b + 7] * t;
        double value = (p01 + p23 * t2) + t4 * ((p45 + p67 * t2) + t4 * COEFFS[b + 8]);
        return Math.copySign(value, x); // branch-free: the sign of a field is a coin flip the branch predictor loses half the time
    }
}
