package org.forwardonly.theory.averaging;

import org.forwardonly.theory.quadrature.CholeskyFactor;

/**
 * The Cholesky factor L of the covariance of the local fields u = (ν_1..ν_M, λ_1..λ_K),
 * C = [[T, Rᵀ], [R, Q]] (docs/model.md §3), so that u = L z with z ~ N(0, I). Teachers come first:
 * their block of L is chol(T), which never changes. Preallocated, allocation-free.
 */
final class FieldFactor {
    private final int K, M, U;
    private final double[] cov;
    private final CholeskyFactor chol;

    FieldFactor(int K, int M) {
        this.K = K;
        this.M = M;
        this.U = K + M;
        this.cov = new double[U * U];
        this.chol = new CholeskyFactor(U);
    }

    /** The factor object, updated in place by every {@link #factor} call. */
    CholeskyFactor cholesky() {
        return chol;
    }

    /** Factors the covariance of (Q, R, T); returns the factor (valid until the next call). */
    CholeskyFactor factor(double[][] Q, double[][] R, double[][] T) {
        for (int m = 0; m < M; m++) {
            for (int n = 0; n < M; n++) cov[m * U + n] = T[m][n];
        }
        for (int k = 0; k < K; k++) {
            for (int m = 0; m < M; m++) {
                cov[(M + k) * U + m] = R[k][m];
                cov[m * U + M + k] = R[k][m];
            }
            for (int l = 0; l < K; l++) cov[(M + k) * U + M + l] = Q[k][l];
        }
        chol.factor(cov);
        return chol;
    }
}
