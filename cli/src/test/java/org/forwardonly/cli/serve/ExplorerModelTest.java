package org.forwardonly.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.rules.RuleType;
import org.forwardonly.theory.rules.Rules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/model: the explorer's rules and activations come from the registry, with what each supports. */
class ExplorerModelTest {

    @Test
    void theModelListsTheRegistry() throws Exception {
        JsonNode m = ConfigParser.mapper().readTree(ExplorerServer.model());
        List<String> rules = new ArrayList<>();
        m.get("rules").fieldNames().forEachRemaining(rules::add);
        assertEquals(Rules.names(), rules);
        for (RuleType r : Rules.all()) {
            JsonNode n = m.get("rules").get(r.name());
            assertEquals(r.closedForm(), n.get("closedForm").asBoolean(), r.name());
            assertEquals(r.controlVariate(), n.get("controlVariate").asBoolean(), r.name());
        }
        // the page draws the first-order closed form beside a rule whose exact engine is built on it
        assertEquals(Rules.AFA.name(), m.get("rules").get(Rules.PEPITA.name()).get("firstOrder").asText());
        // the page opens on a registered rule with closed forms (it holds no rule name of its own)
        assertEquals(Rules.AFA.name(), m.get("defaultRule").asText());
        assertTrue(Rules.byName(m.get("defaultRule").asText()).closedForm());
        // the activation the page opens on is the config's default, from the registry
        assertEquals(org.forwardonly.theory.activation.Activation.ERF.configName(), m.get("defaultActivation").asText());
        assertTrue(m.get("activations").get("erf").get("closedForm").asBoolean());
        assertFalse(m.get("activations").get("relu").get("closedForm").asBoolean());
    }
}
