package org.forwardonly.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Configs from JSON, YAML and standard input, and --set overrides, resolve to the same config. */
class ConfigSourceTest {
    static final String JSON = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 1, \"eta\": 0.5, \"rtol\": 1e-9, "
            + "\"times\": [0, 1.5, 3], \"mirroring\": {\"etaWm\": 0.25, \"rescale\": true}}";
    static final String YAML = """
            # the same config in YAML
            rule: pepita
            K: 2
            M: 1
            eta: 0.5
            rtol: 1e-9
            times: [0, 1.5, 3]
            mirroring:
              etaWm: 0.25
              rescale: true
            """;
    static final InputStream NO_INPUT = new ByteArrayInputStream(new byte[0]);

    @TempDir
    Path tmp;

    static String resolved(ObjectNode tree) {
        return ConfigParser.pretty(ConfigParser.toJson(ConfigParser.parse(tree)));
    }

    @Test
    void yamlJsonAndStandardInputGiveTheSameConfig() throws Exception {
        Path json = Files.writeString(tmp.resolve("c.json"), JSON);
        Path yaml = Files.writeString(tmp.resolve("c.yaml"), YAML);
        Path yml = Files.writeString(tmp.resolve("c.yml"), YAML);
        String expected = resolved(ConfigSource.read(json.toString(), List.of(), "config", NO_INPUT));
        assertEquals(expected, resolved(ConfigSource.read(yaml.toString(), List.of(), "config", NO_INPUT)));
        assertEquals(expected, resolved(ConfigSource.read(yml.toString(), List.of(), "config", NO_INPUT)));
        for (String text : List.of(JSON, YAML)) {
            InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            assertEquals(expected, resolved(ConfigSource.read("-", List.of(), "config", in)));
        }
        // rtol written 1e-9 in YAML is the number 1e-9, not a string
        assertEquals(1e-9, ConfigParser.parse(ConfigSource.read(yaml.toString(), List.of(), "config", NO_INPUT)).rtol());
    }

    @Test
    void setOverridesScalarsListsAndDottedKeys() throws Exception {
        Path json = Files.writeString(tmp.resolve("c.json"), JSON);
        ExperimentConfig c = ConfigParser.parse(ConfigSource.read(json.toString(),
                List.of("eta=2", "rule=afa", "times=[0, 2]", "mirroring.etaWm=0.125", "mirroring.r=3", "seed = 7"),
                "config", NO_INPUT));
        assertEquals(2.0, c.eta());
        assertEquals("afa", c.rule().name());
        assertEquals(List.of(0.0, 2.0), c.times());
        assertEquals(0.125, c.mirroring().etaWm());
        assertEquals(3, c.mirroring().r());
        assertTrue(c.mirroring().rescale(), "keys --set does not name are kept");
        assertEquals(7, c.seed());
        // a dotted key creates the object it reaches into
        Path bare = Files.writeString(tmp.resolve("b.json"), "{\"rule\": \"pepita\", \"K\": 1, \"M\": 1}");
        assertEquals(0.5, ConfigParser.parse(ConfigSource.read(bare.toString(), List.of("mirroring.a=0.5"), "config",
                NO_INPUT)).mirroring().a());
    }

    @Test
    void badOverridesAndUnknownKeysSayWhatIsWrong() throws Exception {
        Path json = Files.writeString(tmp.resolve("c.json"), JSON);
        for (String bad : List.of("eta", "=2", "eta=", "mirroring..a=1", "eta.x=1")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigSource.read(json.toString(), List.of(bad), "config", NO_INPUT), bad);
            assertTrue(e.getMessage().startsWith("option '--set"), e.getMessage());
        }
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                ConfigSource.read(json.toString(), List.of("etaa=2"), "config", NO_INPUT)));
        assertTrue(e.getMessage().contains("did you mean 'eta'?"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                ConfigSource.read(json.toString(), List.of("mirroring.etawm=2"), "config", NO_INPUT)));
        assertTrue(e.getMessage().contains("did you mean 'mirroring.etaWm'?"), e.getMessage());
        // a mirroring key at the top level: the nested key, not 'eta'
        e = assertThrows(ConfigException.class, () -> ConfigParser.parse(
                ConfigSource.read(json.toString(), List.of("etaWm=2"), "config", NO_INPUT)));
        assertTrue(e.getMessage().contains("did you mean 'mirroring.etaWm'?"), e.getMessage());
        Path badYaml = Files.writeString(tmp.resolve("bad.yaml"), "rule: [bp\n");
        e = assertThrows(ConfigException.class, () -> ConfigSource.read(badYaml.toString(), List.of(), "config", NO_INPUT));
        assertTrue(e.getMessage().contains("is not valid YAML"), e.getMessage());
        Path twice = Files.writeString(tmp.resolve("twice.yml"), "rule: bp\nK: 1\nM: 1\neta: 1\neta: 2\n");
        e = assertThrows(ConfigException.class, () -> ConfigSource.read(twice.toString(), List.of(), "config", NO_INPUT));
        assertTrue(e.getMessage().contains("is not valid YAML") && e.getMessage().contains("eta"), e.getMessage());
    }

    @Test
    void nearestKeyIsATypoOrNothing() {
        assertEquals("tMax", NearestKey.of("tmax", ConfigParser.KEYS).orElseThrow());
        assertEquals("sigmaF", NearestKey.of("sigmaFF", ConfigParser.KEYS).orElseThrow());
        assertTrue(NearestKey.of("learningRate", ConfigParser.KEYS).isEmpty());
        assertEquals("mirroring.etaWm", NearestKey.of("etaWm", List.of("eta", "etaV", "mirroring.etaWm")).orElseThrow());
        assertEquals(3, NearestKey.distance("kitten", "sitting"));
    }
}
