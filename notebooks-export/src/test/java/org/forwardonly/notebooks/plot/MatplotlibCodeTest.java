package org.forwardonly.notebooks.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The notebooks draw a figure as the PNG does: one legend, dashed lines on top, shared y when asked. */
class MatplotlibCodeTest {

    private static PlotPanel panel(String title) {
        return new PlotPanel(title, "t", "ε_g", true, true, List.of(
                new PlotSeries("data/a.csv", "t", "eps_g", null, "AFA (ODE)", "#0072b2", PlotSeries.Style.LINE, true),
                new PlotSeries("data/a.csv", "t", "eps_g_sim", "eps_g_sim_se", "PEPITA (simulation)", "#d55e00",
                        PlotSeries.Style.MARKERS, false)));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void oneLegendUnderAFullGrid() {
        String code = MatplotlibCode.draw(new PlotFigure("f", 2, List.of(panel("(a)"), panel("(b)"))));
        assertEquals(1, count(code, "legend("), "one legend for the figure, not one per panel:\n" + code);
        assertTrue(code.contains("fig.legend(legend.values(), legend.keys(), loc=\"upper center\""), code);
        assertTrue(code.contains("sharey=False"));
        // entries are collected once per label, whichever panel shows them first
        assertTrue(code.contains("legend.setdefault(\"AFA (ODE)\", h)"));
    }

    @Test
    void theLegendTakesTheEmptyCell() {
        String code = MatplotlibCode.draw(new PlotFigure("f", 2, List.of(panel("(a)"), panel("(b)"), panel("(c)")), true));
        assertTrue(code.contains("axes[1][1].axis(\"off\")"), code);
        assertTrue(code.contains("axes[1][1].legend(legend.values(), legend.keys(), loc=\"center\""), code);
        assertTrue(code.contains("sharey=True"));
    }

    @Test
    void dashedLinesAreDrawnOverSolidOnes() {
        String code = MatplotlibCode.draw(new PlotFigure("f", 1, List.of(panel("(a)"))));
        assertTrue(code.contains("linestyle=(0, (4, 2.5)), linewidth=1.6, zorder=2.5"), code);
        // markers above both
        assertTrue(code.contains("zorder=3"));
    }
}
