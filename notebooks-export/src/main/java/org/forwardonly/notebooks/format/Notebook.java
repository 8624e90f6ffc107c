package org.forwardonly.notebooks.format;

import java.util.List;

/**
 * A Jupyter notebook as the project writes it: cells in order, run by a Python 3 kernel.
 * {@link NotebookWriter} turns it into nbformat-4 JSON.
 *
 * @param cells the cells, in order
 */
public record Notebook(List<Cell> cells) {

    /** Copies the list. */
    public Notebook {
        cells = List.copyOf(cells);
    }
}
