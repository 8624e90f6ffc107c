package org.forwardonly.theory.rules;

/**
 * {@code afa}: PEPITA linearised in F, FA with the adaptive feedback b = −s c (docs/model.md §2).
 * With {@code lastLayer = htilde} the second layer also learns from the first-order h̃.
 */
public final class AdaptiveFeedbackAlignment extends FeedbackRule {
    private final boolean modulatedLastLayer;
    private final boolean modulatedInput;

    /** @param modulatedLastLayer true for PEPITA's default last layer (h̃), false for h */
    public AdaptiveFeedbackAlignment(boolean modulatedLastLayer) {
        this(modulatedLastLayer, false);
    }

    private AdaptiveFeedbackAlignment(boolean modulatedLastLayer, boolean modulatedInput) {
        this.modulatedLastLayer = modulatedLastLayer;
        this.modulatedInput = modulatedInput;
    }

    /**
     * PEPITA to first order in F, every part of it: afa's δ and last layer, and the modulated
     * presynaptic input x̃ (β_k = s e δ_k) that afa drops (docs/model.md §5). Not a config rule: the
     * exact engine's control variate (docs/model.md §8), whose drift is closed-form.
     */
    public static AdaptiveFeedbackAlignment firstOrderPepita(boolean modulatedLastLayer) {
        return new AdaptiveFeedbackAlignment(modulatedLastLayer, true);
    }

    @Override public boolean modulatedInput() { return modulatedInput; }


    @Override public boolean usesFeedbackVector() { return true; }

    @Override public boolean secondLayerFromModulatedPass() { return modulatedLastLayer; }

    @Override
    public void feedback(double[] v, double[] bFixed, double[] c, double s, double[] out) {
        for (int k = 0; k < out.length; k++) out[k] = -s * c[k];
    }
}
