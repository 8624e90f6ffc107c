package org.forwardonly.simulation.mirroring;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.network.RowProducts;
import org.forwardonly.simulation.training.FeedbackUpdate;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.config.Mirroring;
import org.forwardonly.theory.init.NetworkDraw;

/**
 * Weight mirroring of the feedback vector F (docs/model.md §6), run by the trainer after every
 * learning step ({@link FeedbackUpdate}): r mirroring steps, each injecting input noise
 * ξ ~ N(0, a² I_N), reading the student's response ŷ(ξ) = Σ_k v_k g(w_k·ξ/√N) and updating
 *
 * <pre>
 *   F ← F + (η_wm/N) (ξ ŷ(ξ) − λ_wm F)          then, with rescale, F ← σ_F F/|F|
 * </pre>
 *
 * The noise has its own random stream (the seed's generator jumped three times: the draw,
 * training and test streams come before it), so turning mirroring on does not change the
 * training samples. Allocation-free per step.
 */
public final class WeightMirroring implements FeedbackUpdate {
    private final Mirroring mirroring;
    private final Activation g;
    private final double sigmaF;
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final double[] xi;
    private final double[] mu;

    /**
     * @param mirroring the parameters (a, r, η_wm, λ_wm, rescale)
     * @param g the student activation
     * @param sigmaF the norm F is rescaled to (rescale only)
     * @param N input dimension
     * @param K student hidden units
     * @param noise the random stream of the mirroring noise (this instance's alone)
     */
    public WeightMirroring(Mirroring mirroring, Activation g, double sigmaF, int N, int K, UniformRandomProvider noise) {
        this.mirroring = mirroring;
        this.g = g;
        this.sigmaF = sigmaF;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(noise);
        this.xi = new double[N];
        this.mu = new double[K];
    }

    /** Weight mirroring of F per seed (docs/model.md §6) when the config asks for it, else null (for {@code Simulation.run}). */
    public static java.util.function.LongFunction<org.forwardonly.simulation.training.FeedbackUpdate> perSeed(ExperimentConfig config) {
        return config.mirroring() == null ? null : seed -> of(config, seed);
    }

    /** The mirroring of {@code config} for one seed, on that seed's mirroring stream. */
    public static WeightMirroring of(ExperimentConfig config, long seed) {
        JumpableUniformRandomProvider noise = (JumpableUniformRandomProvider) NetworkDraw.rng(seed);
        noise.jump();
        noise.jump();
        noise.jump();
        return new WeightMirroring(config.mirroring(), config.activation(),
                config.sigmaF(), config.N(), config.K(), noise);
    }

    @Override
    public boolean afterStep(Network net) {
        int N = net.N, K = net.K;
        double a = mirroring.a();
        double rate = mirroring.etaWm() / N;
        double keep = 1.0 - rate * mirroring.lambdaWm();
        double invSqrtN = 1.0 / Math.sqrt(N);
        double[] F = net.F;
        for (int step = 0; step < mirroring.r(); step++) {
            for (int i = 0; i < N; i++) xi[i] = a * gauss.sample();
            RowProducts.rowsTimes(net.W, K, N, xi, invSqrtN, mu, 0);
            double yHat = 0;
            for (int k = 0; k < K; k++) yHat += net.v[k] * g.g(mu[k]);
            // docs/model.md §6: F ← F + (η_wm/N)(ξ ŷ − λ_wm F)
            double push = rate * yHat;
            for (int i = 0; i < N; i++) F[i] = keep * F[i] + push * xi[i];
            if (mirroring.rescale()) {
                double scale = sigmaF / Math.sqrt(RowProducts.dot(F, 0, F, 0, N));
                for (int i = 0; i < N; i++) F[i] *= scale;
            }
        }
        return true;
    }
}
