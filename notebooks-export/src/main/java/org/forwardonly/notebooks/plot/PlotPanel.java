package org.forwardonly.notebooks.plot;

import java.util.List;

/**
 * One panel (axes) of a notebook figure.
 *
 * @param title  panel title (may be empty)
 * @param xLabel label of the horizontal axis
 * @param yLabel label of the vertical axis
 * @param xLog   logarithmic horizontal axis
 * @param yLog   logarithmic vertical axis
 * @param series the curves, drawn in order
 */
public record PlotPanel(String title, String xLabel, String yLabel, boolean xLog, boolean yLog,
                        List<PlotSeries> series) {

    /** Copies the list. */
    public PlotPanel {
        series = List.copyOf(series);
    }
}
