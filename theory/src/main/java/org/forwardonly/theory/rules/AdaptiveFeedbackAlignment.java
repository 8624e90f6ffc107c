package org.forwardonly.theory.rules;

/**
 * {@code afa}: PEPITA linearised in F, FA with the adaptive feedback b = −s c (docs/model.md §2).
 * With {@code lastLayer = htilde} the second layer also learns from the first-order h̃.
 */
public final class AdaptiveFeedbackAlignment extends FeedbackRule {
    private final boolean modulatedLastLayer;

    /** @param modulatedLastLayer true for PEPITA's default last layer (h̃), false for h */
    public AdaptiveFeedbackAlignment(boolean modulatedLastLayer) {
        this.modulatedLastLayer = modulatedLastLayer;
    }

    @Override public String configName() { return "afa"; }

    @Override public boolean usesFeedbackVector() { return true; }

    @Override public boolean secondLayerFromModulatedPass() { return modulatedLastLayer; }

    @Override
    public void feedback(double[] v, double[] bFixed, double[] c, double s, double[] out) {
        for (int k = 0; k < out.length; k++) out[k] = -s * c[k];
    }
}
