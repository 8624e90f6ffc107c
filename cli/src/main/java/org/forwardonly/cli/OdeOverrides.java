package org.forwardonly.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.List;

/**
 * {@code compare --ode-set KEY=VALUE}: the config whose ODE is the prediction, with keys replaced
 * while the simulation keeps the original (a negative control from the command line). VALUE is
 * read as JSON when it parses (numbers, objects such as a mirroring block) and as a string
 * otherwise ({@code rule=afa}, {@code lastLayer=h}).
 */
final class OdeOverrides {
    private OdeOverrides() {}

    /** {@code config} with every {@code KEY=VALUE} of {@code settings} applied, validated (ConfigException naming the option). */
    static ExperimentConfig apply(ExperimentConfig config, List<String> settings) {
        if (settings.isEmpty()) return config;
        ObjectNode json = ConfigParser.mapper().createObjectNode(); // the edited keys only: the rest stays config's
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--ode-set: expected KEY=VALUE, got '" + s + "'");
            }
            String key = s.substring(0, eq), value = s.substring(eq + 1);
            if (!ConfigParser.KEYS.contains(key)) {
                throw new ConfigException("--ode-set: unknown key '" + key + "' (allowed: " + String.join(", ", ConfigParser.KEYS) + ")");
            }
            json.set(key, value(value));
        }
        try {
            return ConfigParser.edit(json, config);
        } catch (ConfigException e) {
            throw new ConfigException("--ode-set: " + e.getMessage());
        }
    }

    private static JsonNode value(String text) {
        try {
            JsonNode n = ConfigParser.mapper().readTree(text);
            return n == null || n.isMissingNode() ? TextNode.valueOf(text) : n;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }
}
