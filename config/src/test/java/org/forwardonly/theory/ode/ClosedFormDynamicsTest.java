package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.integrals.ClosedFormAverages;
import org.forwardonly.theory.integrals.EpsG;
import org.forwardonly.theory.integrals.GaussianAverages;
import org.forwardonly.theory.init.NetworkDraw;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optimised right-hand side (shared factors, symmetries, weighted sums) equals docs/model.md §4
 * written out term by term with the scalar closed forms (themselves checked against Monte Carlo
 * in ClosedFormMonteCarloTest), for every rule, activation, minibatch size and afa last layer.
 */
class ClosedFormDynamicsTest {

    @ParameterizedTest(name = "{0} {1} B={2} lastLayer={3} s={4}")
    @CsvSource({
            "bp,  erf,    1, htilde, -1",
            "bp,  erf,    4, htilde, -1",
            "bp,  linear, 3, htilde, -1",
            "fa,  erf,    1, htilde, -1",
            "fa,  linear, 2, htilde, -1",
            "afa, erf,    1, htilde, -1",
            "afa, erf,    2, h,      -1",
            "afa, erf,    1, htilde,  1",
            "afa, linear, 1, htilde, -1",
            "afa, linear, 1, h,       1",
    })
    void matchesTermByTermEquations(String rule, String activation, int B, String lastLayer, int s) {
        int K = 3, M = 2;
        ExperimentConfig config = ConfigParser.parse("{\"rule\":\"" + rule + "\",\"activation\":\"" + activation
                + "\",\"K\":" + K + ",\"M\":" + M + ",\"eta\":0.7,\"etaV\":0.3,\"sigma\":0.2,\"sigmaF\":0.8,\"N\":50,"
                + "\"batchSize\":" + B + ",\"lastLayer\":\"" + lastLayer + "\",\"modulationSign\":" + s
                + ",\"teacherSecondLayer\":\"gaussian\"}");
        // a finite-N draw at small N: strongly correlated fields, c and d far from 0
        OrderParameters p = OrderParameters.fromWeights(NetworkDraw.draw(config, 11));
        ClosedFormDynamics dynamics = new ClosedFormDynamics(config, p);
        StateLayout layout = dynamics.layout();
        double[] y = p.pack(layout);
        double[] yDot = new double[y.length];
        dynamics.derivatives(y, yDot);
        double[] expected = termByTerm(config, p, layout, ClosedFormAverages.valueOf(activation.toUpperCase()));
        for (int i = 0; i < y.length; i++) {
            // both evaluate the same formulas in a different order: agreement to rounding
            assertEquals(expected[i], yDot[i], 1e-12 * (1 + Math.abs(expected[i])),
                    layout.columnNames().get(i));
        }
        assertEquals(EpsG.of(p, ClosedFormAverages.valueOf(activation.toUpperCase())), dynamics.epsG(y), 1e-13);
    }

    /** docs/model.md §4 literally: fields 0..K-1 students, K..K+M-1 teachers, K+M is φ. */
    static double[] termByTerm(ExperimentConfig cfg, OrderParameters p, StateLayout layout, GaussianAverages A) {
        int K = p.K(), M = p.M(), n = K + M + 1;
        double[][] C = new double[n][n];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < K; l++) C[k][l] = p.Q()[k][l];
            for (int m = 0; m < M; m++) C[k][K + m] = C[K + m][k] = p.R()[k][m];
            C[k][K + M] = C[K + M][k] = p.c()[k];
        }
        for (int m = 0; m < M; m++) {
            for (int q = 0; q < M; q++) C[K + m][K + q] = p.T()[m][q];
            C[K + m][K + M] = C[K + M][K + m] = p.d()[m];
        }
        C[K + M][K + M] = p.P();
        double[] v = p.v(), vs = p.vStar();
        double s = cfg.modulationSign();
        double[] b = new double[K];
        for (int k = 0; k < K; k++) {
            b[k] = switch (cfg.rule().name()) {
                case "bp" -> v[k];
                case "fa" -> p.b()[k];
                default -> -s * p.c()[k];
            };
        }
        double eta = cfg.eta(), etaV = cfg.etaV(), sigma2 = cfg.sigma() * cfg.sigma(), B = cfg.batchSize();
        double[] out = new double[layout.dimension()];
        for (int k = 0; k < K; k++) {
            for (int nn = 0; nn < M; nn++) {
                double sum = 0;
                for (int m = 0; m < M; m++) sum += vs[m] * A.i3(C, k, K + nn, K + m);
                for (int j = 0; j < K; j++) sum -= v[j] * A.i3(C, k, K + nn, j);
                out[layout.rIndex(k, nn)] = eta * b[k] * sum;
            }
            for (int l = k; l < K; l++) {
                double drift = 0;
                for (int m = 0; m < M; m++) drift += eta * b[k] * vs[m] * A.i3(C, k, l, K + m) + eta * b[l] * vs[m] * A.i3(C, l, k, K + m);
                for (int j = 0; j < K; j++) drift -= eta * b[k] * v[j] * A.i3(C, k, l, j) + eta * b[l] * v[j] * A.i3(C, l, k, j);
                double bracket = sigma2 * A.j2(C, k, l);
                for (int nn = 0; nn < M; nn++) {
                    for (int m = 0; m < M; m++) bracket += vs[nn] * vs[m] * A.i4(C, k, l, K + nn, K + m);
                }
                for (int j = 0; j < K; j++) {
                    for (int nn = 0; nn < M; nn++) bracket -= 2 * v[j] * vs[nn] * A.i4(C, k, l, j, K + nn);
                }
                for (int i = 0; i < K; i++) {
                    for (int j = 0; j < K; j++) bracket += v[i] * v[j] * A.i4(C, k, l, i, j);
                }
                out[layout.qIndex(k, l)] = drift + eta * eta / B * b[k] * b[l] * bracket;
            }
            double dv = 0;
            for (int nn = 0; nn < M; nn++) dv += vs[nn] * A.i2(C, k, K + nn);
            for (int j = 0; j < K; j++) dv -= v[j] * A.i2(C, k, j);
            dv *= etaV;
            if (cfg.rule().name().equals("afa") && cfg.modulatedLastLayer()) {
                // E[e² g'(λ_k)], e = Σ v_j g(λ_j) − Σ v*_n g(ν_n) − σζ
                double e2 = sigma2 * A.gPrime(C, k);
                for (int i = 0; i < K + M; i++) {
                    for (int j = 0; j < K + M; j++) {
                        double wi = i < K ? v[i] : -vs[i - K], wj = j < K ? v[j] : -vs[j - K];
                        e2 += wi * wj * A.gPrimeGG(C, k, i, j);
                    }
                }
                dv -= etaV * s * p.c()[k] * e2;
            }
            out[layout.vIndex(k)] = dv;
        }
        if (layout.hasF()) {
            for (int k = 0; k < K; k++) {
                double sum = 0;
                for (int m = 0; m < M; m++) sum += vs[m] * A.i3(C, k, K + M, K + m);
                for (int j = 0; j < K; j++) sum -= v[j] * A.i3(C, k, K + M, j);
                out[layout.cIndex(k)] = eta * b[k] * sum;
            }
        }
        return out;
    }
}
