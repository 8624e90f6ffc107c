package org.forwardonly.plots.chart;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.FigureStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** One legend per figure, shared vertical ranges, and approximations drawn over the exact curve. */
class FigureCanvasTest {
    private static final DataTable LOW = new DataTable(Map.of("x", new double[] {1, 2, 3}, "y", new double[] {0.1, 0.2, 0.3}));
    private static final DataTable HIGH = new DataTable(Map.of("x", new double[] {1, 2, 3}, "y", new double[] {1, 2, 3}));

    private static PlotSeries line(String csv, String label, boolean dashed) {
        return new PlotSeries(csv, "x", "y", null, label, "#000000", PlotSeries.Style.LINE, dashed);
    }

    private static FigureCanvas canvas(int panels, boolean sharedY) {
        List<PlotPanel> p = new java.util.ArrayList<>();
        for (int i = 0; i < panels; i++) {
            p.add(new PlotPanel("(" + i + ")", "x", "y", false, true, List.of(
                    line(i % 2 == 0 ? "low" : "high", "exact", false), line("low", "approximation", true))));
        }
        return new FigureCanvas(new PlotFigure("f", 2, p, sharedY), csv -> csv.equals("low") ? LOW : HIGH);
    }

    @Test
    void oneLegendForTheFigureEachEntryOnce() {
        FigureCanvas c = canvas(2, false);
        assertEquals(List.of("exact", "approximation"), c.legendLabels());
        for (JFreeChart chart : c.charts()) assertNull(chart.getLegend(), "no legend under each panel");
        // two panels fill their row: the legend takes a band under them
        assertTrue(c.height() > FigureStyle.TITLE_HEIGHT + FigureStyle.PANEL_HEIGHT);
        // three panels in two columns leave a cell empty: the legend goes there, no band
        assertEquals(FigureStyle.TITLE_HEIGHT + 2 * FigureStyle.PANEL_HEIGHT, canvas(3, false).height());
    }

    @Test
    void sharedVerticalRangeIsTheUnionOfThePanels() {
        List<JFreeChart> own = canvas(2, false).charts(), shared = canvas(2, true).charts();
        assertTrue(own.get(0).getXYPlot().getRangeAxis().getUpperBound() < 1, "panel (0) shows only 0.1 … 0.3");
        for (JFreeChart c : shared) {
            assertTrue(c.getXYPlot().getRangeAxis().getLowerBound() < 0.1 && c.getXYPlot().getRangeAxis().getUpperBound() > 3);
        }
        assertEquals(shared.get(0).getXYPlot().getRangeAxis().getRange(), shared.get(1).getXYPlot().getRangeAxis().getRange());
    }

    @Test
    void dashedLinesAreDrawnAfterSolidOnes() {
        // the panel lists the dashed approximation first; it must still be drawn last, on top
        PlotPanel p = new PlotPanel("", "x", "y", false, false, List.of(line("low", "approximation", true), line("low", "exact", false)));
        XYPlot plot = PanelChart.build(p, csv -> LOW).getXYPlot();
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(0);
        assertEquals("exact", plot.getDataset(0).getSeriesKey(0).toString());
        assertEquals("approximation", plot.getDataset(0).getSeriesKey(1).toString());
        assertNotNull(((BasicStroke) r.getSeriesStroke(1)).getDashArray());
        assertNull(((BasicStroke) r.getSeriesStroke(0)).getDashArray());
    }
}
