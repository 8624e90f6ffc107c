package org.forwardonly.cli.bench;

import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;

import java.util.Locale;

/**
 * One row of the exact engine's reach (docs/exact-pepita.md): exact PEPITA from a random start
 * (σ_F = 0.5, η = η_v = 0.5, N = 10,000 for the draw, dp853 at rtol 1e-5, atol 1e-8) to t = 100 at a width
 * K, M, timed beside the closed-form afa ODE of the same config in the same process, each on
 * {@code pepita ode}'s default thread count, best of the repeats after one warm-up.
 */
final class ExactReachWorkload {
    final int K, M;
    final double tMax;

    ExactReachWorkload(int K, int M, double tMax) {
        this.K = K;
        this.M = M;
        this.tMax = tMax;
    }

    /** The config of this row for a rule (pepita runs the exact engine, afa its closed form). */
    ExperimentConfig config(String rule) {
        return ConfigParser.parse(String.format(Locale.ROOT, "{\"rule\": \"%s\", \"K\": %d, \"M\": %d, \"eta\": 0.5, "
                + "\"etaV\": 0.5, \"sigmaF\": 0.5, \"N\": 10000, \"seed\": 1, \"tMax\": %s, \"nTimes\": 60, "
                + "\"rtol\": 1e-5, \"atol\": 1e-8}", rule, K, M, tMax));
    }

    /** A timed run: wall seconds (best of {@code repeats} after a warm-up) and its result. */
    record Timed(double seconds, OdeResult result) {}

    static Timed time(ExperimentConfig config, int repeats) {
        OrderParameters init = Experiments.initialConditions(config, config.seed());
        int threads = Experiments.defaultThreads(config, Runtime.getRuntime().availableProcessors());
        double[] times = SampleTimes.of(config);
        OdeResult result = Experiments.integrate(config, init, times, IntegrationObserver.NONE, threads); // warm-up
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            result = Experiments.integrate(config, init, times, IntegrationObserver.NONE, threads);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return new Timed(best, result);
    }
}
