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
 * 2.3e-15 for degree 16 on pieces of width ½), at half the cost: the Clenshaw recurrence is a
 * chain of dependent multiply-adds, so its length sets the time (measured 2026-11-29). Beyond X_MAX, 1 − erf(x) &lt; 1e-17 and ±1
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
        double[] f = new double[n];
        for (int p = 0; p < PIECES; p++) {
            double mid = (p + 0.5) * WIDTH;
            for (int j = 0; j < n; j++) {
                double node = Math.cos(Math.PI * (j + 0.5) / n);
                f[j] = Erf.erf(mid + 0.5 * WIDTH * node);
            }
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) sum += f[j] * Math.cos(Math.PI * i * (j + 0.5) / n);
                COEFFS[p * n + i] = 2.0 * sum / n;
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
        double t = 2.0 * (ax - (p + 0.5) * WIDTH) / WIDTH;
        // Clenshaw recurrence for a_0/2 + Σ_{i≥1} a_i T_i(t)
        int base = p * (DEGREE + 1);
        double b1 = 0, b2 = 0;
        double t2 = 2.0 * t;
        for (int i = DEGREE; i >= 1; i--) {
            double b0 = t2 * b1 - b2 + COEFFS[base + i];
            b2 = b1;
            b1 = b0;
        }
        double value = t * b1 - b2 + 0.5 * COEFFS[base];
        return x < 0 ? -value : value;
    }
}
