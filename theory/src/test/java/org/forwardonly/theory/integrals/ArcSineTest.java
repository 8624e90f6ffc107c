package org.forwardonly.theory.integrals;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArcSineTest {
    @Test
    void withinTwoUlpOfStrictMathAndExactAtTheEnds() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? 2 * r.nextDouble() - 1 : 1 - Math.scalb(r.nextDouble(), -r.nextInt(1, 50));
            double exact = StrictMath.asin(x);
            // 2 ulp: atan and sqrt are each correctly rounded within 1 ulp, the composition adds one more
            assertTrue(Math.abs(ArcSine.asin(x) - exact) <= 2 * Math.ulp(exact), "x = " + x);
        }
        assertEquals(Math.PI / 2, ArcSine.asin(1.0), 0.0);
        assertEquals(-Math.PI / 2, ArcSine.asin(-1.0), 0.0);
        assertEquals(0.0, ArcSine.asin(0.0), 0.0);
        // saturated beyond ±1 (trial stages of adaptive steps), NaN stays NaN
        assertEquals(Math.PI / 2, ArcSine.asin(1.0000000000000002), 0.0);
        assertEquals(-Math.PI / 2, ArcSine.asin(-1.5), 0.0);
        assertTrue(Double.isNaN(ArcSine.asin(Double.NaN)));
    }
}
