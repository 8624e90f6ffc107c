package org.forwardonly.theory.integrals;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArcSineTest {
    @Test
    void theSameBitsAsStrictMathAndExactAtTheEnds() {
        // ArcSine.asin is fdlibm's __ieee754_asin, which StrictMath.asin is specified to be: the same bits, not only
        // close (an error in a coefficient or in the π/2 split, PIO2_LO ≈ 6e-17, is below 1 ulp and passed a
        // 2-ulp check). Samples: uniform on (-1, 1), close to ±1, tiny (the |x| < 2^-27 shortcut), and either side of
        // the branch points 1/2 and 0.975.
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 4) {
                case 0 -> 2 * r.nextDouble() - 1;
                case 1 -> 1 - Math.scalb(r.nextDouble(), -r.nextInt(1, 50));
                case 2 -> Math.scalb(r.nextDouble(), -r.nextInt(1, 60));
                default -> (i % 8 == 3 ? 0.5 : 0.975) + Math.scalb(r.nextDouble() - 0.5, -r.nextInt(10, 50));
            };
            if (i % 3 == 0) x = -x;
            assertEquals(StrictMath.asin(x), ArcSine.asin(x), 0.0, "x = " + x);
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
