package org.forwardonly.theory.mirroring;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.averaging.Drift;
import org.forwardonly.theory.config.Mirroring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weight-mirroring terms of docs/model.md §6 against real mirroring steps on finite-N vectors:
 * from one fixed (W, W*, F) at N = 400, many independent single steps
 * F ← F + (η_wm/N)(ξ ŷ(ξ) − λ_wm F) (then |F| ← σ_F with rescale) are taken, and r·N × the mean
 * change of c, d, P must equal the drift terms. Includes the η_wm² noise term of dP.
 */
class MirroringDriftTest {
    static final int N = 400, K = 2, M = 2, SAMPLES = 60_000;

    @ParameterizedTest(name = "{0} rescale={1} r={2}")
    @CsvSource({"erf, false, 1", "erf, true, 2", "relu, false, 1"})
    void termsEqualMeanChangeOfRealMirroringSteps(String activation, boolean rescale, int r) {
        Activation g = Activation.fromConfigName(activation);
        double a = 0.8, etaWm = 1.0, lambdaWm = 0.5;
        Mirroring mirroring = new Mirroring(a, r, etaWm, lambdaWm, rescale);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        double[][] W = new double[K][N], Ws = new double[M][N];
        double[] F = new double[N];
        for (double[] row : W) for (int i = 0; i < N; i++) row[i] = gauss.sample();
        for (double[] row : Ws) for (int i = 0; i < N; i++) row[i] = gauss.sample();
        for (int i = 0; i < N; i++) F[i] = (0.5 * gauss.sample() + 0.3 * W[0][i] + 0.2 * Ws[0][i]) / Math.sqrt(N);
        double sigmaF = Math.sqrt(dot(F, F)); // rescale keeps |F| at its current value
        double[] v = {0.9, -0.6};
        double sqrtN = Math.sqrt(N);
        double[][] Q = new double[K][K], R = new double[K][M];
        double[] c = new double[K], d = new double[M];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < K; l++) Q[k][l] = dot(W[k], W[l]) / N;
            for (int m = 0; m < M; m++) R[k][m] = dot(W[k], Ws[m]) / N;
            c[k] = dot(W[k], F) / sqrtN;
        }
        for (int m = 0; m < M; m++) d[m] = dot(Ws[m], F) / sqrtN;
        double P = dot(F, F);

        Drift drift = new Drift(K, M);
        new MirroringDrift(mirroring, g, K).addTo(Q, R, v, c, d, P, drift);

        double[] xi = new double[N], f2 = new double[N];
        double[] sum = new double[K + M + 1], sum2 = new double[sum.length], obs = new double[sum.length];
        for (int n = 0; n < SAMPLES; n++) {
            for (int i = 0; i < N; i++) xi[i] = a * gauss.sample();
            double yHat = 0;
            for (int k = 0; k < K; k++) yHat += v[k] * g.g(dot(W[k], xi) / sqrtN);
            for (int i = 0; i < N; i++) f2[i] = F[i] + etaWm / N * (xi[i] * yHat - lambdaWm * F[i]);
            if (rescale) {
                double scale = sigmaF / Math.sqrt(dot(f2, f2));
                for (int i = 0; i < N; i++) f2[i] *= scale;
            }
            // r mirroring steps per learning step: per unit time r·N steps
            for (int k = 0; k < K; k++) obs[k] = r * N * (dot(W[k], f2) / sqrtN - c[k]);
            for (int m = 0; m < M; m++) obs[K + m] = r * N * (dot(Ws[m], f2) / sqrtN - d[m]);
            obs[K + M] = r * N * (dot(f2, f2) - P);
            for (int i = 0; i < obs.length; i++) {
                sum[i] += obs[i];
                sum2[i] += obs[i] * obs[i];
            }
        }
        double[] expected = {drift.dc[0], drift.dc[1], drift.dd[0], drift.dd[1], drift.dP};
        String[] names = {"dc1", "dc2", "dd1", "dd2", "dP"};
        for (int i = 0; i < sum.length; i++) {
            double mean = sum[i] / SAMPLES;
            double se = Math.sqrt(Math.max(0, sum2[i] / SAMPLES - mean * mean) / SAMPLES);
            // 4.5 Monte Carlo standard errors, plus the O(r η_wm² /N) terms of a finite step
            // (λ_wm² P/N and the cross term of |ΔF|², and the second-order part of the rescale)
            double tol = 4.5 * se + 3.0 * r * etaWm * etaWm / N;
            assertEquals(expected[i], mean, tol, names[i] + " (SE " + se + ")");
            if (i == K + M && !rescale) {
                // the test can see the η_wm² noise term of dP (docs/model.md §6: without it P is off)
                double noiseTerm = r * etaWm * etaWm * a * a * yHatSquared(g, Q, v, a);
                assertTrue(noiseTerm > 3 * tol, "noise term " + noiseTerm + " vs tolerance " + tol);
            }
        }
        if (rescale) assertEquals(0.0, drift.dP, 0.0, "rescaling holds |F| = σ_F");
    }

    /** E[ŷ(ξ)²] by brute-force 2-D Gauss-Hermite (independent of NoiseResponse). */
    static double yHatSquared(Activation g, double[][] Q, double[] v, double a) {
        org.forwardonly.theory.quadrature.GaussianGrid grid = org.forwardonly.theory.quadrature.GaussianGrid.tensor(2, 40);
        double l00 = Math.sqrt(Q[0][0]), l10 = Q[1][0] / l00, l11 = Math.sqrt(Q[1][1] - l10 * l10);
        double sum = 0;
        for (int p = 0; p < grid.size(); p++) {
            double z0 = grid.node(p, 0), z1 = grid.node(p, 1);
            double y = v[0] * g.g(a * l00 * z0) + v[1] * g.g(a * (l10 * z0 + l11 * z1));
            sum += grid.weight(p) * y * y;
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
