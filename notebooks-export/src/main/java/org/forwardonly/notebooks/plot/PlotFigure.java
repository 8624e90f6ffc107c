package org.forwardonly.notebooks.plot;

import java.util.List;

/**
 * A figure of one or more panels laid out in a grid of {@code columns} columns, as the notebooks
 * redraw it with matplotlib.
 *
 * One legend serves the whole figure: every distinct (label, colour, style) once, in the empty
 * cell of the grid when there is one, else under the panels.
 *
 * @param title   figure title
 * @param columns panels per row
 * @param panels  the panels, row by row
 * @param sharedY whether every panel shows the same vertical range (panels meant to be compared)
 */
public record PlotFigure(String title, int columns, List<PlotPanel> panels, boolean sharedY) {

    /** Copies the list and checks the layout. */
    public PlotFigure {
        panels = List.copyOf(panels);
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1");
    }

    /** A figure whose panels each have their own vertical range. */
    public PlotFigure(String title, int columns, List<PlotPanel> panels) {
        this(title, columns, panels, false);
    }

    /** Columns actually used: no more than there are panels. */
    public int usedColumns() {
        return Math.min(columns, Math.max(1, panels.size()));
    }

    /** Whether the grid has an empty cell after the last panel (where the legend goes). */
    public boolean legendInGrid() {
        return rows() * usedColumns() > panels.size();
    }

    /** Rows of the grid. */
    public int rows() {
        int cols = usedColumns();
        return Math.max(1, (panels.size() + cols - 1) / cols);
    }
}
