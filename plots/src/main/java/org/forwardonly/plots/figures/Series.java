package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.style.Palette;

/** Shorthands for the figures' series: theory as lines, simulations as markers with error bars. */
final class Series {
    private Series() {}

    /** A theory line from {@code data/<table>.csv}. */
    static PlotSeries line(String table, String x, String y, String label, Palette color, boolean dashed) {
        return new PlotSeries(FigureData.csv(table), x, y, null, label, color.hex(), PlotSeries.Style.LINE, dashed);
    }

    /** Diamonds (with standard-error bars, if any): a difference beside simulation markers of the same colour. */
    static PlotSeries diamonds(String table, String x, String y, String err, String label, Palette color) {
        return new PlotSeries(FigureData.csv(table), x, y, err, label, color.hex(), PlotSeries.Style.DIAMONDS, false);
    }

    /** Simulation markers with standard-error bars from {@code data/<table>.csv}. */
    static PlotSeries markers(String table, String x, String y, String err, String label, Palette color) {
        return new PlotSeries(FigureData.csv(table), x, y, err, label, color.hex(), PlotSeries.Style.MARKERS, false);
    }
}
