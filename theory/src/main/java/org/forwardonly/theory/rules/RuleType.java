package org.forwardonly.theory.rules;

import java.util.Objects;
import java.util.function.Function;

/**
 * A learning rule as the model knows it, resolved once from its config name by {@link Rules}: how to
 * build its per-sample map ({@link LearningRule}), the feedback that drives its first layer (and so its
 * state layout, docs/model.md §2-3), whether it has closed-form ODEs (§4), which options it supports,
 * and how figures name and colour it. Past the config boundary code asks this object, never the name.
 *
 * <p>Instances are registered once in {@link Rules}; equality is identity.
 */
public final class RuleType {

    /** The feedback that carries the error to the first layer (docs/model.md §2). */
    public enum Feedback {
        /** The second layer v itself (bp). */
        SELF,
        /** A fixed random vector b, a constant of the state (fa). */
        FIXED,
        /** The projection c of the feedback vector F, with d and P packed in the state (afa, pepita, ff). */
        ADAPTIVE
    }

    private final String name;
    private final String label;
    private final int colour;
    private final Feedback feedback;
    private final boolean closedForm;
    private final boolean modulatedPass;
    private final String firstOrderName;
    private final boolean controlVariate;
    private final Function<Boolean, LearningRule> factory;

    /**
     * @param name           the config name (the value of key {@code rule})
     * @param label          the name as text and figures write it ("PEPITA")
     * @param colour         its colour in figures, 0xRRGGBB
     * @param feedback       the feedback that drives the first layer
     * @param closedForm     whether docs/model.md §4's closed forms exist for it (with erf or linear)
     * @param modulatedPass  whether it has a modulated pass h̃, so that key {@code lastLayer} applies
     * @param firstOrderName the registered rule whose closed form is this rule's theory to first order in F
     *                       (pepita, ff: afa), or null
     * @param controlVariate whether the exact engine subtracts {@code firstOrderName}'s closed form as a
     *                       control variate (docs/model.md §8)
     * @param factory        its per-sample map, given whether the last layer learns from h̃
     */
    public RuleType(String name, String label, int colour, Feedback feedback, boolean closedForm, boolean modulatedPass,
                    String firstOrderName, boolean controlVariate, Function<Boolean, LearningRule> factory) {
        this.name = Objects.requireNonNull(name);
        this.label = Objects.requireNonNull(label);
        this.colour = colour;
        this.feedback = Objects.requireNonNull(feedback);
        this.closedForm = closedForm;
        this.modulatedPass = modulatedPass;
        this.firstOrderName = firstOrderName;
        this.controlVariate = controlVariate;
        this.factory = Objects.requireNonNull(factory);
        if (controlVariate && firstOrderName == null) {
            throw new IllegalArgumentException("rule " + name + ": a control variate needs a first-order rule");
        }
    }

    /** The config name. */
    public String name() { return name; }

    /** The name as text and figures write it (BP, PEPITA). */
    public String label() { return label; }

    /** Its colour in figures, 0xRRGGBB. */
    public int colour() { return colour; }

    /** The feedback that drives the first layer. */
    public Feedback feedback() { return feedback; }

    /** True when the rule reads F (through c, φ or β), so that c, d and P are in its state. */
    public boolean usesF() { return feedback == Feedback.ADAPTIVE; }

    /** True when the fixed feedback b is a constant of its state (fa). */
    public boolean hasB() { return feedback == Feedback.FIXED; }

    /** Whether closed-form ODEs exist for it (docs/model.md §4). */
    public boolean closedForm() { return closedForm; }

    /** Whether it has a modulated pass h̃ (key {@code lastLayer} applies). */
    public boolean modulatedPass() { return modulatedPass; }

    /** The rule whose closed form is this rule's first-order theory in F (pepita, ff: afa), or null. */
    public RuleType firstOrder() { return firstOrderName == null ? null : Rules.byName(firstOrderName); }

    /** Whether the exact engine uses {@link #firstOrder()}'s closed form as a control variate (pepita). */
    public boolean controlVariate() { return controlVariate; }

    /**
     * Its per-sample map.
     *
     * @param modulatedLastLayer the {@code lastLayer} option: true for h̃
     */
    public LearningRule create(boolean modulatedLastLayer) {
        return factory.apply(modulatedLastLayer);
    }

    /** The config name (messages and the resolved config.json write it). */
    @Override public String toString() { return name; }
}
