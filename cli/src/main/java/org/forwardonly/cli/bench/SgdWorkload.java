package org.forwardonly.cli.bench;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.network.RowProducts;
import org.forwardonly.simulation.training.OnlineTrainer;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.init.NetworkDraw;

import java.util.Locale;

/**
 * The SGD rows of the benchmark table: one online bp step (erf, both layers trained, η = η_v = 1)
 * of the simulation's trainer at K, M, N, and the floor it is compared with: drawing N Gaussians
 * with the trainer's sampler plus 6(K+M)N flops, timed as 3(K+M) dot products of length N over a
 * (K+M)×N matrix (the size of W and W*).
 */
final class SgdWorkload {
    final int K, M, N;

    SgdWorkload(int K, int M, int N) {
        this.K = K;
        this.M = M;
        this.N = N;
    }

    /** Median seconds per trainer step (blocks of {@code steps} steps). */
    Timing.Seconds secondsPerStep(int steps, int repeats) {
        ExperimentConfig config = ConfigParser.parse(String.format(Locale.ROOT,
                "{\"rule\": \"bp\", \"activation\": \"erf\", \"K\": %d, \"M\": %d, \"eta\": 1, \"etaV\": 1, \"N\": %d}",
                K, M, N));
        SeedRun run = new SeedRun(config, 0, null);
        Network net = run.initialNetwork();
        OnlineTrainer trainer = run.trainer(net);
        return Timing.median(() -> {
            trainer.advanceTo(trainer.steps() + steps);
            return net.v[0];
        }, 2, repeats).per(steps);
    }

    /** Median seconds to draw N Gaussians (the trainer's sampler and generator). */
    Timing.Seconds gaussianSeconds(int blocks, int repeats) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(NetworkDraw.rng(1));
        double[] x = new double[N];
        return Timing.median(() -> {
            for (int b = 0; b < blocks; b++) {
                for (int i = 0; i < N; i++) x[i] = gauss.sample();
            }
            return x[N - 1];
        }, 2, repeats).per(blocks);
    }

    /** Median seconds for 6(K+M)N flops: 3(K+M) dot products of length N. */
    Timing.Seconds flopSeconds(int blocks, int repeats) {
        int rows = K + M;
        double[] A = new double[rows * N], x = new double[N], out = new double[rows];
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(NetworkDraw.rng(2));
        for (int i = 0; i < A.length; i++) A[i] = gauss.sample();
        for (int i = 0; i < N; i++) x[i] = gauss.sample();
        return Timing.median(() -> {
            double s = 0;
            for (int b = 0; b < blocks; b++) {
                for (int pass = 0; pass < 3; pass++) {
                    RowProducts.rowsTimes(A, rows, N, x, 1.0, out, 0);
                    s += out[0];
                }
            }
            return s;
        }, 2, repeats).per(blocks);
    }

    String label() {
        return (K == M ? "K=M=" + K : "K=" + K + ", M=" + M) + ", N=" + String.format(Locale.ROOT, "%,d", N);
    }
}
