package org.forwardonly.theory.averaging;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.rules.Rules;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The drift caches the teacher's outputs on its grid (T and v* are constants of a run): a drift asked again at other
 * T or v* must recompute them, i.e. equal a fresh drift's.
 */
class FieldAverageDriftCacheTest {
    private static final double[][] Q = {{1.0, 0.2}, {0.2, 0.9}}, R = {{0.5, 0.1}, {-0.2, 0.4}};
    private static final double[] V = {0.7, -0.3}, C = {0.2, -0.1}, D = {0.15, 0.05};

    private static FieldAverageDrift fresh() {
        return new FieldAverageDrift(Rules.byName("pepita", true), Activation.ERF, Activation.ERF, 2, 2, 1.0, 1.0, 0.0, -1, 1, 6);
    }

    private static double[] run(FieldAverageDrift f, double[][] T, double[] vStar) {
        Drift out = new Drift(2, 2);
        f.drift(Q, R, T, V, vStar, null, C, D, 0.25, out);
        return new double[] {out.dQ[0][0], out.dQ[0][1], out.dR[0][1], out.dR[1][0], out.dv[0], out.dv[1], out.dc[0], out.dc[1]};
    }

    @Test
    void otherTeacherConstantsAreNotServedFromTheCache() {
        double[][] T1 = {{1.0, 0.1}, {0.1, 1.0}}, T2 = {{1.2, -0.1}, {-0.1, 0.8}};
        double[] v1 = {1.0, 1.0}, v2 = {0.6, -0.9};
        FieldAverageDrift reused = fresh();
        run(reused, T1, v1);
        assertArrayEquals(run(fresh(), T1, v2), run(reused, T1, v2), "v* changed, T the same");
        assertArrayEquals(run(fresh(), T2, v2), run(reused, T2, v2), "T changed, v* the same");
        assertArrayEquals(run(fresh(), T2, v2), run(reused, T2, v2), "the same again: served from the cache");
    }

    private static void assertArrayEquals(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], 0.0, what + ", entry " + i);
    }
}
