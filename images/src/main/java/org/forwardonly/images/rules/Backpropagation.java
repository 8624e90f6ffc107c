package org.forwardonly.images.rules;

import org.forwardonly.images.network.TwoLayerNetwork;

/** Backpropagation: the error returns through W2 itself, so the directions are the exact gradient of the mean cross-entropy. */
public final class Backpropagation extends ErrorFeedbackRule {

    /** @param maxRows the largest batch */
    public Backpropagation(TwoLayerNetwork net, int maxRows) {
        super(net, maxRows);
    }

    @Override
    double[] feedbackPath(TwoLayerNetwork net) {
        return net.w2;
    }

    @Override
    public String name() {
        return TwoLayerRuleName.BP.configName();
    }
}
