package org.forwardonly.theory.integrals;

/**
 * asin for the hot loops, in plain Java so that the JIT inlines it. On Java 17
 * {@code Math.asin} is a native fdlibm call (a JNI transition per call, many times slower than
 * the arithmetic). This is fdlibm's own algorithm (e_asin.c: the rational minimax
 * approximation of (asin x − x)/x³ on |x| ≤ ½ and asin x = π/2 − 2 asin √((1−x)/2) above, with
 * the same constants and operation order), so it returns bitwise what {@code StrictMath.asin}
 * returns (checked on 5·10⁶ random points; ArcSineTest checks the same bits) on [−1, 1], and NaN for NaN.
 *
 * <p>Unlike fdlibm it saturates outside [−1, 1] (±π/2 instead of NaN). The argument is a
 * correlation coefficient; it leaves [−1, 1] only when a trial stage of an adaptive step visits a
 * covariance that is slightly non-positive-definite. A NaN there makes Hipparchus abort the whole
 * integration ("NaN appears during integration"; seen once on K = M = 10, dp853 rtol 1e-6,
 * t ≈ 215, before the exact-engine merge); with a finite value the step's error estimate is
 * large and the controller retries a smaller step. Accepted states are checked separately
 * (DivergenceDetector).
 */
final class ArcSine {
    private ArcSine() {}

    private static final double PIO2_HI = 1.57079632679489655800e+00;
    private static final double PIO2_LO = 6.12323399573676603587e-17;
    private static final double PIO4_HI = 7.85398163397448278999e-01;
    // (asin x − x)/x³ ≈ p(t)/q(t), t = x²
    private static final double PS0 = 1.66666666666666657415e-01, PS1 = -3.25565818622400915405e-01,
            PS2 = 2.01212532134862925881e-01, PS3 = -4.00555345006794114027e-02,
            PS4 = 7.91534994289814532176e-04, PS5 = 3.47933107596021167570e-05;
    private static final double QS1 = -2.40339491173441421878e+00, QS2 = 2.02094576023350569471e+00,
            QS3 = -6.88283971605453293030e-01, QS4 = 7.70381505559019352791e-02;

    /**
     * {@code out[i] = asin(x[i])} for from ≤ i < to, bitwise {@link #asin(double)}, in two passes that
     * the JIT compiles better than len scalar calls (docs/performance.md, "The right-hand side"):
     * first |x| < ½'s formula for every element, a loop of multiplications, additions and one
     * division with no branch, which C2 turns into vector instructions; then the other branch
     * for the elements it does not cover (|x| ≥ ½, NaN: 4-12% of the arcsines of an ODE).
     * The first pass's formula also gives fdlibm's value for |x| < 2^-27, where fdlibm returns x:
     * x·(p/q) ≈ x³/6 is then below half an ulp of x (and 0 when x² underflows), so x + x·(p/q)
     * rounds to x; ArcSineTest checks every case bit for bit.
     */
    static void asin(double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double xi = x[i];
            double t = xi * xi;
            double p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
            double q = 1.0 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
            out[i] = xi + xi * (p / q);
        }
        for (int i = from; i < to; i++) {
            double xi = x[i];
            if (!(Math.abs(xi) < 0.5)) out[i] = asin(xi);
        }
    }

    static double asin(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        int ix = hx & 0x7fffffff;
        if (ix >= 0x3ff00000) { // |x| >= 1 or NaN
            if (x != x) return x; // NaN
            return x > 0 ? PIO2_HI + PIO2_LO : -(PIO2_HI + PIO2_LO); // ±1 exactly as fdlibm, saturated beyond
        }
        if (ix < 0x3fe00000) { // |x| < 1/2
            if (ix < 0x3e400000) return x; // |x| < 2^-27
            double t = x * x;
            double p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
            double q = 1.0 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
            return x + x * (p / q);
        }
        // 1/2 <= |x| < 1: asin |x| = π/2 − 2 asin √t, t = (1 − |x|)/2
        double t = (1.0 - Math.abs(x)) * 0.5;
        double p = t * (PS0 + t * (PS1 + t * (PS2 + t * (PS3 + t * (PS4 + t * PS5)))));
        double q = 1.0 + t * (QS1 + t * (QS2 + t * (QS3 + t * QS4)));
        double s = Math.sqrt(t);
        double r;
        if (ix >= 0x3fef3333) { // |x| > 0.975
            r = PIO2_HI - (2.0 * (s + s * (p / q)) - PIO2_LO);
        } else {
            // s split as w (high 32 bits) + c for extra precision
            double w = Double.longBitsToDouble(Double.doubleToRawLongBits(s) & 0xffffffff00000000L);
            double c = (t - w * w) / (s + w);
            double pp = 2.0 * s * (p / q) - (PIO2_LO - 2.0 * c);
            double qq = PIO4_HI - 2.0 * w;
            r = PIO4_HI - (pp - qq);
        }
        return hx > 0 ? r : -r;
    }
}
