package org.forwardonly.plots.chart;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.FigureStyle;
import org.forwardonly.plots.style.LabelMarkup;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.ColumnArrangement;
import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A whole figure: its title over a grid of panels, each a {@link PanelChart}, and one legend for
 * the figure (every entry once, in the grid's empty cell when there is one, else under the
 * panels), drawn on any {@link Graphics2D} (a PNG image, an SVG or a PDF page).
 */
public final class FigureCanvas {
    private final PlotFigure figure;
    private final List<JFreeChart> charts = new ArrayList<>();
    private final LegendTitle legend;
    private final double legendHeight;

    /**
     * Builds the charts of every panel and the figure's legend.
     *
     * @param figure the figure spec
     * @param data   the table behind each CSV path the spec names
     */
    public FigureCanvas(PlotFigure figure, Function<String, DataTable> data) {
        this.figure = figure;
        double[] shared = figure.sharedY() ? sharedRange(figure, data) : null;
        for (PlotPanel p : figure.panels()) charts.add(PanelChart.build(p, data, shared));
        legend = legend(charts, figure.legendInGrid());
        legendHeight = figure.legendInGrid() || legend.getSources()[0].getLegendItems().getItemCount() == 0 ? 0
                : measure(legend, width()) + FigureStyle.LEGEND_GAP;
    }

    /** Width in points. */
    public int width() {
        return FigureStyle.PANEL_WIDTH * figure.usedColumns();
    }

    /** Height in points. */
    public int height() {
        return FigureStyle.TITLE_HEIGHT + FigureStyle.PANEL_HEIGHT * figure.rows() + (int) Math.ceil(legendHeight);
    }

    /** The charts, one per panel (for tests and tweaks). */
    public List<JFreeChart> charts() {
        return List.copyOf(charts);
    }

    /** The legend entries of the figure, each label once, in the order the panels first show them. */
    public List<String> legendLabels() {
        List<String> out = new ArrayList<>();
        LegendItemCollection items = legend.getSources()[0].getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) out.add(items.get(i).getLabel());
        return out;
    }

    /** Draws the figure into the rectangle (0, 0, width, height) of {@code g}. */
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width(), height()));
        g.setPaint(Color.BLACK);
        centred(g, figure.title(), FigureStyle.titleFont(), width() / 2.0, FigureStyle.TITLE_HEIGHT - 10);
        int cols = figure.usedColumns();
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
        if (figure.legendInGrid()) {
            // the first empty cell: the legend as one column, centred in it
            int cell = charts.size();
            double x = (cell % cols) * FigureStyle.PANEL_WIDTH, y = FigureStyle.TITLE_HEIGHT
                    + (double) (cell / cols) * FigureStyle.PANEL_HEIGHT;
            Size2D size = legend.arrange(g, RectangleConstraint.NONE);
            legend.draw(g, new Rectangle2D.Double(x + (FigureStyle.PANEL_WIDTH - size.width) / 2,
                    y + (FigureStyle.PANEL_HEIGHT - size.height) / 2, size.width, size.height));
        } else if (legendHeight > 0) {
            // centred under the panels (a title draws where it is put, so centre it here)
            double y = FigureStyle.TITLE_HEIGHT + (double) figure.rows() * FigureStyle.PANEL_HEIGHT;
            Size2D size = arrangeRows(legend, g, width());
            legend.draw(g, new Rectangle2D.Double((width() - size.width) / 2, y, size.width, size.height));
        }
    }

    /** One vertical range for every panel: the union of the panels' own. */
    private static double[] sharedRange(PlotFigure figure, Function<String, DataTable> data) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (PlotPanel p : figure.panels()) {
            double[] r = PanelChart.yRange(p, data);
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        return new double[] {lo, hi};
    }

    /** The legend of the figure: the panels' items, each (label, colour, shape or line) once. */
    private static LegendTitle legend(List<JFreeChart> charts, boolean column) {
        Map<String, LegendItem> unique = new LinkedHashMap<>();
        for (JFreeChart c : charts) {
            LegendItemCollection items = c.getXYPlot().getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                LegendItem it = items.get(i);
                unique.putIfAbsent(it.getLabel() + "\u0000" + it.getLinePaint() + it.getFillPaint() + it.isLineVisible()
                        + it.isShapeVisible(), it);
            }
        }
        LegendItemCollection all = new LegendItemCollection();
        unique.values().forEach(all::add);
        LegendTitle legend = column ? new LegendTitle(() -> all, new ColumnArrangement(), new ColumnArrangement())
                : new LegendTitle(() -> all);
        legend.setItemFont(FigureStyle.legendFont());
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setHorizontalAlignment(HorizontalAlignment.CENTER);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        return legend;
    }

    /** The height the legend takes when laid out in rows across {@code width}. */
    private static double measure(LegendTitle legend, double width) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return arrangeRows(legend, g, width).height;
        } finally {
            g.dispose();
        }
    }

    /**
     * Lays the legend out in one row of its natural width when that fits the figure (less a margin),
     * else in rows of the figure's width.
     */
    private static Size2D arrangeRows(LegendTitle legend, Graphics2D g, double width) {
        Size2D natural = legend.arrange(g, RectangleConstraint.NONE);
        if (natural.width <= width - 20) return natural;
        return legend.arrange(g, new RectangleConstraint(width - 20, null, LengthConstraintType.FIXED, 0, null, LengthConstraintType.NONE));
    }

    /** Draws a label (with subscripts) centred on x, baseline at y. */
    private static void centred(Graphics2D g, String label, java.awt.Font font, double x, double y) {
        if (label == null || label.isEmpty()) return;
        AttributedString text = LabelMarkup.attributed(label, font);
        TextLayout layout = new TextLayout(text.getIterator(), g.getFontRenderContext());
        layout.draw(g, (float) (x - layout.getAdvance() / 2), (float) y);
    }
}
