package org.forwardonly.plots.style;

import java.util.Map;

/**
 * Config keys and rule names as the figures write them, in docs/model.md's symbols: sigmaF is σ_F,
 * eta is η, afa is AFA. Keys without a symbol keep their name.
 */
public final class ModelLabels {
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("sigmaF", "σ_F"), Map.entry("eta", "η"), Map.entry("etaV", "η_v"), Map.entry("sigma", "σ"),
            Map.entry("alignF", "α_F"), Map.entry("tMax", "t_{max}"), Map.entry("batchSize", "B"),
            Map.entry("modulationSign", "s"));
    private static final Map<String, String> RULES = Map.of(
            "bp", "BP", "fa", "FA", "afa", "AFA", "pepita", "PEPITA", "ff", "FF");

    private ModelLabels() {}

    /** The symbol of a config key (label markup: σ_F), or the key itself. */
    public static String key(String key) {
        return KEYS.getOrDefault(key, key);
    }

    /** A rule's name as the text writes it (AFA, PEPITA), or the name itself. */
    public static String rule(String rule) {
        return RULES.getOrDefault(rule, rule);
    }

    /** An engine as a legend writes it: "simulation", "ODE" (the exact ODE for pepita and ff). */
    public static String engine(String engine, String rule) {
        if (!"ode".equals(engine)) return "sim".equals(engine) ? "simulation" : engine;
        return "pepita".equals(rule) || "ff".equals(rule) ? "exact ODE" : "ODE";
    }
}
