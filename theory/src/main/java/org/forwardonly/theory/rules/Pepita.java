package org.forwardonly.theory.rules;

/**
 * {@code pepita}: two forward passes, the second on x̃ = x + s F e (docs/model.md §2).
 * λ̃ = λ + s c e, h̃ = g(λ̃), δ_k = h_k − h̃_k, x_pre = x̃ (hence β_k = s e δ_k).
 */
public final class Pepita implements LearningRule {
    private final boolean modulatedLastLayer;

    /** @param modulatedLastLayer true: the second layer learns from h̃ (default); false: from h */
    public Pepita(boolean modulatedLastLayer) {
        this.modulatedLastLayer = modulatedLastLayer;
    }


    @Override public boolean usesFeedbackVector() { return true; }

    @Override
    public double incrementsPrepared(SampleContext u, double[] delta, double[] beta, double[] hPre) {
        double e = u.e;
        for (int k = 0; k < u.K; k++) {
            double h = u.h[k];
            double hTilde = u.hTildeGiven ? u.hTilde[k] : u.g.g(u.lambda[k] + u.s * u.c[k] * e);
            delta[k] = h - hTilde;
            beta[k] = u.s * e * delta[k];
            hPre[k] = modulatedLastLayer ? hTilde : h;
        }
        return e;
    }

    /** λ̃_k = λ_k + s c_k e and h̃_k = g(λ̃_k) of a block of samples (the second pass above, block by block). */
    @Override
    public boolean secondPassOfBlock(double[][] lambda, double[] e, int n, SampleContext u, double[][] hTilde,
                                     double[][] work, double[][] scratch) {
        for (int k = 0; k < u.K; k++) {
            double sc = u.s * u.c[k];
            double[] lam = lambda[k], lamTilde = work[k];
            for (int b = 0; b < n; b++) lamTilde[b] = lam[b] + sc * e[b];
            u.g.gBlock(lamTilde, hTilde[k], n, scratch);
        }
        return true;
    }
}
