package org.forwardonly.simulation.training;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.network.RowProducts;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.rules.LearningRule;
import org.forwardonly.theory.rules.SampleContext;

/**
 * Online SGD of one finite-N student on its teacher (docs/model.md §1-2), with any rule of
 * {@link org.forwardonly.theory.rules}: per sample the trainer draws x ~ N(0, I_N) and the label
 * noise ζ, computes the fields λ = Wx/√N, ν = W*x/√N and φ = x·F, asks the rule for (δ, β, h_pre)
 * and applies
 *
 * <pre>
 *   w_k ← w_k − (η/√N)(δ_k x + β_k F),    v_k ← v_k − (η_v/N) e h_pre,k
 * </pre>
 *
 * averaged over a minibatch of B samples (docs/model.md §7; one call of {@link #step()} is one
 * minibatch, time advances by 1/N). The adaptive feedback c_k = w_k·F/√N is carried along
 * exactly (Δc_k = −(η/√N)(δ_k φ + β_k P)/√N) instead of recomputed. Nothing is allocated per step.
 */
public final class OnlineTrainer {
    private final Network net;
    private final LearningRule rule;
    private final SampleContext u;
    private final boolean usesF;
    private final int N, K, M, B;
    private final double invSqrtN;
    /** η/√N and η_v/N, divided by B. */
    private final double stepW, stepV;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final FeedbackUpdate feedbackUpdate;

    private final double[] x;
    private final double[] delta, beta, hPre;
    /** Minibatch accumulators (B > 1 only): Σ δ_k x, Σ β_k, Σ (δ_k φ + β_k P), Σ e h_pre. */
    private final double[] dW, betaSum, dc, dv;
    private long steps;

    /**
     * @param net the weights, trained in place
     * @param rule the learning rule
     * @param g student activation
     * @param gTeacher teacher activation
     * @param eta first-layer rate η
     * @param etaV second-layer rate η_v
     * @param sigma label noise σ
     * @param modulationSign s of x̃ = x + s F e
     * @param batchSize B
     * @param samples the random stream of inputs and label noise (this trainer's alone)
     * @param feedbackUpdate called after each step (weight mirroring), or null
     */
    public OnlineTrainer(Network net, LearningRule rule, Activation g, Activation gTeacher, double eta,
                         double etaV, double sigma, int modulationSign, int batchSize,
                         UniformRandomProvider samples, FeedbackUpdate feedbackUpdate) {
        this.net = net;
        this.rule = rule;
        this.N = net.N;
        this.K = net.K;
        this.M = net.M;
        this.B = batchSize;
        this.usesF = rule.usesFeedbackVector();
        this.invSqrtN = 1.0 / Math.sqrt(N);
        this.stepW = eta * invSqrtN / batchSize;
        this.stepV = etaV / N / batchSize;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(samples);
        this.feedbackUpdate = feedbackUpdate;
        u = new SampleContext(K, M, g, gTeacher);
        u.sigma = sigma;
        u.s = modulationSign;
        System.arraycopy(net.vStar, 0, u.vStar, 0, M);
        System.arraycopy(net.b, 0, u.b, 0, K);
        x = new double[N];
        delta = new double[K];
        beta = new double[K];
        hPre = new double[K];
        dW = batchSize > 1 ? new double[K * N] : null;
        betaSum = new double[K];
        dc = new double[K];
        dv = new double[K];
        syncFeedback();
    }

    /** The network being trained. */
    public Network network() {
        return net;
    }

    /** Minibatch steps taken so far (time t = steps/N). */
    public long steps() {
        return steps;
    }

    /** Runs minibatch steps until {@code steps() == targetStep}. */
    public void advanceTo(long targetStep) {
        while (steps < targetStep) step();
    }

