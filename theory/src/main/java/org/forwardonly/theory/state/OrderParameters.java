package org.forwardonly.theory.state;

import org.forwardonly.theory.config.InitialConditions;
import org.forwardonly.theory.init.NetworkDraw;

/**
 * The order parameters of docs/model.md §1-2 at one time: an immutable value at the edges
 * (initial conditions, outputs). Hot loops work on the packed vector of a {@link StateLayout}
 * instead. Arrays are not copied on access: treat them as read-only.
 *
 * @param Q student overlaps w_k·w_l/N, K×K symmetric
 * @param R student-teacher overlaps w_k·w*_m/N, K×M
 * @param T teacher overlaps w*_m·w*_n/N, M×M symmetric (constant)
 * @param v student second layer, K
 * @param vStar teacher second layer, M (constant)
 * @param b fixed feedback of fa, K (constant; null when absent)
 * @param c adaptive feedback w_k·F/√N, K (null when absent)
 * @param d teacher-feedback overlaps w*_m·F/√N, M (null when absent)
 * @param P |F|² (NaN when absent)
 */
public record OrderParameters(double[][] Q, double[][] R, double[][] T, double[] v, double[] vStar,
                              double[] b, double[] c, double[] d, double P) {

    /** Student hidden units. */
    public int K() {
        return v.length;
    }

    /** Teacher hidden units. */
    public int M() {
        return vStar.length;
    }

    /** Whether c, d and P are present. */
    public boolean hasF() {
        return c != null && d != null && !Double.isNaN(P);
    }

    /** The explicit initial conditions of a config ({@code init}). */
    public static OrderParameters fromInit(InitialConditions i) {
        return new OrderParameters(i.Q(), i.R(), i.T(), i.v(), i.vStar(), i.b(), i.c(), i.d(), i.P());
    }

    /**
     * The order parameters of finite-N weights: Q = WWᵀ/N, R = WW*ᵀ/N, T = W*W*ᵀ/N,
     * c = WF/√N, d = W*F/√N, P = |F|², and v, v*, b as drawn.
     */
    public static OrderParameters fromWeights(NetworkDraw.Drawn w) {
        int N = w.N();
        double[][] Q = overlaps(w.W(), w.W(), N);
        double[][] R = overlaps(w.W(), w.Wstar(), N);
        double[][] T = overlaps(w.Wstar(), w.Wstar(), N);
        double[] c = projections(w.W(), w.F(), N);
        double[] d = projections(w.Wstar(), w.F(), N);
        double P = 0;
        for (double f : w.F()) P += f * f;
        return new OrderParameters(Q, R, T, w.v().clone(), w.vStar().clone(), w.b().clone(), c, d, P);
    }

    /** Packs the evolving variables into a new vector of {@code layout}. */
    public double[] pack(StateLayout layout) {
        double[] y = new double[layout.dimension()];
        pack(layout, y);
        return y;
    }

    /** Packs the evolving variables into {@code y} (length {@code layout.dimension()}). */
    public void pack(StateLayout layout, double[] y) {
        int K = layout.K(), M = layout.M();
        if (K != K() || M != M()) {
            throw new IllegalArgumentException("layout K=" + K + ", M=" + M + " does not match the order parameters (K="
                    + K() + ", M=" + M() + ")");
        }
        for (int k = 0; k < K; k++) {
            for (int l = k; l < K; l++) y[layout.qIndex(k, l)] = Q[k][l];
            for (int m = 0; m < M; m++) y[layout.rIndex(k, m)] = R[k][m];
            y[layout.vIndex(k)] = v[k];
        }
        if (layout.hasF()) {
            if (!hasF()) throw new IllegalArgumentException("the rule uses F but c, d or P is missing");
            for (int k = 0; k < K; k++) y[layout.cIndex(k)] = c[k];
            for (int m = 0; m < M; m++) y[layout.dIndex(m)] = d[m];
            y[layout.pIndex()] = P;
        }
    }

    /**
     * These order parameters with the evolving ones replaced by the packed vector {@code y};
     * the constants T, v*, b (and c, d, P when the layout has no F) are kept.
     */
    public OrderParameters withEvolving(StateLayout layout, double[] y) {
        int K = layout.K(), M = layout.M();
        double[][] q = new double[K][K];
        double[][] r = new double[K][M];
        double[] vv = new double[K];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < K; l++) q[k][l] = y[layout.qIndex(k, l)];
            for (int m = 0; m < M; m++) r[k][m] = y[layout.rIndex(k, m)];
            vv[k] = y[layout.vIndex(k)];
        }
        double[] cc = c, dd = d;
        double p = P;
        if (layout.hasF()) {
            cc = new double[K];
            dd = new double[M];
            for (int k = 0; k < K; k++) cc[k] = y[layout.cIndex(k)];
            for (int m = 0; m < M; m++) dd[m] = y[layout.dIndex(m)];
            p = y[layout.pIndex()];
        }
        return new OrderParameters(q, r, T, vv, vStar, b, cc, dd, p);
    }

    private static double[][] overlaps(double[][] A, double[][] B, int N) {
        double[][] out = new double[A.length][B.length];
        for (int i = 0; i < A.length; i++) {
            for (int j = 0; j < B.length; j++) out[i][j] = dot(A[i], B[j]) / N;
        }
        return out;
    }

    private static double[] projections(double[][] A, double[] F, int N) {
        double[] out = new double[A.length];
        double scale = 1.0 / Math.sqrt(N);
        for (int i = 0; i < A.length; i++) out[i] = dot(A[i], F) * scale;
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
