package org.forwardonly.simulation.measure;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.config.InitialConditions;

/**
 * ε_g from measured order parameters (THEORY.md §3): closed form for erf and linear networks
 * (student and teacher with the same activation); NaN otherwise (use the test estimate).
 * TEMPORARY: replaced by theory/integrals once it lands in main.
 */
public final class GeneralizationError {
    private GeneralizationError() {}

    /** ε_g(Q, R, T, v, v*), or NaN without a closed form. */
    public static double of(InitialConditions o, Activation g, Activation gTeacher) {
        if (g != gTeacher || g == Activation.RELU) return Double.NaN;
        double[][] Q = o.Q(), R = o.R(), T = o.T();
        double[] v = o.v(), vs = o.vStar();
        int K = v.length, M = vs.length;
        double sum = 0;
        for (int i = 0; i < K; i++) {
            for (int k = 0; k < K; k++) sum += v[i] * v[k] * i2(g, Q[i][k], Q[i][i], Q[k][k]);
        }
        for (int n = 0; n < M; n++) {
            for (int m = 0; m < M; m++) sum += vs[n] * vs[m] * i2(g, T[n][m], T[n][n], T[m][m]);
        }
        for (int i = 0; i < K; i++) {
            for (int n = 0; n < M; n++) sum -= 2 * v[i] * vs[n] * i2(g, R[i][n], Q[i][i], T[n][n]);
        }
        return 0.5 * sum;
    }

    private static double i2(Activation g, double cab, double caa, double cbb) {
        return g == Activation.LINEAR ? cab : (2 / Math.PI) * Math.asin(cab / Math.sqrt((1 + caa) * (1 + cbb)));
    }
}
