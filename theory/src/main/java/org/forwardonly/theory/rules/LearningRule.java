package org.forwardonly.theory.rules;

/**
 * One learning rule of docs/model.md §2, defined once as the per-sample map
 * {@code u ↦ (δ, β, h_pre)} (docs/model.md §2, §8): for every rule
 *
 * <pre>
 *   w_k ← w_k − (η/√N) (δ_k x + β_k F)        first layer
 *   v_k ← v_k − (η_v/N) e h_pre,k             second layer
 * </pre>
 *
 * The simulation applies the map to real weights; the numerical ODE engine averages the
 * increments it induces on the order parameters over Gaussian fields. Both use this code, so
 * theory and simulation cannot drift apart.
 */
public interface LearningRule {

    /**
     * Computes the per-sample increments. Allocation-free.
     *
     * @param u     fields and slow variables of this sample
     * @param delta out: δ_k, the coefficient of x in −Δw_k √N/η
     * @param beta  out: β_k, the coefficient of F in −Δw_k √N/η (zero for bp, fa, afa)
     * @param hPre  out: the presynaptic activity of the second layer
     * @return the error e = ŷ − y of the clean pass, which multiplies h_pre in Δv
     */
    default double increments(SampleContext u, double[] delta, double[] beta, double[] hPre) {
        u.prepare();
        return incrementsPrepared(u, delta, beta, hPre);
    }

    /**
     * As {@link #increments}, when the clean pass is already in the context ({@link SampleContext#prepare()}
     * or {@link SampleContext#prepared}; reads {@code u.h} and {@code u.e}): the exact engine prepares a point once for
     * a rule and its control variate.
     */
    double incrementsPrepared(SampleContext u, double[] delta, double[] beta, double[] hPre);

    /**
     * For an engine that evaluates a block of samples at once: the rule's second forward pass, if it
     * has one, for every sample of the block, so that {@link #incrementsPrepared} reads it from
     * {@link SampleContext#hTilde} instead of computing it sample by sample. Returns false (and
     * writes nothing) for rules with a single pass.
     *
     * @param lambda   lambda[k][b], the student fields of the block's samples
     * @param e        e[b], their clean-pass errors
     * @param n        samples in the block
     * @param u        the slow variables (c, s, g) of the block, all samples alike
     * @param hTilde   out: hTilde[k][b]
     * @param work     work[k][b], a row per unit, for the modulated fields
     * @param scratch  {@link org.forwardonly.theory.activation.Activation#blockScratch}
     */
    default boolean secondPassOfBlock(double[][] lambda, double[] e, int n, SampleContext u, double[][] hTilde,
                                      double[][] work, double[][] scratch) {
        return false;
    }

    /** True when the rule reads F (through c, φ or β): afa, pepita, ff. */
    default boolean usesFeedbackVector() { return false; }
}
