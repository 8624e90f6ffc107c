package org.forwardonly.plots.chart;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.FigureStyle;
import org.forwardonly.plots.style.LabelMarkup;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.awt.font.TextLayout;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A whole figure: its title over a grid of panels, each a {@link PanelChart}, drawn on any
 * {@link Graphics2D} (a PNG image, an SVG or a PDF page).
 */
public final class FigureCanvas {
    private final PlotFigure figure;
    private final List<JFreeChart> charts = new ArrayList<>();

    /**
     * Builds the charts of every panel.
     *
     * @param figure the figure spec
     * @param data   the table behind each CSV path the spec names
     */
    public FigureCanvas(PlotFigure figure, Function<String, DataTable> data) {
        this.figure = figure;
        for (PlotPanel p : figure.panels()) charts.add(PanelChart.build(p, data));
    }

    /** Width in points. */
    public int width() {
        return FigureStyle.PANEL_WIDTH * Math.min(figure.columns(), Math.max(1, charts.size()));
    }

    /** Height in points. */
    public int height() {
        return FigureStyle.TITLE_HEIGHT + FigureStyle.PANEL_HEIGHT * figure.rows();
    }

    /** The charts, one per panel (for tests and tweaks). */
    public List<JFreeChart> charts() {
        return List.copyOf(charts);
    }

    /** Draws the figure into the rectangle (0, 0, width, height) of {@code g}. */
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setPaint(Color.BLACK);
        centred(g, figure.title(), FigureStyle.titleFont(), width() / 2.0, FigureStyle.TITLE_HEIGHT - 10);
        int cols = Math.min(figure.columns(), Math.max(1, charts.size()));
        for (int i = 0; i < charts.size(); i++) {
            double x = (i % cols) * FigureStyle.PANEL_WIDTH;
            double y = FigureStyle.TITLE_HEIGHT + (double) (i / cols) * FigureStyle.PANEL_HEIGHT;
            String title = figure.panels().get(i).title();
            double band = title == null || title.isEmpty() ? 0 : FigureStyle.PANEL_TITLE_HEIGHT;
            if (band > 0) {
                g.setPaint(Color.BLACK);
                centred(g, title, FigureStyle.panelTitleFont(), x + FigureStyle.PANEL_WIDTH / 2.0, y + band - 6);
            }
            charts.get(i).draw(g, new Rectangle2D.Double(x, y + band, FigureStyle.PANEL_WIDTH, FigureStyle.PANEL_HEIGHT - band));
        }
    }

    /** Draws a label (with subscripts) centred on x, baseline at y. */
    private static void centred(Graphics2D g, String label, java.awt.Font font, double x, double y) {
        if (label == null || label.isEmpty()) return;
        AttributedString text = LabelMarkup.attributed(label, font);
        TextLayout layout = new TextLayout(text.getIterator(), g.getFontRenderContext());
        layout.draw(g, (float) (x - layout.getAdvance() / 2), (float) y);
    }
}
