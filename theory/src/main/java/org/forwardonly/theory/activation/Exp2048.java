package org.forwardonly.theory.activation;

/**
 * exp(2048 s) for small s as (exp(s))^2048, in arithmetic the JIT can put in vector loops (no
 * branch, no call, no table): {@link #taylor} then {@link #toThe2048th}. The two block functions
 * ({@link GaussianBlock}, {@link ErfBlock}) share it. Each squaring doubles the relative rounding
 * error, so the result carries about 2048 × 1.1e-16 ≈ 2.3e-13 of it; the Taylor polynomial's own
 * truncation, |s|^11/11!, is 8e-13 at |s| = 0.39 (GaussianBlock's widest) and 3e-27 at |s| = 0.02
 * (ErfBlock's). The two halves are separate methods so that a caller can run them in separate
 * passes: in one loop with the rest of ErfBlock's work they were too large for the JIT to vectorise.
 */
final class Exp2048 {
    private Exp2048() {}

    /**
     * exp(s) by its Taylor polynomial to degree 10, the coefficients 1/j! as literals (constants the JIT
     * keeps in registers; an array of them stops the vector loop). Even degree: no real root, so the
     * value is positive for every s.
     */
    static double taylor(double s) {
        double p = 2.755731922398589e-07;
        p = p * s + 2.7557319223985893e-06;
        p = p * s + 2.48015873015873e-05;
        p = p * s + 0.0001984126984126984;
        p = p * s + 0.001388888888888889;
        p = p * s + 0.008333333333333333;
        p = p * s + 0.041666666666666664;
        p = p * s + 0.16666666666666666;
        p = p * s + 0.5;
        p = p * s + 1.0;
        return p * s + 1.0;
    }

    /** p^2048 by 11 squarings, written out (a loop inside the caller's loop would keep it from being vectorised). */
    static double toThe2048th(double p) {
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        p *= p;
        return p * p;
    }
}
