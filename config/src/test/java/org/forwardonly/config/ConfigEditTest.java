package org.forwardonly.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed model at the config boundary: names resolve once to the registry's objects, and
 * {@link ConfigParser#edit} (compare --ode-set, --ode-rule) gives what the former JSON round trip
 * (write the resolved config out, replace the keys, parse it back) gave, which the test keeps as its oracle.
 */
class ConfigEditTest {

    private static final String BASE = "{\"rule\": \"pepita\", \"activation\": \"linear\", \"K\": 2, \"M\": 2, \"eta\": 0.7,"
            + " \"sigmaF\": 0.5, \"tMax\": 20, \"times\": [0, 5, 20], \"mirroring\": {\"etaWm\": 0.2},"
            + " \"init\": {\"Q\": [[1, 0], [0, 1]], \"R\": [[0, 0], [0, 0]], \"T\": [[1, 0], [0, 1]], \"v\": [0.1, 0.2],"
            + " \"vStar\": [1, 1], \"c\": [0.1, 0.1], \"d\": [0, 0], \"P\": 1}}";

    /** The former way: the resolved config as JSON, the keys replaced, parsed again. */
    private static ExperimentConfig roundTrip(ExperimentConfig base, ObjectNode edits) {
        ObjectNode json = ConfigParser.toJson(base);
        edits.fields().forEachRemaining(e -> json.set(e.getKey(), e.getValue()));
        return ConfigParser.parse(json);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return ConfigParser.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void namesResolveOnceToTheRegistrysObjects() {
        ExperimentConfig c = ConfigParser.parse(BASE);
        assertSame(Rules.PEPITA, c.rule());
        assertSame(Activation.LINEAR, c.activation());
        assertSame(Activation.LINEAR, c.teacherActivation()); // its default is the student's
        assertEquals("pepita", ConfigParser.toJson(c).get("rule").asText());
    }

    @Test
    void anEditGivesWhatTheJsonRoundTripGave() {
        ExperimentConfig base = ConfigParser.parse(BASE);
        for (String e : new String[] {"{\"eta\": 0.9}", "{\"rule\": \"afa\"}", "{\"rule\": \"ff\", \"alignF\": 0.5}",
                "{\"activation\": \"erf\"}", "{\"tMax\": 30, \"seed\": 4}", "{\"mirroring\": {\"etaWm\": 0.5}}",
                "{\"averaging\": {\"method\": \"sobol\"}}", "{\"lastLayer\": \"h\"}", "{}"}) {
            ObjectNode edit = (ObjectNode) readTree(e);
            ExperimentConfig edited = ConfigParser.edit(edit, base);
            assertEquals(ConfigParser.toJson(roundTrip(base, edit.deepCopy())), ConfigParser.toJson(edited), e);
        }
        // a key not edited keeps its resolved value, not its default: etaV stays 0.7 when eta changes
        assertEquals(0.7, ConfigParser.edit((ObjectNode) readTree("{\"eta\": 0.9}"), base).etaV(), 0.0);
    }

    /**
     * {@link ExperimentConfig#withRates} (theory's analyser halves the rates with it, having no parser) gives the
     * config that the parser's edit of eta and etaV gave, to the last bit of every key.
     */
    @Test
    void withRatesGivesWhatTheParsersEditGave() {
        String noMirroring = BASE.replace(" \"mirroring\": {\"etaWm\": 0.2},", "");
        assertTrue(!noMirroring.contains("mirroring") && noMirroring.contains("\"eta\": 0.7,"), noMirroring);
        for (String json : new String[] {BASE, noMirroring, noMirroring.replace("\"eta\": 0.7,", "\"eta\": 0.3, \"etaV\": 0,")}) {
            ExperimentConfig base = ConfigParser.parse(json);
            ObjectNode edit = ConfigParser.mapper().createObjectNode().put("eta", base.eta() / 2).put("etaV", base.etaV() / 2);
            assertEquals(ConfigParser.toJson(ConfigParser.edit(edit, base)),
                    ConfigParser.toJson(base.withRates(base.eta() / 2, base.etaV() / 2)), json);
        }
        assertThrows(ConfigException.class, () -> ConfigParser.parse(BASE).withRates(-1, 0.5));
        assertThrows(ConfigException.class, () -> ConfigParser.parse(BASE).withRates(0.5, Double.NaN));
    }

    @Test
    void anEditIsValidatedAsAWholeWithTheSameMessages() {
        ExperimentConfig base = ConfigParser.parse(BASE);
        for (String e : new String[] {"{\"rule\": \"bp\"}", "{\"rule\": \"fa\"}", "{\"K\": 3}", "{\"tMax\": 10}",
                "{\"rule\": \"nope\"}", "{\"eta\": -1}"}) {
            ObjectNode edit = (ObjectNode) readTree(e);
            ConfigException expected = assertThrows(ConfigException.class, () -> roundTrip(base, edit.deepCopy()), e);
            ConfigException got = assertThrows(ConfigException.class, () -> ConfigParser.edit(edit, base), e);
            assertEquals(expected.getMessage(), got.getMessage(), e);
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigParser.edit((ObjectNode) readTree("{\"rule\": \"bp\"}"), base));
        assertTrue(e.getMessage().contains("mirroring"), e.getMessage());
    }
}
