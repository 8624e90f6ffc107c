package org.forwardonly.theory.trajectory;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV form of a {@link Trajectory}, shared by every engine: a header row {@code t,<columns>}
 * then one row per sample, comma-separated, '\n' line ends, numbers as {@link Double#toString}
 * (the shortest decimal that reads back to the same double, independent of the locale), so that a
 * file round-trips exactly and the same run gives byte-identical files.
 */
public final class TrajectoryCsv {
    private TrajectoryCsv() {}

    /** Writes a whole trajectory to {@code file}. */
    public static void write(Trajectory trajectory, Path file) throws IOException {
        try (Appender out = new Appender(file, trajectory.columns())) {
            for (int i = 0; i < trajectory.size(); i++) out.append(trajectory.times()[i], trajectory.rows()[i]);
        }
    }

    /** The header line (without line end). */
    public static String header(List<String> columns) {
        return "t," + String.join(",", columns);
    }

    /** One data line (without line end). */
    public static String line(double t, double[] row) {
        StringBuilder sb = new StringBuilder(24 * (row.length + 1));
        sb.append(t);
        for (double x : row) sb.append(',').append(x);
        return sb.toString();
    }

    /** Reads a file written by this class (or any CSV with a {@code t} first column and numeric cells). */
    public static Trajectory read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            // issue 27: "...,-1.0534986047014196" cut to "...,-1" parsed as -1; every writer ends its rows with a newline
            throw new IOException(file + ": its last line has no newline at the end: the file was cut (a copy or a run stopped "
                    + "mid-write?)");
        }
        List<String> lines;
        try {
            lines = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().lines().toList();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text (binary or damaged?)");
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("t,")) {
            throw new IOException(file + ": not a trajectory CSV (first line must start with 't,')");
        }
        List<String> columns = Arrays.asList(lines.get(0).substring(2).split(",", -1));
        List<double[]> rows = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) continue;
            String[] cells = line.split(",", -1);
            if (cells.length != columns.size() + 1) {
                throw new IOException(file + ":" + (i + 1) + ": " + cells.length + " cells, expected " + (columns.size() + 1));
            }
            try {
                times.add(Double.parseDouble(cells[0]));
                double[] row = new double[columns.size()];
                for (int j = 0; j < row.length; j++) row[j] = Double.parseDouble(cells[j + 1]);
                rows.add(row);
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": not a number: " + e.getMessage());
            }
        }
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) t[i] = times.get(i);
        return new Trajectory(t, columns, rows.toArray(new double[0][]));
    }

    /**
     * Writes rows as they are produced and flushes each one, so that a run that stops early
     * (divergence, interruption) keeps what it computed.
     */
    public static final class Appender implements Closeable {
        private final BufferedWriter out;
        private final int width;

        /** Creates (or truncates) {@code file} and writes the header. */
        public Appender(Path file, List<String> columns) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            width = columns.size();
            out.write(header(columns));
            out.write('\n');
        }

        /** Appends one sample and flushes. */
        public void append(double t, double[] row) {
            if (row.length != width) throw new IllegalArgumentException("row of " + row.length + " values for " + width + " columns");
            try {
                out.write(line(t, row));
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
