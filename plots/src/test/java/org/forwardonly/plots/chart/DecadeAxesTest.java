package org.forwardonly.plots.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Log axes end on whole decades and tick every decade. */
class DecadeAxesTest {

    @Test
    void logAxisSpansTheEnclosingDecades() {
        ValueAxis a = DecadeAxes.axis("ε_g", true, 0.0032, 0.71);
        assertInstanceOf(LogAxis.class, a);
        // 10^-3 and 10^0 enclose [0.0032, 0.71]; the axis is 1e-9 (relative) wider so the end ticks survive rounding
        assertEquals(1e-3, a.getLowerBound(), 1e-11);
        assertEquals(1.0, a.getUpperBound(), 1e-8);
        assertEquals(1.0, ((LogAxis) a).getTickUnit().getSize(), 0.0, "one tick per decade");
        assertFalse(a.isAutoTickUnitSelection());
    }

    @Test
    void dataOnADecadeKeepsIt() {
        ValueAxis a = DecadeAxes.axis("t", true, 0.01, 100);
        assertEquals(0.01, a.getLowerBound(), 1e-10);
        assertEquals(100, a.getUpperBound(), 1e-6);
    }

    @Test
    void linearAxisPadsTheDataRange() {
        ValueAxis a = DecadeAxes.axis("t", false, 0, 10);
        assertTrue(a.getLowerBound() < 0 && a.getUpperBound() > 10);
    }
}
