package org.forwardonly.plots.style;

import org.forwardonly.theory.rules.RuleType;
import org.forwardonly.theory.rules.Rules;

import java.util.Map;

/**
 * Config keys and rule names as the figures write them, in docs/model.md's symbols: sigmaF is σ_F,
 * eta is η, afa is AFA ({@link RuleType#label}). Keys without a symbol keep their name.
 */
public final class ModelLabels {
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("sigmaF", "σ_F"), Map.entry("eta", "η"), Map.entry("etaV", "η_v"), Map.entry("sigma", "σ"),
            Map.entry("alignF", "α_F"), Map.entry("tMax", "t_{max}"), Map.entry("batchSize", "B"),
            Map.entry("modulationSign", "s"));

    private ModelLabels() {}

    /** The symbol of a config key (label markup: σ_F), or the key itself. */
    public static String key(String key) {
        return KEYS.getOrDefault(key, key);
    }

    /**
     * A rule's name as the text writes it (AFA, PEPITA), or the name itself when no rule has it (a scan
     * spec's value, read at the config boundary).
     */
    public static String rule(String rule) {
        return Rules.find(rule).map(RuleType::label).orElse(rule);
    }

    /**
     * An engine as a legend writes it: "simulation", "ODE" ("exact ODE" for a rule without closed forms,
     * pepita and ff, whose ODE is the exact limit).
     *
     * @param rule the rule's config name, from a scan spec
     */
    public static String engine(String engine, String rule) {
        if (!"ode".equals(engine)) return "sim".equals(engine) ? "simulation" : engine;
        return Rules.find(rule).map(r -> !r.closedForm()).orElse(false) ? "exact ODE" : "ODE";
    }
}
