package org.forwardonly.theory.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of learning rules: the one place that maps a config name to a {@link RuleType}
 * (docs/extending.md: adding a rule is its {@link LearningRule}, a line here, and its docs and tests).
 */
public final class Rules {
    private Rules() {}

    private static final Map<String, RuleType> REGISTRY = Collections.synchronizedMap(new LinkedHashMap<>());

    // Okabe-Ito colours, as plots' Palette names them
    /** Backpropagation. */
    public static final RuleType BP = register(new RuleType("bp", "BP", 0x000000, RuleType.Feedback.SELF,
            true, false, null, false, m -> new Backpropagation()));
    /** Feedback alignment. */
    public static final RuleType FA = register(new RuleType("fa", "FA", 0x009e73, RuleType.Feedback.FIXED,
            true, false, null, false, m -> new FeedbackAlignment()));
    /** Adaptive feedback alignment, PEPITA to first order in F. */
    public static final RuleType AFA = register(new RuleType("afa", "AFA", 0x0072b2, RuleType.Feedback.ADAPTIVE,
            true, true, null, false, AdaptiveFeedbackAlignment::new));
    /** PEPITA. */
    public static final RuleType PEPITA = register(new RuleType("pepita", "PEPITA", 0xd55e00, RuleType.Feedback.ADAPTIVE,
            false, true, "afa", true, Pepita::new));
    /** Forward-forward in PEPITA's form. */
    public static final RuleType FF = register(new RuleType("ff", "FF", 0xcc79a7, RuleType.Feedback.ADAPTIVE,
            false, false, "afa", false, m -> new ForwardForward()));

    /**
     * Adds a rule (a test's, or an extension's); its name must be new.
     *
     * @return {@code rule}, for a constant's initialiser
     */
    public static RuleType register(RuleType rule) {
        synchronized (REGISTRY) {
            if (REGISTRY.containsKey(rule.name())) throw new IllegalArgumentException("rule '" + rule.name() + "' is already registered");
            REGISTRY.put(rule.name(), rule);
        }
        return rule;
    }

    /**
     * Removes a rule added by {@link #register} (a test's, once it is done, so that other tests see the
     * built-in registry); the built-in rules stay.
     */
    public static void unregister(RuleType rule) {
        if (rule == BP || rule == FA || rule == AFA || rule == PEPITA || rule == FF) {
            throw new IllegalArgumentException("rule '" + rule.name() + "' is built in");
        }
        REGISTRY.remove(rule.name(), rule);
    }

    /** Every registered rule, in registration order. */
    public static List<RuleType> all() {
        synchronized (REGISTRY) {
            return List.copyOf(REGISTRY.values());
        }
    }

    /** Every registered config name, in registration order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (RuleType r : all()) names.add(r.name());
        return names;
    }

    /** The rule of a config name, if registered. */
    public static Optional<RuleType> find(String name) {
        return Optional.ofNullable(REGISTRY.get(name));
    }

    /**
     * The rule of a config name; IllegalArgumentException listing the registered names otherwise.
     *
     * @param name a registered config name ("bp", "fa", "afa", "pepita", "ff")
     */
    public static RuleType byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown rule '" + name + "' (allowed: " + String.join(", ", names()) + ")"));
    }

    /**
     * The per-sample map of a config name (tests and benchmarks; the model resolves {@link RuleType} once).
     *
     * @param name a registered config name
     * @param modulatedLastLayer the {@code lastLayer} option: true for h̃ (pepita, afa)
     */
    public static LearningRule byName(String name, boolean modulatedLastLayer) {
        return byName(name).create(modulatedLastLayer);
    }
}
