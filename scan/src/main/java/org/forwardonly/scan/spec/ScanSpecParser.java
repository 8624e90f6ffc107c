package org.forwardonly.scan.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.config.NearestKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scan spec, expands its grid (or explicit point list) and validates every point's
 * config with {@link ConfigParser} up front, so a bad point fails before anything runs.
 *
 * <p>Spec keys: {@code base} (a config, required), exactly one of {@code grid} (key → non-empty
 * list of values; the last key varies fastest) or {@code points} (a list of objects, all with
 * the same keys), {@code run} [ode] (ode|sim|both), {@code threshold} [0.01],
 * {@code plateauSlope} [0.05], {@code plateauDrop} [0.8], {@code description} (free text).
 */
public final class ScanSpecParser {

    /** Top-level keys a scan spec may hold. */
    public static final List<String> KEYS = List.of(
            "description", "base", "grid", "points", "run", "threshold", "plateauSlope", "plateauDrop");

    /** Config keys that hold lists or objects and so cannot be swept as a whole. */
    public static final Set<String> NOT_SWEEPABLE = Set.of("init", "times", "mirroring");


    private ScanSpecParser() {}

    /** The keys that may appear in a grid or a point. */
    public static List<String> sweepableKeys() {
        List<String> keys = new ArrayList<>();
        for (String k : ConfigParser.KEYS) if (!NOT_SWEEPABLE.contains(k)) keys.add(k);
        for (String k : ConfigParser.MIRRORING_KEYS) keys.add("mirroring." + k);
        return keys;
    }

    /**
     * Bytes a scan holds per point while it runs: its config tree, its point and its result row
     * (about 2 KB each for a K = M = 2 base; a 10^6-point grid ran out of a 1 GB heap).
     */
    static final long BYTES_PER_POINT = 3_000;

    /** Refuses a grid whose points cannot be held in {@code maxMemory} bytes (ScanSpecException naming the grid). */
    static void checkMemory(long points, long maxMemory) {
        if (points * BYTES_PER_POINT > maxMemory * 0.8) {
            throw new ScanSpecException(String.format(java.util.Locale.ROOT, "scan spec: the grid has %d points, which need"
                    + " about %.1f GB, more than the %.1f GB available (fewer grid values, or PEPITA_JAVA_OPTS=-Xmx...)",
                    points, points * BYTES_PER_POINT / 1e9, maxMemory / 1e9));
        }
    }

    /** Reads and validates a spec file. */
    public static ScanSpec read(Path file) {
        String text;
        try {
            text = ConfigParser.readText(file, "scan spec");
        } catch (org.forwardonly.theory.config.ConfigException e) {
            throw new ScanSpecException(e.getMessage());
        }
        try {
            return parse(ConfigParser.mapper().readTree(text));
        } catch (JsonProcessingException e) {
            throw new ScanSpecException("scan spec " + file + " is not valid JSON: " + ConfigParser.jsonProblem(e));
        }
    }

