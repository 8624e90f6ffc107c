package org.forwardonly.theory.rules;

import org.forwardonly.theory.activation.Activation;

/**
 * What a learning rule sees for one sample: the local fields {@code u = (λ, ν, φ, ζ)} and the
 * slow variables of the network (docs/model.md §1-2). Mutable scratch for hot loops: the
 * simulation fills it from real weights and an input x, the numerical ODE engine from a
 * quadrature node of the Gaussian fields. Nothing here allocates.
 */
public final class SampleContext {
    /** Student hidden units K and teacher hidden units M. */
    public final int K, M;
    /** Student local fields λ_k = w_k·x/√N. */
    public final double[] lambda;
    /** Teacher local fields ν_m = w*_m·x/√N. */
    public final double[] nu;
    /** φ = x·F, the input's projection on the top-down feedback vector. */
    public double phi;
    /** ζ ~ N(0,1), the label noise (label y = Σ v*_m g*(ν_m) + σ ζ). */
    public double zeta;

    /** Student second layer v_k. */
    public final double[] v;
    /** Teacher second layer v*_m. */
    public final double[] vStar;
    /** Fixed feedback b_k of {@code fa}. */
    public final double[] b;
    /** Adaptive feedback c_k = w_k·F/√N. */
    public final double[] c;
    /** P = |F|². */
    public double P;
    /** Modulation sign s of x̃ = x + s F e. */
    public double s = -1.0;
    /** Output noise σ. */
    public double sigma;
    /** Student and teacher activations. */
    public final Activation g, gTeacher;

    /** Scratch for rules: h̃ or the FF goodness gradient of the modulated pass. */
    final double[] scratch;
    /** g'(λ_k) of the current sample, for {@link FeedbackRule#incrementsGivenFeedback}. */
    final double[] slope;

    /** h_k = g(λ_k) of the clean pass, set by {@link #prepare()} (or by an engine, {@link #prepared}). */
    public final double[] h;
    /** The error e = ŷ − y of the clean pass, set by {@link #prepare()} or {@link #prepared}. */
    public double e;
    /**
     * The second forward pass h̃_k of the current sample when an engine computed it for a block of
     * samples ({@link LearningRule#secondPassOfBlock}); read by the rule only while {@link #hTildeGiven}.
     */
    public final double[] hTilde;
    /** Whether {@link #hTilde} holds the current sample's second pass. */
    public boolean hTildeGiven;

    /** A context for K student and M teacher units. */
    public SampleContext(int K, int M, Activation g, Activation gTeacher) {
        this.K = K;
        this.M = M;
        this.g = g;
        this.gTeacher = gTeacher;
        lambda = new double[K];
        nu = new double[M];
        v = new double[K];
        vStar = new double[M];
        b = new double[K];
        c = new double[K];
        scratch = new double[K];
        slope = new double[K];
        hTilde = new double[K];
        h = new double[K];
    }

    /**
     * Computes the clean pass of the current fields once, h_k = g(λ_k) and e = ŷ − y (the sums in
     * the same order as {@link #error()}, so the same bits), for rules to read; returns e. Call after
     * setting λ, ν and ζ, before {@link LearningRule#incrementsPrepared}.
     */
    public double prepare() {
        double yHat = 0;
        for (int k = 0; k < K; k++) {
            h[k] = g.g(lambda[k]);
            yHat += v[k] * h[k];
        }
        e = yHat - teacherOutput() - sigma * zeta;
        return e;
    }

    /**
     * The clean pass computed elsewhere, as {@link #prepare()} would (an engine evaluating a block of
     * samples at once): h holds g(λ_k) of the current sample, and {@code error} is its e = ŷ − y* − σ ζ.
     */
    public void prepared(double error) {
        e = error;
    }

    /** The student output ŷ = Σ_k v_k g(λ_k). */
    public double studentOutput() {
        double yHat = 0;
        for (int k = 0; k < K; k++) yHat += v[k] * g.g(lambda[k]);
        return yHat;
    }

    /** The noiseless teacher output Σ_m v*_m g*(ν_m). */
    public double teacherOutput() {
        double y = 0;
        for (int m = 0; m < M; m++) y += vStar[m] * gTeacher.g(nu[m]);
        return y;
    }

    /** The error e = ŷ − y with y including the label noise σζ (docs/model.md §1). */
    public double error() {
        return studentOutput() - teacherOutput() - sigma * zeta;
    }
}
