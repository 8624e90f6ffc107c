package org.forwardonly.theory.trajectory;

import java.util.List;

/**
 * Sampled time series of an experiment, the common output of every engine (ODE, simulation):
 * {@code rows[i][j]} is column {@code columns.get(j)} at time {@code times[i]}. The time is not
 * one of the columns. Column names follow docs/model.md: {@code eps_g} first, then the order
 * parameters as named by {@link org.forwardonly.theory.state.StateLayout#columnNames()};
 * engines with statistical error add {@code <name>_se} columns. Arrays are not copied: treat
 * them as read-only.
 *
 * @param times   sample times t = μ/N, increasing
 * @param columns column names (without "t")
 * @param rows    one row per time, {@code columns.size()} values each
 */
public record Trajectory(double[] times, List<String> columns, double[][] rows) {

    /** Checks that the shapes agree. */
    public Trajectory {
        columns = List.copyOf(columns);
        if (times.length != rows.length) {
            throw new IllegalArgumentException(times.length + " times but " + rows.length + " rows");
        }
        for (double[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("row of " + row.length + " values for " + columns.size() + " columns");
            }
        }
    }

    /** Number of samples. */
    public int size() {
        return times.length;
    }

    /** Index of a column; IllegalArgumentException naming the columns when absent. */
    public int indexOf(String column) {
        int j = columns.indexOf(column);
        if (j < 0) throw new IllegalArgumentException("no column '" + column + "' (columns: " + columns + ")");
        return j;
    }

    /** The values of one column over time (a new array). */
    public double[] column(String column) {
        int j = indexOf(column);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = rows[i][j];
        return out;
    }
}