    /** One minibatch step: B fresh samples, their increments averaged. */
    public void step() {
        System.arraycopy(net.v, 0, u.v, 0, K);
        if (B == 1) {
            drawSample();
            apply(x, increments(x));
        } else {
            for (int k = 0; k < K; k++) {
                betaSum[k] = 0;
                dc[k] = 0;
                dv[k] = 0;
            }
            for (int n = 0; n < B; n++) {
                drawSample();
                accumulateSample();
            }
            applyBatch();
        }
        steps++;
        if (feedbackUpdate != null && feedbackUpdate.afterStep(net)) syncFeedback();
    }

    /**
     * Applies the update of one sample with a given input and label noise (B = 1 semantics,
     * full step size). Exposed for tests that check a single step against an independent
     * computation. Does not count as a step.
     */
    public void applySample(double[] input, double zeta) {
        System.arraycopy(net.v, 0, u.v, 0, K);
        u.zeta = zeta;
        apply(input, increments(input));
    }

    /** Applies the increments of one sample (in delta, beta, hPre) with error e. */
    private void apply(double[] input, double e) {
        double[] W = net.W, F = net.F;
        double etaW = stepW * B; // per-sample rate, η/√N
        for (int k = 0; k < K; k++) {
            double a = etaW * delta[k];
            double bF = etaW * beta[k];
            int o = k * N;
            if (bF == 0.0) RowProducts.axpy(W, o, -a, input, N);
            else RowProducts.axpy2(W, o, -a, input, -bF, F, N);
            if (usesF) u.c[k] -= (a * u.phi + bF * u.P) * invSqrtN; // c = w·F/√N
            net.v[k] -= stepV * B * e * hPre[k];
        }
    }

    /** The adaptive feedback c_k = w_k·F/√N as carried by the trainer (read-only view). */
    public double[] c() {
        return u.c;
    }

    /** Recomputes c = W F/√N and P = |F|² from the weights (after F changed). */
    public void syncFeedback() {
        if (!usesF) return;
        RowProducts.rowsTimes(net.W, K, N, net.F, invSqrtN, u.c, 0);
        u.P = RowProducts.dot(net.F, 0, net.F, 0, N);
    }

    private void drawSample() {
        for (int i = 0; i < N; i++) x[i] = gauss.sample();
        u.zeta = gauss.sample();
    }

    /** Fields of {@code input} and the rule's increments; returns the error e. */
    private double increments(double[] input) {
        RowProducts.rowsTimes(net.W, K, N, input, invSqrtN, u.lambda, 0);
        RowProducts.rowsTimes(net.Wstar, M, N, input, invSqrtN, u.nu, 0);
        if (usesF) u.phi = RowProducts.dot(net.F, 0, input, 0, N);
        double e = rule.increments(u, delta, beta, hPre);
        if (!Double.isFinite(e)) {
            throw new DivergedException("the error became " + e + " at t = " + (double) steps / N
                    + " (step " + steps + ")");
        }
        return e;
    }

    private void accumulateSample() {
        double e = increments(x);
        for (int k = 0; k < K; k++) {
            double dk = delta[k];
            int o = k * N;
            for (int i = 0; i < N; i++) dW[o + i] += dk * x[i];
            betaSum[k] += beta[k];
            if (usesF) dc[k] += dk * u.phi + beta[k] * u.P;
            dv[k] += e * hPre[k];
        }
    }

    private void applyBatch() {
        double[] W = net.W, F = net.F;
        for (int k = 0; k < K; k++) {
            double bF = stepW * betaSum[k];
            int o = k * N;
            if (bF == 0.0) {
                for (int i = 0; i < N; i++) {
                    W[o + i] -= stepW * dW[o + i];
                    dW[o + i] = 0;
                }
            } else {
                for (int i = 0; i < N; i++) {
                    W[o + i] -= stepW * dW[o + i] + bF * F[i];
                    dW[o + i] = 0;
                }
            }
            if (usesF) u.c[k] -= stepW * dc[k] * invSqrtN;
            net.v[k] -= stepV * dv[k];
        }
    }
}
