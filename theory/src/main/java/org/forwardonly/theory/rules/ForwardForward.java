package org.forwardonly.theory.rules;

/**
 * {@code ff}: Forward-Forward with the top-down-modulated pass as the contrast (docs/model.md §2).
 * With goodness G(h) = ½|h|² and u(λ) = g(λ) g'(λ),
 * Δw_k = (η/√N) [u(λ̃_k) x̃ − u(λ_k) x], so δ_k = u(λ_k) − u(λ̃_k) and β_k = −s e u(λ̃_k).
 * The second layer learns from h̃.
 */
public final class ForwardForward implements LearningRule {

    @Override public boolean usesFeedbackVector() { return true; }

    @Override
    public double incrementsPrepared(SampleContext u, double[] delta, double[] beta, double[] hPre) {
        double e = u.e;
        for (int k = 0; k < u.K; k++) {
            double lam = u.lambda[k];
            double lamTilde = lam + u.s * u.c[k] * e;
            double goodGrad = u.h[k] * u.g.gPrime(lam);
            double hTilde = u.g.g(lamTilde);
            double goodGradTilde = hTilde * u.g.gPrime(lamTilde);
            delta[k] = goodGrad - goodGradTilde;
            beta[k] = -u.s * e * goodGradTilde;
            hPre[k] = hTilde;
        }
        return e;
    }
}
