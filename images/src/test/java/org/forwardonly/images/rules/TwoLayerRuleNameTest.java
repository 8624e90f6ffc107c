package org.forwardonly.images.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two-layer rule names: the strings users type and results record must not change (issue 25). */
class TwoLayerRuleNameTest {

    @Test
    void configNamesAreTheRecordedOnesInOrder() {
        assertEquals(List.of("bp", "fa", "pepita", "pepita-wm"),
                Arrays.stream(TwoLayerRuleName.values()).map(TwoLayerRuleName::configName).toList());
        for (TwoLayerRuleName r : TwoLayerRuleName.values()) {
            assertEquals(r, TwoLayerRuleName.of(r.configName()));
            assertEquals(r.configName(), r.toString(), "concatenation writes the config name");
        }
    }

    @Test
    void unknownNameIsTheSameOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TwoLayerRuleName.of("sgd"));
        assertEquals("--rules: invalid value 'sgd' (allowed: bp, fa, pepita, pepita-wm)", e.getMessage());
        // case matters, as before: "BP" (the enum constant's name) is not a rule name
        assertThrows(IllegalArgumentException.class, () -> TwoLayerRuleName.of("BP"));
        assertNull(TwoLayerRuleName.find("PEPITA_WM"));
    }
}
