package org.forwardonly.scan;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.scan.spec.RunKind;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanSpecParserTest {

    static ScanSpec parse(String json) throws Exception {
        return ScanSpecParser.parse(ConfigParser.mapper().readTree(json.replace('\'', '"')));
    }

    static String error(String json) {
        ScanSpecException e = assertThrows(ScanSpecException.class, () -> parse(json));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    static final String BASE = "'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 10}";

    @Test
    void gridExpandsInKeyOrderWithTheLastKeyFastest() throws Exception {
        ScanSpec s = parse("{" + BASE + ", 'grid': {'eta': [0.5, 1], 'sigmaF': [0.1, 0.2, 0.3]}, 'run': 'both'}");
        assertEquals(6, s.size());
        assertEquals(List.of("eta", "sigmaF"), s.sweptKeys());
        assertEquals(RunKind.BOTH, s.run());
        double[][] expected = {{0.5, 0.1}, {0.5, 0.2}, {0.5, 0.3}, {1, 0.1}, {1, 0.2}, {1, 0.3}};
        for (int i = 0; i < 6; i++) {
            JsonNode c = s.points().get(i).config();
            assertEquals(i, s.points().get(i).index());
            assertEquals(expected[i][0], c.get("eta").asDouble());
            assertEquals(expected[i][1], c.get("sigmaF").asDouble());
            assertEquals("afa", c.get("rule").asText(), "base keys are kept");
        }
        assertEquals(0.01, s.threshold(), "default threshold");
    }

    @Test
    void explicitPointsAndNestedMirroringKeys() throws Exception {
        ScanSpec s = parse("{'base': {'rule': 'pepita', 'K': 1, 'M': 1}, 'points': [{'mirroring.etaWm': 0.5, 'rule': 'afa'},"
                + " {'mirroring.etaWm': 1, 'rule': 'pepita'}]}");
        assertEquals(2, s.size());
        assertEquals(1.0, s.points().get(1).config().get("mirroring").get("etaWm").asDouble());
        assertEquals("afa", s.points().get(0).config().get("rule").asText());
    }

    @Test
    void hashChangesWithTheGridButNotWithFormatting() throws Exception {
        String a = parse("{" + BASE + ", 'grid': {'eta': [0.5, 1]}}").hash();
        String b = parse("{  " + BASE + ",\n 'grid': {'eta': [0.5,1]}}").hash();
        String c = parse("{" + BASE + ", 'grid': {'eta': [0.5, 1, 2]}}").hash();
        String d = parse("{" + BASE + ", 'grid': {'eta': [0.5, 1]}, 'threshold': 0.02}").hash();
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertNotEquals(a, d);
    }

    @Test
    void badSpecsFailWithOneLineNamingTheKey() {
        assertTrue(error("{" + BASE + ", 'grid': {'etta': [1]}}").contains("'etta' is not a config key"));
        assertTrue(error("{" + BASE + ", 'grid': {'eta': []}}").contains("grid key 'eta' must be a non-empty list"));
        assertTrue(error("{" + BASE + ", 'grid': {}}").contains("'grid' must be a non-empty object"));
        assertTrue(error("{" + BASE + ", 'grid': {'init': [1]}}").contains("'init' is not sweepable"));
        assertTrue(error("{" + BASE + ", 'grid': {'mirroring': [1]}}").contains("'mirroring' is not sweepable"));
        assertTrue(error("{" + BASE + ", 'grid': {'eta': [1, 1]}}").contains("twice"));
        assertTrue(error("{" + BASE + ", 'grid': {'eta': [[1]]}}").contains("numbers, strings or booleans"));
        assertTrue(error("{" + BASE + ", 'grdi': {'eta': [1]}}").contains("unknown key 'grdi'"));
        assertTrue(error("{" + BASE + "}").contains("exactly one of 'grid'"));
        assertTrue(error("{" + BASE + ", 'grid': {'eta': [1]}, 'run': 'fast'}").contains("'run'"));
        assertTrue(error("{" + BASE + ", 'grid': {'eta': [1]}, 'threshold': -1}").contains("'threshold'"));
        assertTrue(error("{'grid': {'eta': [1]}}").contains("'base'"));
        assertTrue(error("{" + BASE + ", 'points': [{'eta': 1}, {'sigma': 1}]}").contains("same keys"));
        assertTrue(error("{" + BASE + ", 'points': [{'eta': 1}, {'eta': 1}]}").contains("repeats"));
    }

    @Test
    void everyPointIsValidatedUpFrontByTheConfigParser() {
        String m = error("{" + BASE + ", 'grid': {'eta': [1, -2]}}");
        assertTrue(m.startsWith("scan spec: point 1 (eta=-2): key 'eta'"), m);
        m = error("{" + BASE + ", 'grid': {'rule': ['afa', 'backprop']}}");
        assertTrue(m.contains("point 1 (rule=backprop)") && m.contains("'rule'"), m);
    }
}
