package org.forwardonly.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/config.md against the parsers, in both directions: every key the config parser or the
 * scan-spec parser accepts has a row, every row names a key they accept, every default written
 * there is the default they resolve, and every list of allowed words is the list they enforce.
 * (In the scan module because it sees both parsers.)
 */
class ConfigDocTest {
    static final Path DOC = Path.of("..", "docs", "config.md");

    /** A row of a key table: key, type, default, allowed (raw Markdown cells). */
    record Row(String key, String type, String dflt, String allowed) {}

    /** The rows of the table under heading {@code ## section}, keyed by name (backticks removed). */
    static Map<String, Row> table(String section) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf("## " + section);
        assertTrue(start >= 0, "docs/config.md has no section '## " + section + "'");
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String l = lines.get(i);
            if (!l.startsWith("| `")) continue;
            String[] cells = l.split("(?<!\\\\)\\|");
            String key = cells[1].trim().replace("`", "");
            assertFalse(rows.containsKey(key), "docs/config.md: key '" + key + "' has two rows");
            rows.put(key, new Row(key, cells[2].trim(), cells[3].trim(), cells[4].trim()));
        }
        return rows;
    }

    static void sameKeys(List<String> parser, Set<String> doc, String what) {
        List<String> undocumented = new ArrayList<>(parser);
        undocumented.removeAll(doc);
        List<String> unknown = new ArrayList<>(doc);
        unknown.removeAll(parser);
        assertTrue(undocumented.isEmpty(), what + ": keys the parser accepts but docs/config.md does not document: " + undocumented);
        assertTrue(unknown.isEmpty(), what + ": keys docs/config.md documents but the parser does not accept: " + unknown);
    }

    static List<String> prefixed(String prefix, List<String> keys) {
        return keys.stream().map(k -> prefix + k).toList();
    }

    @Test
    void everyConfigKeyHasARowAndEveryRowIsAKey() throws IOException {
        sameKeys(ConfigParser.KEYS, table("Experiment config").keySet(), "config");
        sameKeys(prefixed("init.", ConfigParser.INIT_KEYS), table("init").keySet(), "init");
        sameKeys(prefixed("mirroring.", ConfigParser.MIRRORING_KEYS), table("mirroring").keySet(), "mirroring");
        sameKeys(prefixed("averaging.", ConfigParser.AVERAGING_KEYS), table("averaging").keySet(), "averaging");
        sameKeys(ScanSpecParser.KEYS, table("Scan spec").keySet(), "scan spec");
    }

    /** The first `literal` of a default cell, or null when the cell names none (required, = key, drawn, ...). */
    static String literal(String cell) {
        Matcher m = Pattern.compile("^`([^`]+)`").matcher(cell);
        return m.find() ? m.group(1) : null;
    }

    static void sameValue(String key, String documented, JsonNode resolved) {
        assertTrue(resolved != null && !resolved.isNull(), key + ": docs/config.md gives default " + documented
                + " but the parser resolves none");
        if (resolved.isNumber()) {
            assertEquals(Double.parseDouble(documented), resolved.asDouble(), 0.0,
                    key + ": the default in docs/config.md differs from the parser's");
        } else {
            assertEquals(documented, resolved.asText(), key + ": the default in docs/config.md differs from the parser's");
        }
    }

    @Test
    void documentedDefaultsAreTheParsersDefaults() throws IOException {
        // the smallest config: only the required keys; mirroring present so that its defaults resolve
        ObjectNode resolved = ConfigParser.toJson(ConfigParser.parse("{\"rule\": \"pepita\", \"K\": 2, \"M\": 3, \"mirroring\": {}}"));
        for (Row r : table("Experiment config").values()) checkDefault(r, resolved, r.key());
        for (Row r : table("mirroring").values()) checkDefault(r, (ObjectNode) resolved.get("mirroring"), r.key().substring(10));
        for (Row r : table("averaging").values()) checkDefault(r, (ObjectNode) resolved.get("averaging"), r.key().substring(10));

        ScanSpec spec = ScanSpecParser.parse(ConfigParser.mapper().readTree(
                "{\"base\": {\"rule\": \"bp\", \"K\": 1, \"M\": 1}, \"grid\": {\"eta\": [1]}}"));
        ObjectNode scan = ConfigParser.mapper().createObjectNode();
        scan.put("run", spec.run().key());
        scan.put("threshold", spec.threshold());
        scan.put("plateauSlope", spec.plateauSlope());
        scan.put("plateauDrop", spec.plateauDrop());
        for (Row r : table("Scan spec").values()) {
            if (scan.has(r.key())) sameValue(r.key(), literal(r.dflt()), scan.get(r.key()));
        }
    }

    /** Config keys that are objects with a table of their own. */
    static final Set<String> OBJECTS = Set.of("mirroring", "averaging");

    private static void checkDefault(Row r, ObjectNode resolved, String name) {
        String lit = literal(r.dflt());
        if (r.dflt().equals("required")) {
            ObjectNode without = ConfigParser.toJson(ConfigParser.parse("{\"rule\": \"pepita\", \"K\": 2, \"M\": 3}"));
            without.remove(name);
            ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(without), name + " is documented as required");
            assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
        } else if (r.dflt().startsWith("= ")) {
            // "= `eta`": the default is another key's value
            String other = r.dflt().substring(2).replace("`", "").trim();
            assertEquals(resolved.get(other), resolved.get(name), name + " is documented as defaulting to " + other);
        } else if (lit != null) {
            sameValue(name, lit, resolved.get(name));
        } else {
            // none, off, drawn: the resolved config leaves the key out (but for the objects whose keys have
            // their own table, checked there: mirroring when present, averaging always)
            assertFalse(resolved.has(name) && !OBJECTS.contains(name), name
                    + ": documented without a default value, but the parser resolves "
                    + resolved.get(name));
        }
    }

    @Test
    void documentedWordListsAreTheParsersLists() throws IOException {
        List<Row> rows = new ArrayList<>(table("Experiment config").values());
        rows.addAll(table("averaging").values());
        for (Row r : rows) {
            if (!r.type().equals("text")) continue;
            Set<String> documented = new TreeSet<>();
            Matcher m = Pattern.compile("`([^`]+)`").matcher(r.allowed());
            while (m.find()) documented.add(m.group(1));
            ObjectNode bad = ConfigParser.toJson(ConfigParser.parse("{\"rule\": \"pepita\", \"K\": 2, \"M\": 3}"));
            if (r.key().startsWith("averaging.")) ((ObjectNode) bad.get("averaging")).put(r.key().substring(10), "no-such-word");
            else bad.put(r.key(), "no-such-word");
            try {
                ConfigParser.parse(bad);
                fail(r.key() + ": the parser accepted 'no-such-word'");
            } catch (ConfigException e) {
                Matcher a = Pattern.compile("allowed: ([^)]*)\\)").matcher(e.getMessage());
                assertTrue(a.find(), e.getMessage());
                assertEquals(documented, new TreeSet<>(List.of(a.group(1).split(", "))),
                        r.key() + ": the allowed words in docs/config.md differ from the parser's");
            }
        }
    }

    // ---------------------------------------------------------------- ranges

    /**
     * Does the config parser accept {@code value} for {@code key} (dotted for mirroring and averaging)?
     * The probe's averaging has replicates 2, so that maxReplicates' own lower bound is reachable
     * (maxReplicates ≥ replicates is probed on its own, {@link #maxReplicatesIsNotBelowReplicates}).
     */
    static boolean configAccepts(String key, JsonNode value) {
        ObjectNode c = ConfigParser.toJson(ConfigParser.parse("{\"rule\": \"pepita\", \"K\": 2, \"M\": 3, \"mirroring\": {}}"));
        // maxReplicates left to its default, max(128, replicates), so that replicates' upper bound is reachable
        c.set("averaging", readTree("{\"replicates\": 2}"));
        if (key.startsWith("mirroring.")) ((ObjectNode) c.get("mirroring")).set(key.substring(10), value);
        else if (key.startsWith("averaging.")) ((ObjectNode) c.get("averaging")).set(key.substring(10), value);
        else c.set(key, value);
        return accepts(key, () -> ConfigParser.parse(c));
    }

    /** Does the scan-spec parser accept {@code value} for {@code key}? */
    static boolean specAccepts(String key, JsonNode value) {
        ObjectNode spec = (ObjectNode) readTree("{\"base\": {\"rule\": \"bp\", \"K\": 1, \"M\": 1}, \"grid\": {\"eta\": [1]}}");
        spec.set(key, value);
        return accepts(key, () -> ScanSpecParser.parse(spec));
    }

    static JsonNode readTree(String json) {
        try {
            return ConfigParser.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean accepts(String key, Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            // a refusal must name this key, not another one
            assertTrue(e.getMessage().contains("'" + key + "'") || e.getMessage().contains("'" + key.substring(key.indexOf('.') + 1) + "'"),
                    "probing " + key + " failed on something else: " + e.getMessage());
            return false;
        }
    }

    static double number(String text) {
        return Double.parseDouble(text.replace("−", "-").replace("+", "").replaceAll("\\s", ""));
    }

    static JsonNode node(double x, boolean integer) {
        return integer ? ConfigParser.mapper().getNodeFactory().numberNode((long) x)
                : ConfigParser.mapper().getNodeFactory().numberNode(x);
    }

    /**
     * Probes the parser at both sides of every bound the document states ("≥ 0", "> 0", "< 1",
     * "1 … 10 000", "−1, +1"): the bound itself (or the nearest allowed value) accepted, the
     * nearest value beyond it refused (1 beyond for integers, one ulp for numbers).
     */
    static void checkRange(Row r, java.util.function.BiPredicate<String, JsonNode> accepts) {
        boolean integer = r.type().equals("integer");
        // what follows a ';' is a condition on another key, probed by its own test
        String allowed = r.allowed().split(";")[0].trim();
        if (allowed.startsWith("any")) return;
        String[] parts = allowed.split(",");
        String why = r.key() + " (docs/config.md: " + allowed + ")";
        if (Arrays.stream(parts).allMatch(p -> p.trim().matches("[−+-]?[0-9 .]+"))) {
            // a list of values: each accepted, their neighbours refused
            for (String p : parts) {
                double x = number(p);
                assertTrue(accepts.test(r.key(), node(x, integer)), why + ": " + x + " refused");
            }
            double lo = number(parts[0]), hi = number(parts[parts.length - 1]);
            assertFalse(accepts.test(r.key(), node(lo - 1, integer)), why + ": " + (lo - 1) + " accepted");
            assertFalse(accepts.test(r.key(), node(hi + 1, integer)), why + ": " + (hi + 1) + " accepted");
            if (hi - lo == 2) assertFalse(accepts.test(r.key(), node(lo + 1, integer)), why + ": " + (lo + 1) + " accepted");
            return;
        }
        for (String p : parts) {
            String c = p.trim();
            if (c.contains("…")) {
                double lo = number(c.substring(0, c.indexOf('…'))), hi = number(c.substring(c.indexOf('…') + 1));
                assertTrue(accepts.test(r.key(), node(lo, integer)), why + ": " + lo + " refused");
                assertTrue(accepts.test(r.key(), node(hi, integer)), why + ": " + hi + " refused");
                assertFalse(accepts.test(r.key(), node(integer ? lo - 1 : Math.nextDown(lo), integer)), why + ": below accepted");
                assertFalse(accepts.test(r.key(), node(integer ? hi + 1 : Math.nextUp(hi), integer)), why + ": above accepted");
            } else if (c.startsWith("≥") || c.startsWith(">")) {
                double x = number(c.substring(1));
                boolean closed = c.startsWith("≥");
                double in = closed ? x : integer ? x + 1 : Math.nextUp(x);
                double out = closed ? (integer ? x - 1 : Math.nextDown(x)) : x;
                assertTrue(accepts.test(r.key(), node(in, integer)), why + ": " + in + " refused");
                assertFalse(accepts.test(r.key(), node(out, integer)), why + ": " + out + " accepted");
            } else if (c.startsWith("<")) {
                double x = number(c.substring(1));
                assertFalse(accepts.test(r.key(), node(x, integer)), why + ": " + x + " accepted");
                assertTrue(accepts.test(r.key(), node(integer ? x - 1 : Math.nextDown(x), integer)), why + ": just below refused");
            } else {
                fail(why + ": cannot read the range '" + c + "' (write ≥ x, > x, < x, a … b or a list of values)");
            }
        }
    }

    @Test
    void documentedRangesAreTheParsersRanges() throws IOException {
        for (Row r : table("Experiment config").values()) {
            if (r.type().equals("number") || r.type().equals("integer")) checkRange(r, ConfigDocTest::configAccepts);
        }
        for (Row r : table("mirroring").values()) {
            if (r.type().equals("number") || r.type().equals("integer")) checkRange(r, ConfigDocTest::configAccepts);
        }
        for (Row r : table("averaging").values()) {
            if (r.type().equals("number") || r.type().equals("integer")) checkRange(r, ConfigDocTest::configAccepts);
        }
        for (Row r : table("Scan spec").values()) {
            if (r.type().equals("number") || r.type().equals("integer")) checkRange(r, ConfigDocTest::specAccepts);
        }
    }

    /**
     * docs/config.md: averaging.maxReplicates is "not below averaging.replicates", and its default
     * `128` gives way to a larger replicates.
     */
    @Test
    void maxReplicatesIsNotBelowReplicates() throws IOException {
        Row row = table("averaging").get("averaging.maxReplicates");
        assertTrue(row.allowed().contains("not below `averaging.replicates`"), row.allowed());
        String base = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 3, \"averaging\": ";
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigParser.parse(base + "{\"replicates\": 16, \"maxReplicates\": 15}}"));
        assertTrue(e.getMessage().contains("'averaging.maxReplicates'"), e.getMessage());
        assertEquals(16, ConfigParser.parse(base + "{\"replicates\": 16, \"maxReplicates\": 16}}").averaging().maxReplicates());
        assertEquals(200, ConfigParser.parse(base + "{\"replicates\": 200}}").averaging().maxReplicates(),
                "the default maxReplicates gives way to a larger replicates");
    }
}
