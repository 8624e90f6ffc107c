package org.forwardonly.theory.integrals;

/**
 * asin for the hot loops: asin x = atan(x / √((1−x)(1+x))). On Java 17 {@code Math.asin} is a
 * native fdlibm call several times slower than {@code Math.atan}; this form is within 2 ulp of
 * {@code StrictMath.asin} on [−1, 1] (checked in ArcSineTest), gives ±π/2 at ±1 and NaN outside.
 */
final class ArcSine {
    private ArcSine() {}

    static double asin(double x) {
        return Math.atan(x / Math.sqrt((1 - x) * (1 + x)));
    }
}
