package org.forwardonly.images.rules;

import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.ForwardPass;
import org.forwardonly.images.network.TwoLayerNetwork;

/**
 * Rules that send the output error back to the hidden layer through a C×H matrix B:
 * {@code δ = (e B) ⊙ relu'(W1 x)}, {@code g1 = δᵀ x / rows}, {@code g2 = eᵀ h / rows}
 * (docs/model.md §2, δ_k = b_k g'(λ_k) e). B = W2 is backpropagation, a fixed random B is feedback alignment.
 */
abstract class ErrorFeedbackRule implements ImageRule {

    private final ForwardPass pass;
    private final double[] delta;

    ErrorFeedbackRule(TwoLayerNetwork net, int maxRows) {
        pass = new ForwardPass(net, maxRows);
        delta = new double[maxRows * net.hidden];
    }

    /** The C×H matrix that carries the error back. */
    abstract double[] feedbackPath(TwoLayerNetwork net);

    @Override
    public final double directions(TwoLayerNetwork net, BatchMatmul mm, double[] x, int[] labels, int rows,
                                   double[] g1t, double[] g2) {
        double loss = pass.run(net, mm, x, labels, rows);
        mm.multiply(pass.err, rows, net.classes, feedbackPath(net), net.hidden, delta);
        int len = rows * net.hidden;
        for (int k = 0; k < len; k++) {
            if (pass.h[k] <= 0) {          // relu'(z) = 1[z > 0]; h = relu(z) > 0 iff z > 0
                delta[k] = 0;
            }
        }
        double inv = 1.0 / rows;
        mm.multiplyTransposedA(x, rows, net.inputs, delta, net.hidden, inv, g1t);
        mm.multiplyTransposedA(pass.err, rows, net.classes, pass.h, net.hidden, inv, g2);
        return loss;
    }
}
