package org.forwardonly.plots.catalogue;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.plots.data.DataTable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a figure computed: the tables behind it (written as {@code data/NAME.csv}; the plot's
 * series name them as {@code data/NAME.csv}), the plot, and notes for the notebook.
 *
 * @param tables     table name (file stem) → table
 * @param plot       the panels, whose series read {@code data/<table>.csv}
 * @param parameters markdown bullets: the parameters a reader needs to know
 */
public record FigureData(Map<String, DataTable> tables, PlotFigure plot, List<String> parameters) {

    /** Copies the collections (keeping the tables' order). */
    public FigureData {
        tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        parameters = List.copyOf(parameters);
    }

    /** The CSV path of a table, relative to the figure directory. */
    public static String csv(String table) {
        return "data/" + table + ".csv";
    }
}
