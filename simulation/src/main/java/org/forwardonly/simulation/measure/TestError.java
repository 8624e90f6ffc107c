package org.forwardonly.simulation.measure;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.network.RowProducts;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.rules.SampleContext;

/**
 * A test-set estimate of the error: the mean of ½e² over fresh samples, label noise included,
 * so its expectation is ε_g + σ²/2 (docs/model.md §7). The samples come from this estimator's own
 * random stream, so measuring never changes the training trajectory.
 */
public final class TestError {
    private final ZigguratSampler.NormalizedGaussian gauss;
    private final SampleContext u;
    private final double[] x;
    private final int N;

    /**
     * @param N input dimension
     * @param K student units
     * @param M teacher units
     * @param g student activation
     * @param gTeacher teacher activation
     * @param sigma label noise σ
     * @param samples the estimator's own random stream
     */
    public TestError(int N, int K, int M, Activation g, Activation gTeacher, double sigma,
                     UniformRandomProvider samples) {
        this.N = N;
        this.gauss = ZigguratSampler.NormalizedGaussian.of(samples);
        this.u = new SampleContext(K, M, g, gTeacher);
        this.u.sigma = sigma;
        this.x = new double[N];
    }

    /** Test samples between two progress reports. */
    static final int REPORT_EVERY = 4096;

    /** Mean ½e² over {@code size} fresh samples (NaN when size is 0). */
    public double estimate(Network net, int size) {
        return estimate(net, size, n -> { });
    }

    /**
     * As {@link #estimate(Network, int)}, telling {@code samplesDone} every {@value #REPORT_EVERY} samples how many
     * were drawn since its last call, so that a progress bar moves during a large test set (issue 27).
     */
    public double estimate(Network net, int size, java.util.function.LongConsumer samplesDone) {
        if (size == 0) return Double.NaN;
        System.arraycopy(net.v, 0, u.v, 0, net.K);
        System.arraycopy(net.vStar, 0, u.vStar, 0, net.M);
        double invSqrtN = 1.0 / Math.sqrt(N);
        double sum = 0;
        for (int n = 0; n < size; n++) {
            for (int i = 0; i < N; i++) x[i] = gauss.sample();
            u.zeta = gauss.sample();
            RowProducts.rowsTimes(net.W, net.K, N, x, invSqrtN, u.lambda, 0);
            RowProducts.rowsTimes(net.Wstar, net.M, N, x, invSqrtN, u.nu, 0);
            double e = u.error();
            sum += 0.5 * e * e;
            if ((n + 1) % REPORT_EVERY == 0) samplesDone.accept(REPORT_EVERY);
        }
        if (size % REPORT_EVERY != 0) samplesDone.accept(size % REPORT_EVERY);
        return sum / size;
    }
}
