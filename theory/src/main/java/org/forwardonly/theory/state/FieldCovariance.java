package org.forwardonly.theory.state;

/**
 * The covariance of the local fields (λ_1..λ_K, ν_1..ν_M[, φ]) built from a packed state
 * (docs/model.md §3): Cov(λ_k, λ_l) = Q_kl, Cov(λ_k, ν_m) = R_km, Cov(ν_m, ν_n) = T_mn and, when
 * the layout has F, Cov(φ, λ_k) = c_k, Cov(φ, ν_m) = d_m, Var φ = P. Field indices: students
 * 0..K−1, teachers K..K+M−1, φ at K+M. Written into a flat row-major array, allocation-free.
 */
public final class FieldCovariance {
    private final StateLayout layout;
    private final double[][] T;
    private final int size;

    /** For a layout and the (constant) teacher overlaps T. */
    public FieldCovariance(StateLayout layout, double[][] T) {
        if (T.length != layout.M()) throw new IllegalArgumentException("T must be " + layout.M() + "x" + layout.M());
        this.layout = layout;
        this.T = T;
        this.size = layout.K() + layout.M() + (layout.hasF() ? 1 : 0);
    }

    /** Number of fields n (the covariance is n×n). */
    public int size() {
        return size;
    }

    /** Index of the teacher field ν_m. */
    public int teacher(int m) {
        return layout.K() + m;
    }

    /** Index of φ = x·F, or −1 when the layout has no F. */
    public int phi() {
        return layout.hasF() ? layout.K() + layout.M() : -1;
    }

    /** Fills the flat n×n covariance {@code C} from the packed state {@code y}. */
    public void fill(double[] y, double[] C) {
        int K = layout.K(), M = layout.M(), n = size;
        for (int k = 0; k < K; k++) {
            for (int l = k; l < K; l++) {
                double q = y[layout.qIndex(k, l)];
                C[k * n + l] = q;
                C[l * n + k] = q;
            }
            for (int m = 0; m < M; m++) {
                double r = y[layout.rIndex(k, m)];
                C[k * n + K + m] = r;
                C[(K + m) * n + k] = r;
            }
        }
        for (int m = 0; m < M; m++) {
            for (int p = 0; p < M; p++) C[(K + m) * n + K + p] = T[m][p];
        }
        if (layout.hasF()) {
            int f = K + M;
            for (int k = 0; k < K; k++) {
                double c = y[layout.cIndex(k)];
                C[k * n + f] = c;
                C[f * n + k] = c;
            }
            for (int m = 0; m < M; m++) {
                double d = y[layout.dIndex(m)];
                C[(K + m) * n + f] = d;
                C[f * n + K + m] = d;
            }
            C[f * n + f] = y[layout.pIndex()];
        }
    }
}
