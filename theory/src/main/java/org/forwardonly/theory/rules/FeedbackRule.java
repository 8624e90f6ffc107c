package org.forwardonly.theory.rules;

/**
 * The feedback-driven rules of docs/model.md §4 (bp, fa, afa): {@code δ_k = b_k g'(λ_k) e},
 * {@code x_pre = x}. They differ only in the feedback b they supply, which is all the
 * closed-form ODE engine needs to know about them.
 */
public abstract class FeedbackRule implements LearningRule {

    /**
     * Writes the feedback b_k for the current slow variables.
     *
     * @param v second layer v_k
     * @param bFixed fixed random feedback (fa)
     * @param c adaptive feedback c_k = w_k·F/√N (afa)
     * @param s modulation sign
     * @param out the feedback b_k
     */
    public abstract void feedback(double[] v, double[] bFixed, double[] c, double s, double[] out);

    /**
     * Whether the second layer learns from PEPITA's modulated pass h̃ to first order,
     * i.e. h_pre = g(λ) + s c e g'(λ). Only afa with lastLayer = htilde.
     */
    public boolean secondLayerFromModulatedPass() { return false; }

    /**
     * Whether the first layer's presynaptic input is PEPITA's modulated x̃ = x + s F e rather than
     * x, to first order: β_k = s e δ_k. Only {@link AdaptiveFeedbackAlignment#firstOrderPepita}, the
     * exact engine's control variate (docs/model.md §8); the afa rule keeps x.
     */
    public boolean modulatedInput() { return false; }

    @Override
    public final double incrementsPrepared(SampleContext u, double[] delta, double[] beta, double[] hPre) {
        feedback(u.v, u.b, u.c, u.s, u.scratch);
        return incrementsGivenFeedback(u, u.scratch, delta, beta, hPre);
    }

    /**
     * {@link #incrementsPrepared} with the feedback b_k already computed by {@link #feedback} for
     * the context's slow variables: b depends on v, b, c and s only, so an average over many
     * samples at one state computes it once (the exact engine's control variate).
     */
    public final double incrementsGivenFeedback(SampleContext u, double[] b, double[] delta, double[] beta, double[] hPre) {
        for (int k = 0; k < u.K; k++) u.slope[k] = u.g.gPrime(u.lambda[k]);
        return incrementsGivenSlopes(u, b, u.slope, delta, beta, hPre);
    }

    /**
     * {@link #incrementsGivenFeedback} with the slopes g'(λ_k) given too ({@code gPrime[k]}): the exact
     * engine computes them for a block of points at once ({@link org.forwardonly.theory.activation.Activation#gPrimeBlock}).
     */
    public final double incrementsGivenSlopes(SampleContext u, double[] b, double[] gPrime, double[] delta, double[] beta,
                                              double[] hPre) {
        double e = u.e;
        boolean tilde = secondLayerFromModulatedPass();
        boolean xTilde = modulatedInput();
        for (int k = 0; k < u.K; k++) {
            double gp = gPrime[k];
            delta[k] = b[k] * gp * e;
            beta[k] = xTilde ? u.s * e * delta[k] : 0.0;
            // docs/model.md §2: first-order h̃ = g(λ) + s c e g'(λ) when afa mimics PEPITA's last layer
            hPre[k] = tilde ? u.h[k] + u.s * u.c[k] * e * gp : u.h[k];
        }
        return e;
    }
}
