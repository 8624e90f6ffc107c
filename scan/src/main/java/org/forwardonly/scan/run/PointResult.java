package org.forwardonly.scan.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The finished result of one point: its index, its swept values (kept to check on resume that
 * the stored result belongs to this spec) and its rows. Its one-line JSON form is both a line
 * of DIR/results.jsonl and what a Spark worker sends back to the driver.
 *
 * @param index  the point's index in grid order
 * @param values the point's swept values
 * @param rows   one summary per engine
 * @param cached true if the rows were copied from a result cache (an earlier scan's), not computed
 */
public record PointResult(int index, ObjectNode values, List<PointSummary> rows, boolean cached) {

    /** A computed (not cached) result. */
    public PointResult(int index, ObjectNode values, List<PointSummary> rows) {
        this(index, values, rows, false);
    }

    /** The same rows under another point's index and values, marked as copied from the cache. */
    public PointResult copiedAs(int index, ObjectNode values) {
        return new PointResult(index, values, rows, true);
    }

    /** Runs a point: parses its config and hands it to the runner. */
    public static PointResult compute(ScanPoint point, PointRunner runner) {
        try {
            return new PointResult(point.index(), point.values(), List.copyOf(runner.run(ConfigParser.parse(point.config()))));
        } catch (ConfigException e) {
            throw new IllegalStateException(point.label() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new PointFailedException(point.label() + " failed: " + e, e);
        }
    }

    /** One line of JSON, no newline. Doubles are written in Java's shortest round-trip form. */
    public String toJsonLine() {
        ObjectNode o = ConfigParser.mapper().createObjectNode();
        o.put("point", index);
        o.set("values", values);
        ArrayNode a = o.putArray("rows");
        for (PointSummary r : rows) {
            ObjectNode n = a.addObject();
            n.put("engine", r.engine());
            put(n, "eps_g_final", r.epsGFinal());
            put(n, "eps_g_final_se", r.epsGFinalSe());
            put(n, "t_threshold", r.tThreshold());
            put(n, "plateau_start", r.plateauStart());
            put(n, "plateau_length", r.plateauLength());
            put(n, "plateau_height", r.plateauHeight());
            put(n, "alignment_final", r.alignmentFinal());
            n.put("diverged", r.diverged());
            put(n, "t_end", r.tEnd());
        }
        if (cached) o.put("cached", true);   // absent when computed, so lines of scans without a cache are unchanged
        return o.toString();
    }

    /** Parses {@link #toJsonLine()}; throws IllegalArgumentException on a malformed line. */
    public static PointResult fromJsonLine(String line) {
        try {
            JsonNode o = ConfigParser.mapper().readTree(line);
            if (o == null || !o.isObject() || !o.path("point").isInt() || !o.path("values").isObject()
                    || !o.path("rows").isArray()) {
                throw new IllegalArgumentException("not a result line: " + line);
            }
            List<PointSummary> rows = new ArrayList<>();
            for (JsonNode n : o.get("rows")) {
                rows.add(new PointSummary(n.get("engine").asText(), get(n, "eps_g_final"), get(n, "eps_g_final_se"), get(n, "t_threshold"),
                        get(n, "plateau_start"), get(n, "plateau_length"), get(n, "plateau_height"),
                        get(n, "alignment_final"), n.get("diverged").asBoolean(), n.get("t_end").isNull() ? Double.NaN
                                : n.get("t_end").asDouble()));
            }
            return new PointResult(o.get("point").asInt(), (ObjectNode) o.get("values"), List.copyOf(rows),
                    o.path("cached").asBoolean(false));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a result line: " + e.getMessage(), e);
        }
    }

    private static void put(ObjectNode n, String key, Double v) {
        if (v == null || !Double.isFinite(v)) n.putNull(key);
        else n.put(key, v.doubleValue());
    }

    private static Double get(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
