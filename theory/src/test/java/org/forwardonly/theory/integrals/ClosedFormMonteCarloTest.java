package org.forwardonly.theory.integrals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.state.OrderParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every closed form of docs/model.md §3 (and the E[g'(a) g(c) g(d)] form of §2, and ε_g) against a
 * Monte Carlo average of its integrand over 10^6 Gaussian samples, on random valid covariances.
 *
 * <p>Tolerance: 4 standard errors of the Monte Carlo mean (sample standard deviation / √n). The
 * closed forms are exact, so the only error is statistical; with ~30 comparisons per activation
 * the chance of a false alarm at 4σ is below 0.2 % (and the seeds are fixed, so the test is
 * deterministic). A wrong closed form (a sign, a missing factor of (1+C_aa)) is off by far more.
 */
class ClosedFormMonteCarloTest {
    static final int SAMPLES = 1_000_000;
    /** Fields 0-3 go through g; field 4 is linear (φ = x·F). */
    static final int N_FIELDS = 5;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (ClosedFormAverages kind : ClosedFormAverages.values()) {
            for (long seed = 1; seed <= 3; seed++) out.add(Arguments.of(kind, seed));
        }
        return out.stream();
    }

    /** One integrand and its closed form. */
    record Check(String name, ToDoubleFunction<double[]> integrand, double closedForm) { }

    @ParameterizedTest(name = "{0} covariance seed {1}")
    @MethodSource("cases")
    void closedFormsMatchMonteCarlo(ClosedFormAverages kind, long seed) {
        Activation g = kind == ClosedFormAverages.ERF ? Activation.ERF : Activation.LINEAR;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] C = randomCovariance(gauss, N_FIELDS);
        double[][] L = cholesky(C);

        // sample layout: u (fields), then g(u), then g'(u)
        List<Check> checks = new ArrayList<>();
        int n = N_FIELDS;
        checks.add(new Check("I2(0,1)", s -> s[n] * s[n + 1], kind.i2(C, 0, 1)));
        checks.add(new Check("I2(2,2)", s -> s[n + 2] * s[n + 2], kind.i2(C, 2, 2)));
        checks.add(new Check("I3(0,1,2)", s -> s[2 * n] * s[1] * s[n + 2], kind.i3(C, 0, 1, 2)));
        checks.add(new Check("I3(0,0,1)", s -> s[2 * n] * s[0] * s[n + 1], kind.i3(C, 0, 0, 1)));
        checks.add(new Check("I3(1,2,1)", s -> s[2 * n + 1] * s[2] * s[n + 1], kind.i3(C, 1, 2, 1)));
        checks.add(new Check("I3(0,phi,3)", s -> s[2 * n] * s[4] * s[n + 3], kind.i3(C, 0, 4, 3)));
        checks.add(new Check("I4(0,1,2,3)", s -> s[2 * n] * s[2 * n + 1] * s[n + 2] * s[n + 3], kind.i4(C, 0, 1, 2, 3)));
        checks.add(new Check("I4(0,0,1,2)", s -> s[2 * n] * s[2 * n] * s[n + 1] * s[n + 2], kind.i4(C, 0, 0, 1, 2)));
        checks.add(new Check("I4(0,1,0,1)", s -> s[2 * n] * s[2 * n + 1] * s[n] * s[n + 1], kind.i4(C, 0, 1, 0, 1)));
        checks.add(new Check("I4(1,2,3,3)", s -> s[2 * n + 1] * s[2 * n + 2] * s[n + 3] * s[n + 3], kind.i4(C, 1, 2, 3, 3)));
        checks.add(new Check("J2(0,1)", s -> s[2 * n] * s[2 * n + 1], kind.j2(C, 0, 1)));
        checks.add(new Check("J2(2,2)", s -> s[2 * n + 2] * s[2 * n + 2], kind.j2(C, 2, 2)));
        checks.add(new Check("E[g'(0)]", s -> s[2 * n], kind.gPrime(C, 0)));
        checks.add(new Check("E[g'(0)g(1)g(2)]", s -> s[2 * n] * s[n + 1] * s[n + 2], kind.gPrimeGG(C, 0, 1, 2)));
        checks.add(new Check("E[g'(0)g(0)g(3)]", s -> s[2 * n] * s[n] * s[n + 3], kind.gPrimeGG(C, 0, 0, 3)));
        checks.add(new Check("E[g'(1)g(2)g(2)]", s -> s[2 * n + 1] * s[n + 2] * s[n + 2], kind.gPrimeGG(C, 1, 2, 2)));

        // ε_g: fields 0,1 students (v), 2,3 teachers (v*)
        double[] v = {gauss.sample(), gauss.sample()};
        double[] vStar = {1.0, 0.5 + rng.nextDouble()};
        OrderParameters p = new OrderParameters(new double[][] {{C[0][0], C[0][1]}, {C[1][0], C[1][1]}},
                new double[][] {{C[0][2], C[0][3]}, {C[1][2], C[1][3]}},
                new double[][] {{C[2][2], C[2][3]}, {C[3][2], C[3][3]}}, v, vStar, null, null, null, Double.NaN);
        checks.add(new Check("eps_g", s -> {
            double e = v[0] * s[n] + v[1] * s[n + 1] - vStar[0] * s[n + 2] - vStar[1] * s[n + 3];
            return 0.5 * e * e;
        }, EpsG.of(p, kind)));

        int m = checks.size();
        double[] sum = new double[m], sumSq = new double[m];
        double[] z = new double[n], s = new double[3 * n];
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = 0; j < n; j++) z[j] = gauss.sample();
            for (int j = 0; j < n; j++) {
                double u = 0;
                for (int k = 0; k <= j; k++) u += L[j][k] * z[k];
                s[j] = u;
                s[n + j] = g.g(u);
                s[2 * n + j] = g.gPrime(u);
            }
            for (int c = 0; c < m; c++) {
                double x = checks.get(c).integrand().applyAsDouble(s);
                sum[c] += x;
                sumSq[c] += x * x;
            }
        }
        StringBuilder report = new StringBuilder();
        boolean ok = true;
        for (int c = 0; c < m; c++) {
            double mean = sum[c] / SAMPLES;
            double se = Math.sqrt(Math.max(sumSq[c] / SAMPLES - mean * mean, 0) / (SAMPLES - 1));
            double closed = checks.get(c).closedForm();
            double z4 = Math.abs(mean - closed) / se;
            report.append(String.format(java.util.Locale.ROOT, "%n  %-18s closed %.6f  MC %.6f ± %.1e  %s",
                    checks.get(c).name(), closed, mean, se, se == 0 ? "(exact: zero variance)" : String.format(java.util.Locale.ROOT,
                            "(%.2f se)", z4)));
            // linear: J2 and E[g'] are exactly 1 with zero variance
            boolean pass = se == 0 ? Math.abs(mean - closed) < 1e-12 : z4 <= 4.0;
            ok &= pass && Double.isFinite(closed);
        }
        System.out.println(kind + " seed " + seed + ":" + report);
        assertTrue(ok, "closed form outside 4 standard errors of Monte Carlo:" + report);
    }

    /** A random covariance C = A Aᵀ/n + 0.05 I, with variances spread around 1. */
    static double[][] randomCovariance(ZigguratSampler.NormalizedGaussian gauss, int n) {
        double[][] A = new double[n][n];
        for (double[] row : A) {
            for (int j = 0; j < n; j++) row[j] = gauss.sample();
        }
        double[][] C = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += A[i][k] * A[j][k];
                C[i][j] = s / n + (i == j ? 0.05 : 0);
            }
        }
        return C;
    }

    static double[][] cholesky(double[][] C) {
        int n = C.length;
        double[][] L = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = C[i][j];
                for (int k = 0; k < j; k++) s -= L[i][k] * L[j][k];
                L[i][j] = i == j ? Math.sqrt(s) : s / L[j][j];
            }
        }
        return L;
    }
}
