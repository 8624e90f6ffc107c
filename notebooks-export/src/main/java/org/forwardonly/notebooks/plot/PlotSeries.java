package org.forwardonly.notebooks.plot;

/**
 * One curve of a notebook panel, read from a CSV next to the notebook.
 *
 * @param csv    path of the CSV relative to the notebook
 * @param x      column for the horizontal axis
 * @param y      column for the vertical axis
 * @param err    column with the standard error of y (error bars), or null
 * @param label  legend text (may contain {@code _x} / {@code _{xy}} subscripts)
 * @param color  colour as {@code #rrggbb}, or null for matplotlib's colour cycle
 * @param style  a line (theory) or markers (simulation)
 * @param dashed whether a line is dashed
 */
public record PlotSeries(String csv, String x, String y, String err, String label, String color,
                         Style style, boolean dashed) {

    /** How a series is drawn. */
    public enum Style {
        /** A line: theory (ODE) curves. */
        LINE,
        /** Markers, with error bars when {@code err} is set: simulations. */
        MARKERS,
        /** Markers with error bars joined by a thin line: a simulated quantity against a swept parameter. */
        LINE_MARKERS,
        /** Crosses, no error bars: marks points that have no value, such as runs that diverged. */
        CROSSES,
        /**
         * Diamonds, with error bars when {@code err} is set: a derived simulated quantity (a difference) that
         * shares a figure with {@link #MARKERS} of the same colour, so its legend glyph differs (issue 28).
         */
        DIAMONDS
    }
}
