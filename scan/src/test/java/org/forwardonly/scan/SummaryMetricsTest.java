package org.forwardonly.scan;

import org.forwardonly.scan.metrics.EpsGCurve;
import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.metrics.SummaryMetrics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryMetricsTest {

    /** Samples t = 10^(k/10), k = -20..30 (0.01 .. 1000, 10 per decade). */
    static double[] times() {
        double[] t = new double[51];
        for (int k = -20; k <= 30; k++) t[k + 20] = Math.pow(10, k / 10.0);
        return t;
    }

    /** 0.3 t^(-1/2) before t = 1, flat 0.3 on [1, 10], 0.3 (10/t)^2 after: a plateau of height 0.3 on [1, 10]. */
    static double plateauCurve(double t) {
        if (t < 1) return 0.3 / Math.sqrt(t);
        if (t <= 10) return 0.3;
        return 0.3 * (10 / t) * (10 / t);
    }

    @Test
    void plateauThresholdAndFinalValueOfAKnownCurve() {
        double[] t = times(), e = new double[t.length];
        for (int i = 0; i < t.length; i++) e[i] = plateauCurve(t[i]);
        PointSummary s = new SummaryMetrics(0.05, 0.05, 0.5)
                .summarize("ode", new EpsGCurve(t, e, false, Math.cos(Math.PI / 4)));
        // the flat stretch is exactly [1, 10] (both are sample times): slopes there are 0, outside -0.5 and -2
        assertEquals(1.0, s.plateauStart(), 1e-12);
        assertEquals(9.0, s.plateauLength(), 1e-12);
        assertEquals(0.3, s.plateauHeight(), 1e-12);
        // ε = 0.05 at t = 10 √6 = 24.49; linear interpolation between the samples 10^1.3 and 10^1.4 around it
        double t0 = Math.pow(10, 1.3), t1 = Math.pow(10, 1.4);
        double e0 = plateauCurve(t0), e1 = plateauCurve(t1);
        assertEquals(t0 + (e0 - 0.05) / (e0 - e1) * (t1 - t0), s.tThreshold(), 1e-9);
        assertTrue(Math.abs(s.tThreshold() - 10 * Math.sqrt(6)) < t1 - t0, "within one sample spacing of the exact crossing");
        assertEquals(0.3e-4, s.epsGFinal(), 1e-15);
        assertEquals(1 / Math.sqrt(2), s.alignmentFinal(), 1e-15);   // cos 45°
        assertFalse(s.diverged());
        assertEquals(1000.0, s.tEnd(), 1e-9);
    }

    @Test
    void aFinalFloorIsNotAPlateauAndANeverReachedThresholdIsEmpty() {
        double[] t = times(), e = new double[t.length];
        for (int i = 0; i < t.length; i++) e[i] = t[i] < 1 ? 0.3 / Math.sqrt(t[i]) : 0.3;
        PointSummary s = new SummaryMetrics(0.05, 0.05, 0.5).summarize("sim", new EpsGCurve(t, e, false, Double.NaN));
        assertNull(s.plateauStart());
        assertNull(s.tThreshold());
        assertNull(s.alignmentFinal());
        assertEquals(0.3, s.epsGFinal());
    }

    @Test
    void theInitialFlatStretchOnLogTimeIsNotAPlateau() {
        double[] t = times(), e = new double[t.length];
        // flat at 0.3 from the first sample to t = 1, then a fall: nothing fell into it, so no plateau
        for (int i = 0; i < t.length; i++) e[i] = t[i] <= 1 ? 0.3 : 0.3 / (t[i] * t[i]);
        assertNull(new SummaryMetrics(0.05, 0.05, 0.8).summarize("ode", new EpsGCurve(t, e, false, Double.NaN)).plateauStart());
    }

    @Test
    void aSlowDriftSteeperThanTheSlopeBoundIsNotFlat() {
        double[] t = times(), e = new double[t.length];
        // slope -0.06 on [1, 10] is above the bound 0.05, so no plateau; with bound 0.07 the same stretch is one
        for (int i = 0; i < t.length; i++) e[i] = t[i] < 1 ? 0.3 / Math.sqrt(t[i]) : t[i] <= 10 ? 0.3 * Math.pow(t[i], -0.06)
                : 0.3 * Math.pow(10, -0.06) * Math.pow(10 / t[i], 2);
        assertNull(new SummaryMetrics(0.05, 0.05, 0.5).summarize("ode", new EpsGCurve(t, e, false, Double.NaN)).plateauStart());
        assertEquals(1.0, new SummaryMetrics(0.05, 0.07, 0.5).summarize("ode", new EpsGCurve(t, e, false, Double.NaN))
                .plateauStart(), 1e-12);
    }

    @Test
    void aDivergedRunHasNoFinalValue() {
        double[] t = {0.1, 1, 2}, e = {0.3, 5, 400};
        PointSummary s = new SummaryMetrics(0.05, 0.05, 0.5).summarize("ode",
                new EpsGCurve(t, e, true, 1.0));
        assertTrue(s.diverged());
        assertNull(s.epsGFinal());
        assertNull(s.alignmentFinal());
        assertEquals(2.0, s.tEnd());
    }
}
