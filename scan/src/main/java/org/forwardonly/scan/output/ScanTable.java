package org.forwardonly.scan.output;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.spec.ScanSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan's tidy table DIR/scan.csv: one row per point and engine, sorted by point index
 * (grid order), columns {@code point, <swept keys>, engine, eps_g_final, eps_g_final_se, t_threshold,
 * plateau_start, plateau_length, plateau_height, alignment_final, diverged, t_end}. Numbers are
 * written in Java's shortest round-trip form, missing values as NaN (docs/columns.md); the same
 * results give the same bytes whichever executor produced them. A scan run with a result cache
 * ({@code --cache}) has one more, last column {@code cached} (true where the point's rows were
 * copied from the cache); it says where a row came from, not what it is, so it is there only
 * when a cache is used and a scan without one keeps the table above byte for byte.
 */
public final class ScanTable {

    /** The table's name inside DIR. */
    public static final String FILE = "scan.csv";

    private ScanTable() {}

    /** The header columns. */
    public static List<String> header(ScanSpec spec) {
        return header(spec, false);
    }

    /** The header columns, with {@code cached} last if asked. */
    public static List<String> header(ScanSpec spec, boolean cachedColumn) {
        List<String> h = new ArrayList<>();
        h.add("point");
        h.addAll(spec.sweptKeys());
        h.add("engine");
        h.addAll(PointSummary.METRIC_COLUMNS);
        if (cachedColumn) h.add("cached");
        return h;
    }

    /** The CSV text for results sorted by point index. */
    public static String csv(ScanSpec spec, List<PointResult> results) {
        return csv(spec, results, false);
    }

    /** The CSV text for results sorted by point index, with the {@code cached} column if asked. */
    public static String csv(ScanSpec spec, List<PointResult> results, boolean cachedColumn) {
        List<PointResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Integer.compare(a.index(), b.index()));
        StringBuilder sb = new StringBuilder(String.join(",", header(spec, cachedColumn))).append('\n');
        for (PointResult r : sorted) {
            for (PointSummary s : r.rows()) {
                sb.append(r.index());
                for (String k : spec.sweptKeys()) sb.append(',').append(field(r.values().get(k)));
                sb.append(',').append(field(s.engine()));
                sb.append(',').append(num(s.epsGFinal()));
                sb.append(',').append(num(s.epsGFinalSe()));
                sb.append(',').append(num(s.tThreshold()));
                sb.append(',').append(num(s.plateauStart()));
                sb.append(',').append(num(s.plateauLength()));
                sb.append(',').append(num(s.plateauHeight()));
                sb.append(',').append(num(s.alignmentFinal()));
                sb.append(',').append(s.diverged());
                sb.append(',').append(num(s.tEnd()));
                if (cachedColumn) sb.append(',').append(r.cached());
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Writes DIR/scan.csv atomically (temp file, then rename). */
    public static Path write(Path dir, ScanSpec spec, List<PointResult> results) {
        return write(dir, spec, results, false);
    }

    /** Writes DIR/scan.csv atomically, with the {@code cached} column if asked. */
    public static Path write(Path dir, ScanSpec spec, List<PointResult> results, boolean cachedColumn) {
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.writeString(tmp, csv(spec, results, cachedColumn), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp); // no half-done leftover beside the table (a full disk, scan.csv a directory)
            } catch (IOException ignored) {
                // the next successful write replaces it
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String num(Double d) {
        return d == null || !Double.isFinite(d) ? "NaN" : Double.toString(d); // missing: NaN, as in every file (docs/columns.md)
    }

    private static String field(JsonNode v) {
        if (v == null || v.isNull()) return "";
        return field(v.isTextual() ? v.asText() : v.toString());
    }

    private static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
