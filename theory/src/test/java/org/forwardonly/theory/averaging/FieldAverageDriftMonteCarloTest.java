package org.forwardonly.theory.averaging;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.rules.LearningRule;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.rules.SampleContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The derivation of docs/model.md §5 checked against real finite-N vectors: from one fixed state
 * (W, W*, F at N = 300, F partly along the student so that c and the β terms are large), many
 * independent single SGD steps are taken with the rule's own increments and the change of
 * Q, R, c, v is measured on the vectors themselves; N × (mean change) must equal the engine's
 * drift. The only finite-N term, the O(η²/N) part of |Δw|² beyond η² δ_k δ_l, is computed
 * exactly from the vectors and removed. This checks the drift formulas, the conditioning of φ
 * on the fields and the quadrature.
 */
class FieldAverageDriftMonteCarloTest {
    static final int N = 300, K = 2, M = 2, SAMPLES = 80_000;

    @ParameterizedTest(name = "{0} s={1} lastLayer={2} {3}")
    @CsvSource({"pepita, -1, htilde, erf", "pepita, 1, h, erf", "ff, -1, htilde, erf", "afa, -1, htilde, erf",
            "pepita, -1, htilde, relu"})
    void engineDriftEqualsMeanChangeOfRealWeights(String name, int s, String lastLayer, String activation) {
        Activation g = Activation.fromConfigName(activation);
        LearningRule rule = Rules.byName(name, lastLayer.equals("htilde"));
        double eta = 1.5, etaV = 0.8, sigma = 0.2;
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
        double[][] W = new double[K][N], Ws = new double[M][N];
        double[] F = new double[N];
        for (double[] row : W) for (int i = 0; i < N; i++) row[i] = gauss.sample();
        for (double[] row : Ws) for (int i = 0; i < N; i++) row[i] = gauss.sample();
        for (int i = 0; i < N; i++) F[i] = (0.6 * gauss.sample() + 0.5 * W[0][i] - 0.3 * W[1][i] + 0.2 * Ws[1][i]) / Math.sqrt(N);
        double[] v = {0.8, -0.5}, vStar = {1.0, 1.0};
        double[][] Q = overlaps(W, W), R = overlaps(W, Ws), T = overlaps(Ws, Ws);
        double[] c = project(W, F), d = project(Ws, F);
        double P = dot(F, F);

        boolean relu = activation.equals("relu");
        // ReLU's kinks make the Gauss-Hermite error C/n (0.02 in dQ11 at n = 12): as the ODE engine does
        // (FieldAverageDynamics), its drift is extrapolated in 1/n, here from 16 and 22 points
        int points = relu ? 16 : 12, fine = 22;
        FieldAverageDrift engine = new FieldAverageDrift(rule, g, g, K, M, eta, etaV, sigma, s, 1, points);
        Drift drift = new Drift(K, M);
        engine.drift(Q, R, T, v, vStar, null, c, d, P, drift);
        if (relu) {
            Drift fineDrift = new Drift(K, M);
            new FieldAverageDrift(rule, g, g, K, M, eta, etaV, sigma, s, 1, fine).drift(Q, R, T, v, vStar, null, c, d, P, fineDrift);
            drift.extrapolate(fineDrift, points, fine);
        }

        SampleContext u = new SampleContext(K, M, g, g);
        u.s = s;
        u.sigma = sigma;
        u.P = P;
        System.arraycopy(v, 0, u.v, 0, K);
        System.arraycopy(vStar, 0, u.vStar, 0, M);
        System.arraycopy(c, 0, u.c, 0, K);
        double[] delta = new double[K], beta = new double[K], hPre = new double[K];
        double[] x = new double[N];
        double[][] wNew = new double[K][N];
        // running sums of N × change, and of its square (for the standard error)
        int nq = 3, nr = K * M;
        double[] sum = new double[nq + nr + 2 * K], sum2 = new double[sum.length];
        double[] obs = new double[sum.length];
        double sqrtN = Math.sqrt(N);
        for (int n = 0; n < SAMPLES; n++) {
            for (int i = 0; i < N; i++) x[i] = gauss.sample();
            u.zeta = gauss.sample();
            for (int k = 0; k < K; k++) u.lambda[k] = dot(W[k], x) / sqrtN;
            for (int m = 0; m < M; m++) u.nu[m] = dot(Ws[m], x) / sqrtN;
            u.phi = dot(F, x);
            double e = rule.increments(u, delta, beta, hPre);
            for (int k = 0; k < K; k++) {
                for (int i = 0; i < N; i++) wNew[k][i] = W[k][i] - eta / sqrtN * (delta[k] * x[i] + beta[k] * F[i]);
            }
            // exact finite-N remainder of N ΔQ_kl: (η²/N)[δ_kδ_l(|x|² − N) + (δ_kβ_l + β_kδ_l)φ + β_kβ_l P]
            double x2 = dot(x, x);
            int o = 0;
            for (int k = 0; k < K; k++) {
                for (int l = k; l < K; l++) {
                    double rest = eta * eta / N * (delta[k] * delta[l] * (x2 - N)
                            + (delta[k] * beta[l] + beta[k] * delta[l]) * u.phi + beta[k] * beta[l] * P);
                    obs[o++] = dot(wNew[k], wNew[l]) - N * Q[k][l] - rest;
                }
            }
            for (int k = 0; k < K; k++) for (int m = 0; m < M; m++) obs[o++] = dot(wNew[k], Ws[m]) - N * R[k][m];
            for (int k = 0; k < K; k++) obs[o++] = sqrtN * dot(wNew[k], F) - N * c[k];
            for (int k = 0; k < K; k++) obs[o++] = -etaV * e * hPre[k]; // N Δv_k
            for (int i = 0; i < obs.length; i++) {
                sum[i] += obs[i];
                sum2[i] += obs[i] * obs[i];
            }
        }
        double[] expected = new double[sum.length];
        int o = 0;
        expected[o++] = drift.dQ[0][0];
        expected[o++] = drift.dQ[0][1];
        expected[o++] = drift.dQ[1][1];
        for (int k = 0; k < K; k++) for (int m = 0; m < M; m++) expected[o++] = drift.dR[k][m];
        for (int k = 0; k < K; k++) expected[o++] = drift.dc[k];
        for (int k = 0; k < K; k++) expected[o++] = drift.dv[k];
        String[] names = {"dQ11", "dQ12", "dQ22", "dR11", "dR12", "dR21", "dR22", "dc1", "dc2", "dv1", "dv2"};
        for (int i = 0; i < sum.length; i++) {
            double mean = sum[i] / SAMPLES;
            double se = Math.sqrt(Math.max(0, sum2[i] / SAMPLES - mean * mean) / SAMPLES);
            // Tolerance: 4.5 standard errors of the Monte Carlo mean (11 quantities × 5 cases, so a
            // false alarm has probability ~4e-4), plus the engine's averaging error: ≤ 4e-4 for erf at
            // n = 12; for ReLU the extrapolations from (16, 22) and (20, 28) points differ by ≤ 5e-4
            // (2026-11-29; the unextrapolated 12-point drift was 0.02 off in dQ11): 1.5e-3, 3× that.
            double tol = 4.5 * se + (relu ? 1.5e-3 : 4e-4);
            System.out.printf("%s %s: |engine - Monte Carlo| = %.2e, %.2f of the tolerance%n", name + " " + activation, names[i],
                    Math.abs(expected[i] - mean), Math.abs(expected[i] - mean) / tol);
            assertEquals(expected[i], mean, tol, names[i] + " (SE " + se + ")");
        }
    }

    static double[][] overlaps(double[][] A, double[][] B) {
        double[][] out = new double[A.length][B.length];
        for (int i = 0; i < A.length; i++) for (int j = 0; j < B.length; j++) out[i][j] = dot(A[i], B[j]) / N;
        return out;
    }

    static double[] project(double[][] A, double[] F) {
        double[] out = new double[A.length];
        for (int i = 0; i < A.length; i++) out[i] = dot(A[i], F) / Math.sqrt(N);
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
