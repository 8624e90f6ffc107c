package org.forwardonly.theory.integrals;

import org.forwardonly.theory.state.OrderParameters;

/**
 * The generalisation error of docs/model.md §1 as a function of the order parameters:
 * ε_g = ½ E[(ŷ − Σ_m v*_m g(ν_m))²] = ½ Σ_cd w_c w_d I2(c, d) with w = (v, −v*), label noise
 * excluded. For erf this is docs/model.md §3's
 * (1/π)[Σ v_i v_k asin(Q_ik/…) + Σ v*_n v*_m asin(T_nm/…) − 2 Σ v_i v*_n asin(R_in/…)].
 */
public final class EpsG {
    private EpsG() {}

    /** ε_g of {@code p} with the averages of one activation shared by student and teacher. */
    public static double of(OrderParameters p, SecondMoment averages) {
        int K = p.K(), M = p.M(), n = K + M;
        double[][] C = new double[n][n];
        double[] w = new double[n];
        for (int k = 0; k < K; k++) {
            w[k] = p.v()[k];
            for (int l = 0; l < K; l++) C[k][l] = p.Q()[k][l];
            for (int m = 0; m < M; m++) {
                C[k][K + m] = p.R()[k][m];
                C[K + m][k] = p.R()[k][m];
            }
        }
        for (int m = 0; m < M; m++) {
            w[K + m] = -p.vStar()[m];
            for (int q = 0; q < M; q++) C[K + m][K + q] = p.T()[m][q];
        }
        double s = 0;
        for (int c = 0; c < n; c++) {
            for (int d = 0; d < n; d++) s += w[c] * w[d] * averages.i2(C, c, d);
        }
        return 0.5 * s;
    }
}
