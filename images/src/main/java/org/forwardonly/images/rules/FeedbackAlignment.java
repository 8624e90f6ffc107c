package org.forwardonly.images.rules;

import org.apache.commons.rng.UniformRandomProvider;
import org.forwardonly.images.network.TwoLayerNetwork;

/**
 * Feedback alignment (Lillicrap et al. 2016): the error returns through a fixed random C×H matrix B,
 * drawn like W2 (He-uniform, {@code U(±√(6/H))}).
 */
public final class FeedbackAlignment extends ErrorFeedbackRule {

    private final double[] b;

    /** @param rng the generator of B */
    public FeedbackAlignment(TwoLayerNetwork net, int maxRows, UniformRandomProvider rng) {
        super(net, maxRows);
        b = new double[net.classes * net.hidden];
        double bound = Math.sqrt(6.0 / net.hidden);
        for (int k = 0; k < b.length; k++) {
            b[k] = bound * (2 * rng.nextDouble() - 1);
        }
    }

    @Override
    double[] feedbackPath(TwoLayerNetwork net) {
        return b;
    }

    @Override
    public String name() {
        return TwoLayerRuleName.FA.configName();
    }
}
