package org.forwardonly.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.forwardonly.theory.config.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where a config (or a scan spec) comes from: a JSON file, a YAML file (name ending in
 * {@code .yaml} or {@code .yml}), or {@code -} for standard input (JSON or YAML), then the
 * command line's {@code --set KEY=VALUE} overrides applied in order. The result is a JSON tree
 * for {@link ConfigParser#parse(JsonNode)} (or the scan-spec parser), which validates it.
 */
public final class ConfigSource {
    /** YAML, refusing a key written twice (a silent last-one-wins would hide a typo'd edit). */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private ConfigSource() {}

    /**
     * Reads {@code source} and applies {@code overrides}.
     *
     * @param source a file name, or "-" for standard input
     * @param overrides {@code KEY=VALUE} strings, dotted keys reaching into objects
     * @param what "config" or "scan spec", for messages
     * @param stdin standard input
     */
    public static ObjectNode read(String source, List<String> overrides, String what, InputStream stdin) {
        String text;
        try {
            // a file: ConfigParser.readText's one-line refusals (no such file, a directory, UTF-16, binary)
            text = source.equals("-") ? stdinText(stdin, what) : ConfigParser.readText(Path.of(source), what);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new ConfigException("cannot read " + what + " " + source + ": " + e.getMessage());
        }
        ObjectNode root = parseText(text, source, what);
        for (String o : overrides) set(root, o);
        return root;
    }

    /** Standard input, at most {@link ConfigParser#MAX_TEXT_BYTES} of it, strict UTF-8. */
    private static String stdinText(InputStream stdin, String what) throws IOException {
        byte[] bytes = stdin.readNBytes(ConfigParser.MAX_TEXT_BYTES + 1);
        if (bytes.length > ConfigParser.MAX_TEXT_BYTES) throw new ConfigException(ConfigParser.tooLong(what + " on standard input"));
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw new ConfigException(what + " on standard input is not text (a NUL byte at offset " + i + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(what + " on standard input is not UTF-8 text");
        }
    }

    /** True for a file name that means YAML. */
    public static boolean isYaml(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.endsWith(".yaml") || s.endsWith(".yml");
    }

    private static ObjectNode parseText(String text, String source, String what) {
        // standard input: JSON when it looks like JSON, else YAML (JSON is also YAML, but JSON's messages are clearer)
        boolean yaml = source.equals("-") ? !text.stripLeading().startsWith("{") : isYaml(source);
        JsonNode root;
        try {
            if (!yaml) {
                root = ConfigParser.mapper().readTree(text);
            } else try (com.fasterxml.jackson.core.JsonParser p = YAML.createParser(text)) {
                root = YAML.readTree(p);
                // issue 27: a second YAML document was ignored in silence (a second JSON object is refused)
                if (root != null && p.nextToken() != null) {
                    throw new ConfigException(what + " " + (source.equals("-") ? "on standard input" : source)
                            + " holds more than one YAML document (a '---' line); a config is one mapping");
                }
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException(what + " " + (source.equals("-") ? "on standard input" : source) + " is not valid "
                    + (yaml ? "YAML" : "JSON") + ": " + ConfigParser.jsonProblem(e));
        } catch (IOException e) {
            throw new ConfigException(what + " " + (source.equals("-") ? "on standard input" : source) + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            // the words ConfigParser uses, so that pepita ode and pepita serve refuse it with the same line
            throw new ConfigException(what + " must be a JSON object" + (yaml ? " (in YAML, a mapping of keys)" : ""));
        }
        return (ObjectNode) root;
    }

    /**
     * Applies one {@code KEY=VALUE} to {@code root}: the value is read as YAML (so {@code 2} is a
     * number, {@code bp} a string, {@code true} a boolean, {@code [0, 1, 2]} a list); a dotted key
     * ({@code mirroring.etaWm}) reaches into (and creates) nested objects.
     */
    public static void set(ObjectNode root, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException("option '--set': expected KEY=VALUE, e.g. --set eta=2 or --set mirroring.etaWm=0.2 (got '"
                    + assignment + "')");
        }
        String key = assignment.substring(0, eq).strip();
        String text = assignment.substring(eq + 1).strip();
        JsonNode value;
        try {
            value = text.isEmpty() ? null : YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException("option '--set " + key + "': the value '" + text + "' is not a number, word, true/false or "
                    + "[list]: " + e.getOriginalMessage().replace('\n', ' '));
        }
        if (value == null || value.isMissingNode()) {
            throw new ConfigException("option '--set " + key + "': no value (expected KEY=VALUE)");
        }
        String[] path = key.split("\\.", -1);
        ObjectNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            if (path[i].isEmpty()) throw new ConfigException("option '--set': bad key '" + key + "' (an empty part)");
            JsonNode child = node.get(path[i]);
            if (child == null || child.isNull()) {
                node = node.putObject(path[i]);
            } else if (child.isObject()) {
                node = (ObjectNode) child;
            } else {
                throw new ConfigException("option '--set " + key + "': '" + path[i] + "' is " + child + ", not an object");
            }
        }
        if (path[path.length - 1].isEmpty()) throw new ConfigException("option '--set': bad key '" + key + "' (an empty part)");
        node.set(path[path.length - 1], value);
    }
}
