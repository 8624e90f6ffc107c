package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleTimesTest {
    static double[] times(String extra) {
        return SampleTimes.of(ConfigParser.parse("{\"rule\":\"bp\",\"K\":1,\"M\":1" + extra + "}"));
    }

    @Test
    void logSpacedFromDtToTMaxWithZero() {
        double[] t = times(",\"tMax\":1000,\"nTimes\":6,\"dt\":0.1");
        assertEquals(6, t.length);
        assertEquals(0.0, t[0]);
        assertEquals(0.1, t[1], 1e-15);
        assertEquals(1.0, t[2], 1e-12);
        assertEquals(1000.0, t[5]);
        for (int i = 1; i < 5; i++) assertEquals(10.0, t[i + 1] / t[i], 1e-9);
    }

    @Test
    void fixedStepIntegratorsSampleOnTheStepGrid() {
        double[] t = times(",\"integrator\":\"euler\",\"dt\":0.01,\"tMax\":100,\"nTimes\":300");
        assertEquals(0.0, t[0]);
        assertEquals(100.0, t[t.length - 1]);
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i] > t[i - 1]);
            double k = Math.rint(t[i] * 100);
            assertEquals(k / 100, t[i], 0.0, "t=" + t[i] + " is a multiple of dt written as k/100");
        }
    }

    @Test
    void linearAndExplicit() {
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10}, times(",\"tMax\":10,\"nTimes\":5,\"timeSpacing\":\"linear\""), 0.0);
        assertArrayEquals(new double[] {0, 0.5, 3}, times(",\"tMax\":10,\"times\":[0.5,3]"), 0.0);
        assertArrayEquals(new double[] {0, 3}, times(",\"tMax\":10,\"times\":[0,3]"), 0.0);
    }
}
