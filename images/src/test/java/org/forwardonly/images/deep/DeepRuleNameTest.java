package org.forwardonly.images.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deep rule names and the table rows built from them must not change (issue 25). */
class DeepRuleNameTest {

    @Test
    void configNamesAreTheRecordedOnesInOrder() {
        assertEquals(List.of("bp", "fa", "dfa", "ff", "pepita", "pepita-hebbian", "pepita-tl", "pepita-wm"),
                DeepConfig.RULES.stream().map(DeepRuleName::configName).toList());
        for (DeepRuleName r : DeepRuleName.values()) {
            assertEquals(r, DeepRuleName.of(r.configName()));
        }
    }

    @Test
    void unknownNameIsTheSameOneLineError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeepRuleName.of("sgd"));
        assertEquals("--rules: invalid value 'sgd' (allowed: bp, fa, dfa, ff, pepita, pepita-hebbian, pepita-tl, pepita-wm)",
                e.getMessage());
    }

    @Test
    void tableRowsKeepTheirLabelsAndRules() {
        assertEquals(List.of("bp", "fa", "dfa", "ff", "pepita", "pepita-hebbian", "pepita-wm", "pepita-tl"),
                Protocol.TABLE1.rows().stream().map(Protocol.Row::label).toList());
        assertEquals(List.of("pepita", "pepita + wd", "pepita + wd + norm", "pepita + wd + norm + wm"),
                Protocol.TABLE2.rows().subList(0, 4).stream().map(Protocol.Row::label).toList());
        assertEquals("pepita-wm wd 1e-04, pre-mirror 1000", Protocol.FIG3.rows().get(2).config().rule() + " "
                + Protocol.FIG3.rows().get(2).config().options());
        assertEquals(List.of("bp + wd", "fa + wd", "dfa + wd", "pepita + wd", "pepita-wm + wd"),
                Protocol.TABLES1.rows().subList(0, 5).stream().map(Protocol.Row::label).toList());
    }
}
