package org.forwardonly.plots.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Axes end near the data, and a log axis always has labelled ticks. */
class DecadeAxesTest {

    @Test
    void logAxisEndsNearTheDataNotOnWholeDecades() {
        ValueAxis a = DecadeAxes.axis("ε_g", true, 0.0032, 0.71);
        assertInstanceOf(LogAxis.class, a);
        // 4 % of the 2.35 decades either side: a factor 10^0.094 = 1.24, not out to 10^-3 and 10^0
        double pad = Math.pow(10, 0.04 * Math.log10(0.71 / 0.0032));
        assertEquals(0.0032 / pad, a.getLowerBound(), 1e-12);
        assertEquals(0.71 * pad, a.getUpperBound(), 1e-9);
    }

    @Test
    void aNearlyFlatCurveGetsHalfADecade() {
        ValueAxis a = DecadeAxes.axis("ε_g", true, 0.34, 0.36);
        assertEquals(0.5, Math.log10(a.getUpperBound() / a.getLowerBound()), 1e-12);
        assertTrue(a.getLowerBound() < 0.34 && a.getUpperBound() > 0.36);
    }

    @Test
    void wideLogAxesLabelDecadesOnly() {
        List<LogTicks.Tick> t = LogTicks.of(0.0032, 7.1);
        assertEquals(List.of("10⁻²", "10⁻¹", "10⁰"), t.stream().filter(LogTicks.Tick::labelled).map(LogTicks.Tick::label).toList());
        assertTrue(t.stream().anyMatch(x -> !x.labelled() && Math.abs(x.value() - 0.02) < 1e-15), "unlabelled minor ticks");
    }

    @Test
    void twoDecadesAreNotEnoughLabels() {
        // the gap panel of afa-accuracy: 0.0013 … 0.096 holds only 10⁻² and 10⁻¹
        List<String> labels = LogTicks.of(0.0012, 0.11).stream().filter(LogTicks.Tick::labelled).map(LogTicks.Tick::label).toList();
        assertEquals(List.of("0.002", "0.005", "0.01", "0.02", "0.05", "0.1"), labels);
    }

    @Test
    void narrowLogAxesLabelOneTwoFive() {
        // the σ_F axis of afa-accuracy: data 0.1 … 0.6 (before: labelled only at 10⁻¹ and 10⁰)
        List<String> labels = LogTicks.of(0.09, 0.65).stream().filter(LogTicks.Tick::labelled).map(LogTicks.Tick::label).toList();
        assertEquals(List.of("0.1", "0.2", "0.5"), labels);
        // too narrow for 1-2-5 to give three labels: every mantissa
        labels = LogTicks.of(0.25, 0.8).stream().filter(LogTicks.Tick::labelled).map(LogTicks.Tick::label).toList();
        assertEquals(List.of("0.3", "0.4", "0.5", "0.6", "0.7", "0.8"), labels);
    }

    @Test
    void linearAxisPadsTheDataRange() {
        ValueAxis a = DecadeAxes.axis("t", false, 0, 10);
        assertTrue(a.getLowerBound() < 0 && a.getUpperBound() > 10);
    }
}
