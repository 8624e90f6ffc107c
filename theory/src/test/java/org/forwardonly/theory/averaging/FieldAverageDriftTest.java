package org.forwardonly.theory.averaging;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.rules.AdaptiveFeedbackAlignment;
import org.forwardonly.theory.rules.Backpropagation;
import org.forwardonly.theory.rules.FeedbackAlignment;
import org.forwardonly.theory.rules.LearningRule;
import org.forwardonly.theory.quadrature.CholeskyFactor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generic engine against the closed forms of docs/model.md §3-4 (erf) and exact linear moments. */
class FieldAverageDriftTest {
    static final int K = 2, M = 2;
    static final double[][] Q = {{1.0, 0.3}, {0.3, 0.8}};
    static final double[][] R = {{0.5, 0.1}, {-0.2, 0.4}};
    static final double[][] T = {{1.0, 0.1}, {0.1, 1.2}};
    static final double[] V = {0.7, -0.4};
    static final double[] VSTAR = {1.0, 0.8};
    static final double[] B = {0.9, -1.1};
    static final double[] C = {0.3, -0.2};
    static final double[] D = {0.1, 0.25};
    static final double P = 0.5;

    /** Full covariance of (λ_1, λ_2, ν_1, ν_2, φ): indices 0..1 λ, 2..3 ν, 4 φ. */
    static double[][] fieldCovariance() {
        double[][] c = new double[5][5];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < K; l++) c[k][l] = Q[k][l];
            for (int m = 0; m < M; m++) {
                c[k][K + m] = R[k][m];
                c[K + m][k] = R[k][m];
            }
            c[k][4] = C[k];
            c[4][k] = C[k];
        }
        for (int m = 0; m < M; m++) {
            for (int n = 0; n < M; n++) c[K + m][K + n] = T[m][n];
            c[K + m][4] = D[m];
            c[4][K + m] = D[m];
        }
        c[4][4] = P;
        return c;
    }

    @Test
    void stateIsAValidCovariance() {
        double[][] c = fieldCovariance();
        double[] flat = new double[25];
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) flat[i * 5 + j] = c[i][j];
        assertEquals(0, new CholeskyFactor(5).factor(flat), "the test state must be positive-definite");
    }

    /**
     * Tolerances: Gauss-Hermite converges geometrically but slowly on erf integrands (the
     * sigmoid must be resolved by polynomials): at this state the largest drift error is
     * 1e-6 at n = 16 and 5e-8 at n = 20 (docs/exact-pepita.md, accuracy table), so the bound is
     * 20× the measured error of the grid used.
     */
    @ParameterizedTest(name = "{0}, sigma={1}, n={2}")
    @CsvSource({"bp, 0.0, 20, 1e-6", "fa, 0.0, 20, 1e-6", "afa, 0.0, 20, 1e-6", "bp, 0.5, 16, 2e-5",
            "afa, 0.3, 16, 2e-5"})
    void erfFeedbackRulesMatchClosedForms(String name, double sigma, int points, double tol) {
        double eta = 0.7, etaV = 0.4, s = -1;
        LearningRule rule = switch (name) {
            case "bp" -> new Backpropagation();
            case "fa" -> new FeedbackAlignment();
            default -> new AdaptiveFeedbackAlignment(false);
        };
        boolean usesF = rule.usesFeedbackVector();
        double[] feedback = switch (name) {
            case "bp" -> V;
            case "fa" -> B;
            default -> new double[] {-s * C[0], -s * C[1]};
        };
        FieldAverageDrift engine = new FieldAverageDrift(rule, Activation.ERF, Activation.ERF, K, M, eta, etaV,
                sigma, (int) s, 1, points);
        Drift out = new Drift(K, M);
        engine.drift(Q, R, T, V, VSTAR, B, usesF ? C : null, usesF ? D : null, usesF ? P : Double.NaN, out);

        ErfIntegrals I = new ErfIntegrals(fieldCovariance());
        int phi = 4;
        for (int k = 0; k < K; k++) {
            // docs/model.md §4
            for (int n = 0; n < M; n++) {
                double expected = eta * feedback[k] * (bracketI3(I, k, K + n));
                assertEquals(expected, out.dR[k][n], tol, "dR " + k + n);
            }
            for (int l = 0; l < K; l++) {
                double i4 = 0;
                for (int n = 0; n < M; n++) for (int m = 0; m < M; m++) i4 += VSTAR[n] * VSTAR[m] * I.I4(k, l, K + n, K + m);
                for (int j = 0; j < K; j++) for (int n = 0; n < M; n++) i4 -= 2 * V[j] * VSTAR[n] * I.I4(k, l, j, K + n);
                for (int i = 0; i < K; i++) for (int j = 0; j < K; j++) i4 += V[i] * V[j] * I.I4(k, l, i, j);
                i4 += sigma * sigma * I.J2(k, l);
                double expected = eta * feedback[k] * bracketI3(I, k, l) + eta * feedback[l] * bracketI3(I, l, k)
                        + eta * eta * feedback[k] * feedback[l] * i4;
                assertEquals(expected, out.dQ[k][l], tol, "dQ " + k + l);
            }
            double i2 = 0;
            for (int n = 0; n < M; n++) i2 += VSTAR[n] * I.I2(k, K + n);
            for (int j = 0; j < K; j++) i2 -= V[j] * I.I2(k, j);
            assertEquals(etaV * i2, out.dv[k], tol, "dv " + k);
            if (usesF) {
                assertEquals(eta * feedback[k] * bracketI3(I, k, phi), out.dc[k], tol, "dc " + k);
            }
        }
        if (usesF) {
            for (int m = 0; m < M; m++) assertEquals(0.0, out.dd[m], 0.0, "d is constant without mirroring");
            assertEquals(0.0, out.dP, 0.0, "P is constant without mirroring");
        }
    }

    /** Σ_m v*_m I3(k, b, ν_m) − Σ_j v_j I3(k, b, λ_j). */
    private static double bracketI3(ErfIntegrals I, int k, int b) {
        double sum = 0;
        for (int m = 0; m < M; m++) sum += VSTAR[m] * I.I3(k, b, K + m);
        for (int j = 0; j < K; j++) sum -= V[j] * I.I3(k, b, j);
        return sum;
    }

    @Test
    void epsGMatchesClosedFormForErf() {
        QuadratureEpsG engine = new QuadratureEpsG(Activation.ERF, Activation.ERF, K, M, 20);
        ErfIntegrals I = new ErfIntegrals(fieldCovariance());
        double expected = 0;
        for (int i = 0; i < K; i++) for (int k = 0; k < K; k++) expected += V[i] * V[k] * I.I2(i, k);
        for (int n = 0; n < M; n++) for (int m = 0; m < M; m++) expected += VSTAR[n] * VSTAR[m] * I.I2(K + n, K + m);
        for (int i = 0; i < K; i++) for (int n = 0; n < M; n++) expected -= 2 * V[i] * VSTAR[n] * I.I2(i, K + n);
        expected *= 0.5;
        // n = 20: error 1.1e-7 relative at this state (convergence: 3.7e-5 at n = 12, 1.1e-6 at 16);
        // label noise is excluded from ε_g
        assertEquals(expected, engine.epsG(Q, R, T, V, VSTAR), 1e-6 * expected);
    }

    @Test
    void linearBpIsExactOnASmallGrid() {
        // linear g: δ_k = v_k e, e = v·λ − v*·ν − σζ (polynomial of degree 2 in the fields),
        // dR_km = −η v_k E[e ν_m] = −η v_k (Σ_j v_j R_jm − Σ_n v*_n T_nm), exact for n >= 2 (rounding 1e-12)
        double eta = 0.5, sigma = 0.3;
        FieldAverageDrift engine = new FieldAverageDrift(new Backpropagation(), Activation.LINEAR, Activation.LINEAR,
                K, M, eta, eta, sigma, -1, 4, 3);
        Drift out = new Drift(K, M);
        engine.drift(Q, R, T, V, VSTAR, null, null, null, Double.NaN, out);
        for (int k = 0; k < K; k++) {
            for (int m = 0; m < M; m++) {
                double eNu = 0;
                for (int j = 0; j < K; j++) eNu += V[j] * R[j][m];
                for (int n = 0; n < M; n++) eNu -= VSTAR[n] * T[n][m];
                assertEquals(-eta * V[k] * eNu, out.dR[k][m], 1e-12);
            }
        }
        // E[e²] = vQv − 2 vRv* + v*Tv* + σ²; the η² term is η² v_k v_l E[e²]/B with B = 4
        double e2 = sigma * sigma;
        for (int i = 0; i < K; i++) for (int j = 0; j < K; j++) e2 += V[i] * V[j] * Q[i][j];
        for (int i = 0; i < K; i++) for (int n = 0; n < M; n++) e2 -= 2 * V[i] * VSTAR[n] * R[i][n];
        for (int n = 0; n < M; n++) for (int m = 0; m < M; m++) e2 += VSTAR[n] * VSTAR[m] * T[n][m];
        double eLam0 = 0, eLam1 = 0;
        for (int j = 0; j < K; j++) {
            eLam0 += V[j] * Q[j][0];
            eLam1 += V[j] * Q[j][1];
        }
        for (int n = 0; n < M; n++) {
            eLam0 -= VSTAR[n] * R[0][n];
            eLam1 -= VSTAR[n] * R[1][n];
        }
        double expected01 = -eta * V[0] * eLam1 - eta * V[1] * eLam0 + eta * eta * V[0] * V[1] * e2 / 4;
        assertEquals(expected01, out.dQ[0][1], 1e-12);
    }
}
