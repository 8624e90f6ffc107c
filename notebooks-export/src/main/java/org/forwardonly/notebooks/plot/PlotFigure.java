package org.forwardonly.notebooks.plot;

import java.util.List;

/**
 * A figure of one or more panels laid out in a grid of {@code columns} columns, as the notebooks
 * redraw it with matplotlib.
 *
 * @param title   figure title
 * @param columns panels per row
 * @param panels  the panels, row by row
 */
public record PlotFigure(String title, int columns, List<PlotPanel> panels) {

    /** Copies the list and checks the layout. */
    public PlotFigure {
        panels = List.copyOf(panels);
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1");
    }

    /** Rows of the grid. */
    public int rows() {
        return Math.max(1, (panels.size() + columns - 1) / columns);
    }
}
