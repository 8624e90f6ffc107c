package org.forwardonly.scan.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.config.ConfigParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * One point of a scan: its index in grid order, the swept values that define it, and the
 * config JSON it runs (the spec's base with the swept values set; validated by
 * {@link ConfigParser} when the spec was read).
 *
 * @param index  position in grid order (0-based); the CSV is sorted by it
 * @param values the swept keys and their values at this point, in the spec's key order
 * @param config the point's config JSON (base + values), as {@link ConfigParser} reads it
 */
public record ScanPoint(int index, ObjectNode values, ObjectNode config) {

    /** A short human label, e.g. {@code point 7 (eta=0.5, sigmaF=0.1)}. */
    public String label() {
        StringBuilder sb = new StringBuilder("point ").append(index).append(" (");
        Iterator<Map.Entry<String, JsonNode>> it = values.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append(e.getKey()).append('=').append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            if (it.hasNext()) sb.append(", ");
        }
        return sb.append(')').toString();
    }

    /** One-line JSON (used to ship a point to a remote executor). */
    public String toJson() {
        ObjectNode o = ConfigParser.mapper().createObjectNode();
        o.put("point", index);
        o.set("values", values);
        o.set("config", config);
        return o.toString();
    }

    /** Reads {@link #toJson()}'s output. */
    public static ScanPoint fromJson(String json) {
        try {
            JsonNode o = ConfigParser.mapper().readTree(json);
            return new ScanPoint(o.get("point").asInt(), (ObjectNode) o.get("values"), (ObjectNode) o.get("config"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
