package org.forwardonly.theory.averaging;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.integrals.EpsG;
import org.forwardonly.theory.integrals.SecondMoment;
import org.forwardonly.theory.quadrature.ScrambledSobol;
import org.forwardonly.theory.rules.Pepita;
import org.forwardonly.theory.state.OrderParameters;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ReLU PEPITA at a random, partly aligned state (K = M = 2, R ≈ 0 so each student kink lies along
 * the fields' axes, where the tensor Gauss-Hermite grid was biased): ε_g in closed form
 * (docs/model.md §3, arc-cosine kernel) and two drift components of the Sobol engine
 * (docs/model.md §8) against a plain Monte Carlo of 10⁷ samples written here from the equations
 * of docs/model.md §5, with its own field sampler (Hipparchus' Cholesky, φ sampled explicitly, not
 * conditioned) and the ReLU PEPITA increments coded by hand, not through the engine's rule.
 * Tolerance: 5 combined standard errors (the Monte Carlo's, and the engine's over 8 scramblings);
 * a bias of the size the tensor grid had (2 % of dR) is about 20 of them.
 */
class ReluMonteCarloTest {
    static final int K = 2, M = 2, SAMPLES = 10_000_000;
    static final double ETA = 1.0, ETA_V = 1.0, SIGMA = 0.0, S = -1;
    static double[][] Q, R, T;
    static double[] v = {0.9, -0.6}, vStar = {1.0, 1.0}, c, d;
    static double P;
    // Monte Carlo results: means and standard errors of eps_g, dR_11, dc_1
    static double[] mean = new double[3], se = new double[3];

    @BeforeAll
    static void monteCarlo() {
        int N = 400;
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
                RandomSource.XO_RO_SHI_RO_128_PP.create(2026L));
        double[][] W = new double[K][N], Ws = new double[M][N];
        double[] F = new double[N];
        for (double[] row : W) for (int i = 0; i < N; i++) row[i] = gauss.sample();
        for (double[] row : Ws) for (int i = 0; i < N; i++) row[i] = gauss.sample();
        for (int i = 0; i < N; i++) F[i] = (0.5 * gauss.sample() + 0.4 * W[0][i] - 0.3 * W[1][i] + 0.2 * Ws[0][i]) / Math.sqrt(N);
        Q = overlaps(W, W, N);
        R = overlaps(W, Ws, N);
        T = overlaps(Ws, Ws, N);
        c = new double[K];
        d = new double[M];
        for (int k = 0; k < K; k++) c[k] = dot(W[k], F) / Math.sqrt(N);
        for (int m = 0; m < M; m++) d[m] = dot(Ws[m], F) / Math.sqrt(N);
        P = dot(F, F);
        // fields (λ1, λ2, ν1, ν2, φ) with their joint covariance, φ sampled explicitly
        double[][] C = new double[5][5];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < K; l++) C[k][l] = Q[k][l];
            for (int m = 0; m < M; m++) C[k][K + m] = C[K + m][k] = R[k][m];
            C[k][4] = C[4][k] = c[k];
        }
        for (int m = 0; m < M; m++) {
            for (int n = 0; n < M; n++) C[K + m][K + n] = T[m][n];
            C[K + m][4] = C[4][K + m] = d[m];
        }
        C[4][4] = P;
        RealMatrix L = new CholeskyDecomposition(MatrixUtils.createRealMatrix(C)).getL();
        double[][] l = L.getData();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] zz = new double[5], u = new double[5];
        double[] sum = new double[3], sum2 = new double[3];
        for (int n = 0; n < SAMPLES; n++) {
            for (int i = 0; i < 5; i++) zz[i] = z.sample();
            for (int i = 0; i < 5; i++) {
                double x = 0;
                for (int j = 0; j <= i; j++) x += l[i][j] * zz[j];
                u[i] = x;
            }
            double yHat = v[0] * relu(u[0]) + v[1] * relu(u[1]);
            double y = vStar[0] * relu(u[2]) + vStar[1] * relu(u[3]);
            double e = yHat - y; // σ = 0
            // docs/model.md §5 with ReLU: δ_1 = g(λ_1) − g(λ_1 + s c_1 e)
            double delta1 = relu(u[0]) - relu(u[0] + S * c[0] * e);
            double[] x = {0.5 * e * e, -ETA * delta1 * (u[2] + S * e * d[0]), -ETA * delta1 * (u[4] + S * e * P)};
            for (int q = 0; q < 3; q++) {
                sum[q] += x[q];
                sum2[q] += x[q] * x[q];
            }
        }
        for (int q = 0; q < 3; q++) {
            mean[q] = sum[q] / SAMPLES;
            se[q] = Math.sqrt((sum2[q] / SAMPLES - mean[q] * mean[q]) / (SAMPLES - 1));
        }
    }

    @Test
    void closedFormEpsGMatchesMonteCarlo() {
        double closed = EpsG.of(new OrderParameters(Q, R, T, v, vStar, null, null, null, Double.NaN), SecondMoment.RELU);
        double z = Math.abs(closed - mean[0]) / se[0];
        System.out.printf("ReLU eps_g: closed form %.6f, Monte Carlo %.6f ± %.6f (%.2f se)%n", closed, mean[0], se[0], z);
        assertTrue(z < 5, "closed-form ReLU eps_g " + closed + " vs Monte Carlo " + mean[0] + " ± " + se[0]);
    }

    @Test
    void sobolDriftMatchesMonteCarlo() {
        int replicates = 8;
        double[] dR = new double[replicates], dc = new double[replicates];
        Drift out = new Drift(K, M);
        for (int r = 0; r < replicates; r++) {
            FieldAverageDrift engine = new FieldAverageDrift(new Pepita(true), Activation.RELU, Activation.RELU, K, M, ETA,
                    ETA_V, SIGMA, (int) S, 1, ScrambledSobol.of(K + M, 1 << 16, 1000 + r));
            engine.drift(Q, R, T, v, vStar, null, c, d, P, out);
            dR[r] = out.dR[0][0];
            dc[r] = out.dc[0];
        }
        check("dR_1_1", dR, mean[1], se[1]);
        check("dc_1", dc, mean[2], se[2]);
    }

    private static void check(String name, double[] replicates, double mc, double mcSe) {
        int m = replicates.length;
        double mean = 0, ss = 0;
        for (double x : replicates) mean += x / m;
        for (double x : replicates) ss += (x - mean) * (x - mean);
        double engineSe = Math.sqrt(ss / (m - 1) / m);
        double z = Math.abs(mean - mc) / Math.hypot(engineSe, mcSe);
        System.out.printf("ReLU %s: Sobol engine %.7f ± %.7f, Monte Carlo %.7f ± %.7f (%.2f combined se)%n",
                name, mean, engineSe, mc, mcSe, z);
        assertTrue(z < 5, name + ": engine " + mean + " ± " + engineSe + " vs Monte Carlo " + mc + " ± " + mcSe);
    }

    private static double relu(double x) {
        return x > 0 ? x : 0.0;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double[][] overlaps(double[][] A, double[][] B, int N) {
        double[][] o = new double[A.length][B.length];
        for (int i = 0; i < A.length; i++) for (int j = 0; j < B.length; j++) o[i][j] = dot(A[i], B[j]) / N;
        return o;
    }
}
