package org.forwardonly.simulation.measure;

import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.network.RowProducts;
import org.forwardonly.theory.state.OrderParameters;

/**
 * Measures the order parameters of docs/model.md §1-2 on real weights: Q = WWᵀ/N, R = WW*ᵀ/N,
 * T = W*W*ᵀ/N, c = WF/√N, d = W*F/√N, P = |F|², with v, v* and b copied. (Theory's
 * {@link OrderParameters#fromWeights} does the same for a fresh draw; this reads the trainer's
 * row-major weights.)
 */
public final class OrderParameterMeter {
    private OrderParameterMeter() {}

    /** The order parameters of {@code net} now. */
    public static OrderParameters measure(Network net) {
        int N = net.N, K = net.K, M = net.M;
        double invN = 1.0 / N, invSqrtN = 1.0 / Math.sqrt(N);
        double[][] Q = new double[K][K];
        double[][] R = new double[K][M];
        double[][] T = new double[M][M];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l <= k; l++) {
                Q[k][l] = Q[l][k] = RowProducts.dot(net.W, k * N, net.W, l * N, N) * invN;
            }
            for (int m = 0; m < M; m++) R[k][m] = RowProducts.dot(net.W, k * N, net.Wstar, m * N, N) * invN;
        }
        for (int m = 0; m < M; m++) {
            for (int n = 0; n <= m; n++) {
                T[m][n] = T[n][m] = RowProducts.dot(net.Wstar, m * N, net.Wstar, n * N, N) * invN;
            }
        }
        double[] c = new double[K];
        double[] d = new double[M];
        RowProducts.rowsTimes(net.W, K, N, net.F, invSqrtN, c, 0);
        RowProducts.rowsTimes(net.Wstar, M, N, net.F, invSqrtN, d, 0);
        double P = RowProducts.dot(net.F, 0, net.F, 0, N);
        return new OrderParameters(Q, R, T, net.v.clone(), net.vStar.clone(), net.b.clone(), c, d, P);
    }
}
