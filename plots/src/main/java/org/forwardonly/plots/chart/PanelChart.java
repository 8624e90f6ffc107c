package org.forwardonly.plots.chart;

import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.FigureStyle;
import org.forwardonly.plots.style.LabelMarkup;
import org.forwardonly.plots.style.Palette;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.function.Function;

/**
 * Builds the JFreeChart of one {@link PlotPanel}: theory series as lines (dataset 0; dashed lines
 * after solid ones, so that an approximation drawn dashed stays visible where it lies on the exact
 * curve), simulation series as markers with standard-error bars (dataset 1, drawn after the lines
 * so markers sit on top), log or linear axes from {@link DecadeAxes}. The chart has no legend of
 * its own: {@link FigureCanvas} draws one for the whole figure.
 */
public final class PanelChart {
    private PanelChart() {}

    /**
     * The chart of {@code panel}.
     *
     * @param panel the panel spec
     * @param data  the table behind each CSV path named by the panel's series
     */
    public static JFreeChart build(PlotPanel panel, Function<String, DataTable> data) {
        return build(panel, data, null);
    }

    /**
     * The chart of {@code panel} with a given vertical range (for figures whose panels share one).
     *
     * @param yRange {smallest, largest} value the vertical axis must show, or null for the panel's own
     */
    public static JFreeChart build(PlotPanel panel, Function<String, DataTable> data, double[] yRange) {
        XYSeriesCollection lines = new XYSeriesCollection();
        YIntervalSeriesCollection markers = new YIntervalSeriesCollection();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        XYErrorRenderer markerRenderer = new XYErrorRenderer();
        Range xr = new Range(), yr = new Range();
        int key = 0;
        int markerIndex = 0, markerCount = (int) panel.series().stream().filter(PanelChart::isDot).count();
        java.util.List<PlotSeries> ordered = new java.util.ArrayList<>();
        for (PlotSeries s : panel.series()) if (!(s.style() == PlotSeries.Style.LINE && s.dashed())) ordered.add(s);
        for (PlotSeries s : panel.series()) if (s.style() == PlotSeries.Style.LINE && s.dashed()) ordered.add(s);
        for (PlotSeries s : ordered) {
            DataTable t = data.apply(s.csv());
            double[] x = t.column(s.x()), y = t.column(s.y());
            double[] err = s.err() == null ? null : t.column(s.err());
            Color color = s.color() == null ? Color.DARK_GRAY : Palette.parse(s.color());
            SeriesKey name = new SeriesKey(key++, LabelMarkup.plain(s.label()));
            if (s.style() == PlotSeries.Style.LINE) {
                XYSeries series = new XYSeries(name, false, true);
                for (int i = 0; i < x.length; i++) {
                    if (visible(x[i], panel.xLog()) && visible(y[i], panel.yLog())) {
                        series.add(x[i], y[i]);
                        xr.add(x[i]);
                        yr.add(y[i]);
                    }
                }
                int k = lines.getSeriesCount();
                lines.addSeries(series);
                lineRenderer.setSeriesPaint(k, color);
                lineRenderer.setSeriesStroke(k, s.dashed()
                        ? new BasicStroke(FigureStyle.DASHED_LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                                new float[] {6f, 4f}, 0f)
                        : new BasicStroke(FigureStyle.LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            } else {
                YIntervalSeries series = new YIntervalSeries(name, false, true);
                for (int i = 0; i < x.length; i++) {
                    if (!visible(x[i], panel.xLog()) || !visible(y[i], panel.yLog())) continue;
                    double e = err == null || !Double.isFinite(err[i]) || s.style() == PlotSeries.Style.CROSSES ? 0 : Math.abs(err[i]);
                    double lo = y[i] - e, hi = y[i] + e;
                    // a lower bar through zero cannot be drawn on a log axis: draw the upper half only
                    if (panel.yLog() && lo <= 0) lo = y[i];
                    series.add(x[i], y[i], lo, hi);
                    xr.add(x[i]);
                    yr.add(lo);
                    yr.add(hi);
                }
                int k = markers.getSeriesCount();
                markers.addSeries(series);
                markerRenderer.setSeriesPaint(k, color);
                if (s.style() == PlotSeries.Style.CROSSES) {
                    markerRenderer.setSeriesShape(k, ShapeUtils.createDiagonalCross((float) FigureStyle.MARKER_SIZE * 0.7f, 1.1f));
                } else if (s.style() == PlotSeries.Style.DIAMONDS) {
                    // a diamond of the same area as the dot it stands beside
                    double d = FigureStyle.MARKER_SIZE * markerScale(markerIndex, markerCount);
                    markerRenderer.setSeriesShape(k, ShapeUtils.createDiamond((float) (d * 0.62)));
                } else {
                    double d = FigureStyle.MARKER_SIZE * markerScale(markerIndex, markerCount);
                    markerRenderer.setSeriesShape(k, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
                }
                markerIndex++;
                // a simulated quantity against a swept parameter: markers joined by a thin line
                markerRenderer.setSeriesLinesVisible(k, s.style() == PlotSeries.Style.LINE_MARKERS);
                markerRenderer.setSeriesStroke(k, new BasicStroke(1.2f));
            }
        }
        markerRenderer.setDefaultLinesVisible(false);
        lineRenderer.setLegendLine(new java.awt.geom.Line2D.Double(-14, 0, 14, 0));
        markerRenderer.setLegendLine(new java.awt.geom.Line2D.Double(-10, 0, 10, 0));
        markerRenderer.setDefaultShapesVisible(true);
        markerRenderer.setDrawXError(false);
        markerRenderer.setDrawYError(true);
        markerRenderer.setCapLength(5);
        markerRenderer.setErrorStroke(new BasicStroke(1.2f));
        markerRenderer.setUseOutlinePaint(true);
        markerRenderer.setDrawOutlines(true);
        markerRenderer.setDefaultOutlinePaint(Color.WHITE);
        markerRenderer.setDefaultOutlineStroke(new BasicStroke(0.8f));

        XYPlot plot = new XYPlot();
        plot.setDomainAxis(DecadeAxes.axis(panel.xLabel(), panel.xLog(), xr.min(panel.xLog()), xr.max()));
        plot.setRangeAxis(yRange != null ? DecadeAxes.axis(panel.yLabel(), panel.yLog(), yRange[0], yRange[1])
                : DecadeAxes.axis(panel.yLabel(), panel.yLog(), yr.min(panel.yLog()), yr.max()));
        plot.setDataset(0, lines);
        plot.setRenderer(0, lineRenderer);
        plot.setDataset(1, markers);
        plot.setRenderer(1, markerRenderer);
        // lines first, then markers; within each, later series on top of earlier ones
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        // the panel title is drawn by FigureCanvas, which can draw subscripts (σ_F)
        JFreeChart chart = new JFreeChart(null, FigureStyle.panelTitleFont(), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        return chart;
    }

    /**
     * The vertical range {smallest, largest} of the values the panel shows (error bars included; on a
     * log axis the smallest positive one), as {@link #build} computes it.
     */
    public static double[] yRange(PlotPanel panel, Function<String, DataTable> data) {
        Range yr = new Range();
        for (PlotSeries s : panel.series()) {
            DataTable t = data.apply(s.csv());
            double[] x = t.column(s.x()), y = t.column(s.y());
            double[] err = s.err() == null || s.style() == PlotSeries.Style.CROSSES ? null : t.column(s.err());
            for (int i = 0; i < x.length; i++) {
                if (!visible(x[i], panel.xLog()) || !visible(y[i], panel.yLog())) continue;
                double e = err == null || !Double.isFinite(err[i]) ? 0 : Math.abs(err[i]);
                yr.add(y[i]);
                if (e > 0) {
                    if (!panel.yLog() || y[i] - e > 0) yr.add(y[i] - e);
                    yr.add(y[i] + e);
                }
            }
        }
        return new double[] {yr.min(panel.yLog()), yr.max()};
    }

    /**
     * The size of the k-th of n series of dots, relative to {@link FigureStyle#MARKER_SIZE}: the first
     * largest, down to 1 for the last, so that simulations that coincide (PEPITA on AFA) stay visible as
     * rings around the later ones drawn on top.
     */
    public static double markerScale(int k, int n) {
        return n < 2 ? 1 : 1 + 0.4 * (n - 1 - k) / (n - 1);
    }

    private static boolean isDot(PlotSeries s) {
        return s.style() == PlotSeries.Style.MARKERS || s.style() == PlotSeries.Style.LINE_MARKERS
                || s.style() == PlotSeries.Style.DIAMONDS;
    }

    /** A series key that keeps two series with one label apart; the legend shows the label. */
    private record SeriesKey(int index, String label) implements Comparable<SeriesKey> {
        @Override
        public int compareTo(SeriesKey o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static boolean visible(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Range of the values shown on an axis. */
    private static final class Range {
        double min = Double.POSITIVE_INFINITY, minPositive = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;

        void add(double v) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v > 0) minPositive = Math.min(minPositive, v);
        }

        double min(boolean log) {
            double m = log ? minPositive : min;
            return Double.isFinite(m) ? m : (log ? 0.1 : 0);
        }

        double max() {
            return Double.isFinite(max) ? max : 1;
        }
    }
}
