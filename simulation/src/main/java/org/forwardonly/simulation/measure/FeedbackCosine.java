package org.forwardonly.simulation.measure;

/**
 * The alignment cos(v, feedback) between the second layer and the feedback that drives the
 * first layer: b for fa, −s c for afa, pepita and ff (their effective FA feedback, docs/model.md §2),
 * v itself for bp (so 1).
 */
public final class FeedbackCosine {
    private FeedbackCosine() {}

    /** cos(v, feedback) for {@code rule}; NaN when either vector is zero. */
    public static double of(org.forwardonly.theory.rules.RuleType rule, double[] v, double[] b, double[] c, int s) {
        return org.forwardonly.theory.state.FeedbackColumns.cosine(rule, v, b, c, s); // one definition for ode and simulate
    }
}