    /** Validates and expands a spec tree. */
    public static ScanSpec parse(JsonNode root) {
        if (root == null || !root.isObject()) throw new ScanSpecException("scan spec must be a JSON object with keys " + KEYS);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new ScanSpecException("scan spec: unknown key '" + k + "' (" + NearestKey.of(k, KEYS)
                        .map(m -> "did you mean '" + m + "'? ").orElse("") + "allowed: " + String.join(", ", KEYS) + ")");
            }
        }
        JsonNode description = root.get("description");
        if (description != null && !description.isTextual()) {
            // issue 27: "description": 5 was stored as a number; docs/scans.md says text
            throw new ScanSpecException("scan spec: key 'description' must be text, in quotes (got " + description + ")");
        }
        JsonNode base = root.get("base");
        if (base == null || !base.isObject()) {
            throw new ScanSpecException("scan spec: key 'base' must be a config object (the settings shared by all points)");
        }
        boolean hasGrid = root.has("grid"), hasPoints = root.has("points");
        if (hasGrid == hasPoints) {
            throw new ScanSpecException("scan spec: give exactly one of 'grid' (key -> list of values) or 'points' (list of objects)");
        }
        RunKind run = runKind(root.get("run"));
        double threshold = positive(root, "threshold", 0.01);
        double plateauSlope = positive(root, "plateauSlope", 0.05);
        double plateauDrop = positive(root, "plateauDrop", 0.8);
        if (plateauDrop >= 1) throw new ScanSpecException("scan spec: key 'plateauDrop' must be < 1 (got " + plateauDrop + ")");

        List<String> keys = new ArrayList<>();
        List<ObjectNode> valueSets = hasGrid ? expandGrid(root.get("grid"), keys) : explicitPoints(root.get("points"), keys);

        List<ScanPoint> points = new ArrayList<>(valueSets.size());
        MessageDigest sha = sha256();
        update(sha, "run=" + run.key() + ";threshold=" + threshold + ";plateauSlope=" + plateauSlope
                + ";plateauDrop=" + plateauDrop + ";keys=" + keys + "\n");
        for (int i = 0; i < valueSets.size(); i++) {
            ObjectNode values = valueSets.get(i);
            ObjectNode config = ((ObjectNode) base).deepCopy();
            values.fields().forEachRemaining(e -> set(config, e.getKey(), e.getValue()));
            ScanPoint p = new ScanPoint(i, values, config);
            ExperimentConfig resolved;
            try {
                resolved = ConfigParser.parse(config);
            } catch (ConfigException e) {
                throw new ScanSpecException("scan spec: " + p.label() + ": " + e.getMessage());
            }
            points.add(p);
            update(sha, values + "->" + ConfigParser.toJson(resolved) + "\n");
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        return new ScanSpec((ObjectNode) root.deepCopy(), run, threshold, plateauSlope, plateauDrop,
                List.copyOf(keys), List.copyOf(points), hash);
    }

    /** Cartesian product in the order the keys are written, the last key varying fastest. */
    private static List<ObjectNode> expandGrid(JsonNode grid, List<String> keys) {
        if (!grid.isObject() || grid.isEmpty()) {
            throw new ScanSpecException("scan spec: key 'grid' must be a non-empty object: config key -> list of values");
        }
        List<ArrayNode> axes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = grid.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            checkSweepable(e.getKey(), "grid");
            JsonNode vals = e.getValue();
            if (!vals.isArray() || vals.isEmpty()) {
                throw new ScanSpecException("scan spec: grid key '" + e.getKey() + "' must be a non-empty list of values (got "
                        + vals + ")");
            }
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode v : vals) {
                checkScalar(e.getKey(), v, "grid");
                if (!seen.add(v)) throw new ScanSpecException("scan spec: grid key '" + e.getKey() + "' lists " + v + " twice");
            }
            keys.add(e.getKey());
            axes.add((ArrayNode) vals);
        }
        long n = 1;
        for (ArrayNode a : axes) {
            n *= a.size();
            if (n > 10_000_000) throw new ScanSpecException("scan spec: the grid has more than 10^7 points");
        }
        checkMemory(n, Runtime.getRuntime().maxMemory());
        List<ObjectNode> out = new ArrayList<>((int) n);
        int[] idx = new int[axes.size()];
        for (long p = 0; p < n; p++) {
            ObjectNode values = ConfigParser.mapper().createObjectNode();
            for (int k = 0; k < axes.size(); k++) values.set(keys.get(k), axes.get(k).get(idx[k]));
            out.add(values);
            for (int k = axes.size() - 1; k >= 0; k--) {   // odometer: last key fastest
                if (++idx[k] < axes.get(k).size()) break;
                idx[k] = 0;
            }
        }
        return out;
    }

    private static List<ObjectNode> explicitPoints(JsonNode list, List<String> keys) {
        if (!list.isArray() || list.isEmpty()) {
            throw new ScanSpecException("scan spec: key 'points' must be a non-empty list of objects (config key -> value)");
        }
        Set<String> first = null;
        Map<JsonNode, Integer> seen = new HashMap<>();
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            if (!p.isObject() || p.isEmpty()) {
                throw new ScanSpecException("scan spec: points[" + i + "] must be a non-empty object (config key -> value)");
            }
            Set<String> ks = new LinkedHashSet<>();
            p.fieldNames().forEachRemaining(ks::add);
            for (String k : ks) {
                checkSweepable(k, "points[" + i + "]");
                checkScalar(k, p.get(k), "points[" + i + "]");
            }
            if (first == null) {
                first = ks;
                keys.addAll(ks);
            } else if (!first.equals(ks)) {
                throw new ScanSpecException("scan spec: points[" + i + "] has keys " + ks + " but points[0] has " + first
                        + " (every point must set the same keys)");
            }
            ObjectNode values = ConfigParser.mapper().createObjectNode();
            for (String k : keys) values.set(k, p.get(k));
            Integer prev = seen.put(values, i);
            if (prev != null) throw new ScanSpecException("scan spec: points[" + i + "] repeats points[" + prev + "]");
            out.add(values);
        }
        return out;
    }

    private static void checkSweepable(String key, String where) {
        if (NOT_SWEEPABLE.contains(key)) {
            throw new ScanSpecException("scan spec: " + where + " key '" + key + "' is not sweepable (it is a list or an object;"
                    + (key.equals("mirroring") ? " sweep mirroring.a, mirroring.etaWm, ... instead)" : " set it in 'base')"));
        }
        if (!sweepableKeys().contains(key)) {
            throw new ScanSpecException("scan spec: " + where + " key '" + key + "' is not a config key ("
                    + NearestKey.of(key, sweepableKeys()).map(m -> "did you mean '" + m + "'? ").orElse("") + "sweepable: "
                    + String.join(", ", sweepableKeys()) + ")");
        }
    }

    private static void checkScalar(String key, JsonNode v, String where) {
        if (!(v.isNumber() || v.isTextual() || v.isBoolean())) {
            throw new ScanSpecException("scan spec: " + where + " key '" + key + "': values must be numbers, strings or booleans (got "
                    + v + ")");
        }
    }

    /** Sets {@code key} (or {@code mirroring.<key>}) in a config object. */
    private static void set(ObjectNode config, String key, JsonNode value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            config.set(key, value);
            return;
        }
        String parent = key.substring(0, dot);
        JsonNode p = config.get(parent);
        ObjectNode obj = p != null && p.isObject() ? (ObjectNode) p : config.putObject(parent);
        obj.set(key.substring(dot + 1), value);
    }

    private static RunKind runKind(JsonNode n) {
        if (n == null || n.isNull()) return RunKind.ODE;
        for (RunKind k : RunKind.values()) if (n.isTextual() && k.key().equals(n.asText())) return k;
        throw new ScanSpecException("scan spec: key 'run' must be \"ode\", \"sim\" or \"both\" (got " + n + ")");
    }

    private static double positive(JsonNode root, String key, double dflt) {
        JsonNode n = root.get(key);
        if (n == null || n.isNull()) return dflt;
        if (!n.isNumber() || !(n.asDouble() > 0) || !Double.isFinite(n.asDouble())) {
            throw new ScanSpecException("scan spec: key '" + key + "' must be a number > 0 (got " + n + ")");
        }
        return n.asDouble();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
    }
}
