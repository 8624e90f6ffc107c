package org.forwardonly.simulation.mirroring;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.config.Mirroring;
import org.forwardonly.theory.init.NetworkDraw;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightMirroringTest {

    @Test
    void oneStepFollowsTheUpdateRuleWithTheSameNoise() {
        int N = 200, K = 2, M = 1;
        Network net = Network.of(NetworkDraw.draw(K, M, N, 0.5, false, 3));
        double[] F0 = net.F.clone();
        Mirroring m = new Mirroring(0.7, 2, 0.9, 0.4, false);
        WeightMirroring wm = new WeightMirroring(m, Activation.ERF, 0.5, N, K, RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
        assertTrue(wm.afterStep(net), "mirroring always changes F");
        // replay the two steps with the same noise stream, written out independently
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_RO_SHI_RO_128_PP.create(11L));
        double[] F = F0.clone(), xi = new double[N];
        for (int step = 0; step < 2; step++) {
            for (int i = 0; i < N; i++) xi[i] = 0.7 * gauss.sample();
            double yHat = 0;
            for (int k = 0; k < K; k++) {
                double mu = 0;
                for (int i = 0; i < N; i++) mu += net.W[k * N + i] * xi[i];
                yHat += net.v[k] * Activation.ERF.g(mu / Math.sqrt(N));
            }
            for (int i = 0; i < N; i++) F[i] += 0.9 / N * (xi[i] * yHat - 0.4 * F[i]);
        }
        // same arithmetic up to the order of operations: 1e-15 relative
        for (int i = 0; i < N; i++) assertEquals(F[i], net.F[i], 1e-15 * (1 + Math.abs(F[i])));
    }

    @Test
    void rescaleKeepsTheNormAtSigmaF() {
        int N = 300;
        Network net = Network.of(NetworkDraw.draw(2, 2, N, 0.3, false, 5));
        WeightMirroring wm = new WeightMirroring(new Mirroring(1.0, 3, 1.0, 0.5, true), Activation.RELU, 0.8, N, 2,
                RandomSource.XO_RO_SHI_RO_128_PP.create(2L));
        for (int s = 0; s < 10; s++) wm.afterStep(net);
        double norm2 = 0;
        for (double f : net.F) norm2 += f * f;
        assertEquals(0.64, norm2, 1e-12, "|F|^2 = sigmaF^2 after every rescaled step");
    }
}
