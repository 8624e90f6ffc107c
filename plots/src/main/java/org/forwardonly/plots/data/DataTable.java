package org.forwardonly.plots.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric table behind a figure: named columns of equal length. It is written and read as
 * CSV (header row, comma-separated, '\n' line ends, numbers as {@link Double#toString}, NaN for
 * a missing value) — the same form as the engines' trajectory CSVs, so a trajectory file is a
 * table whose first column is {@code t}, and a notebook reads either with {@code pd.read_csv}.
 *
 * @param columns column name → values, in column order
 */
public record DataTable(Map<String, double[]> columns) {

    /** Checks that the columns have one length. */
    public DataTable {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        int n = -1;
        for (var e : columns.entrySet()) {
            if (n >= 0 && e.getValue().length != n) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has " + e.getValue().length + " values, not " + n);
            }
            n = e.getValue().length;
        }
    }

    /** Number of rows. */
    public int rows() {
        return columns.isEmpty() ? 0 : columns.values().iterator().next().length;
    }

    /** The values of a column; IllegalArgumentException naming the columns when absent. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("no column '" + name + "' (columns: " + columns.keySet() + ")");
        return c;
    }

    /** Whether the table has the column. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** A copy with one more column (replacing one of the same name). */
    public DataTable with(String name, double[] values) {
        Map<String, double[]> m = new LinkedHashMap<>(columns);
        m.put(name, values);
        return new DataTable(m);
    }

    /** Writes the table as CSV. */
    public void write(Path file) throws IOException {
        List<String> names = new ArrayList<>(columns.keySet());
        List<double[]> cols = new ArrayList<>(columns.values());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", names));
            out.write('\n');
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < rows(); i++) {
                sb.setLength(0);
                for (int j = 0; j < cols.size(); j++) {
                    if (j > 0) sb.append(',');
                    sb.append(cols.get(j)[i]);
                }
                out.write(sb.toString());
                out.write('\n');
            }
        }
    }

    /** Reads a CSV of numbers with a header row. */
    public static DataTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new IOException(file + ": empty CSV");
        String[] names = lines.get(0).split(",", -1);
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != names.length) {
                throw new IOException(file + ":" + (i + 1) + ": " + cells.length + " cells, expected " + names.length);
            }
            double[] row = new double[names.length];
            try {
                for (int j = 0; j < row.length; j++) row[j] = Double.parseDouble(cells[j]);
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": not a number: " + e.getMessage());
            }
            rows.add(row);
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            double[] col = new double[rows.size()];
            for (int i = 0; i < col.length; i++) col[i] = rows.get(i)[j];
            m.put(names[j], col);
        }
        return new DataTable(m);
    }

    /** A table from a header and row-major values (a trajectory's {@code t} and rows, for example). */
    public static DataTable of(List<String> names, double[][] rows) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            double[] col = new double[rows.length];
            for (int i = 0; i < rows.length; i++) col[i] = rows[i][j];
            m.put(names.get(j), col);
        }
        return new DataTable(m);
    }

    @Override
    public String toString() {
        return "DataTable" + columns.keySet() + " x " + rows() + " rows";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataTable other) || !other.columns.keySet().equals(columns.keySet())) return false;
        for (var e : columns.entrySet()) if (!Arrays.equals(e.getValue(), other.columns.get(e.getKey()))) return false;
        return true;
    }

    @Override
    public int hashCode() {
        return columns.keySet().hashCode();
    }
}
