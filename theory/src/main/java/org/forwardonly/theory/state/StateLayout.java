package org.forwardonly.theory.state;

import org.forwardonly.theory.rules.RuleType;

import java.util.ArrayList;
import java.util.List;

/**
 * How the evolving order parameters are packed into one {@code double[]} for the integrators
 * (docs/model.md §1-4). In order:
 * <ol>
 *   <li>Q upper triangle including the diagonal, row by row: Q_11, Q_12, …, Q_1K, Q_22, …, Q_KK;</li>
 *   <li>R row-major: R_11, …, R_1M, R_21, …, R_KM;</li>
 *   <li>v_1, …, v_K;</li>
 *   <li>only when the rule uses F ({@link #hasF()}): c_1, …, c_K, then d_1, …, d_M, then P.</li>
 * </ol>
 * d and P are constant without weight mirroring (their derivative is 0) but live in the vector
 * because mirroring moves them. T, v* and fa's feedback b are constants held by the dynamics.
 *
 * <p>Every engine reads and writes the packed vector through these offsets, so the layout is
 * defined once. Column names of the output ({@link #columnNames()}) follow the same order,
 * 1-based: {@code Q_1_1, Q_1_2, …, R_1_1, …, v_1, …, c_1, …, d_1, …, P}.
 *
 * @param K student hidden units
 * @param M teacher hidden units
 * @param hasB whether the rule has a fixed feedback b (fa); b is a constant, not packed
 * @param hasF whether the rule uses the feedback vector F, so that c, d and P are packed
 */
public record StateLayout(int K, int M, boolean hasB, boolean hasF) {

    /** Checks the sizes. */
    public StateLayout {
        if (K < 1 || M < 1) throw new IllegalArgumentException("K and M must be >= 1 (got K=" + K + ", M=" + M + ")");
    }

    /** The layout for a rule: b packed as a constant for fa, c/d/P for rules that use F. */
    public static StateLayout forRule(RuleType rule, int K, int M) {
        return new StateLayout(K, M, rule.hasB(), rule.usesF());
    }

    /** Length of the packed vector. */
    public int dimension() {
        return vOffset() + K + (hasF ? K + M + 1 : 0);
    }

    /** Offset of Q_11 (0). */
    public int qOffset() {
        return 0;
    }

    /** Number of packed Q entries, K(K+1)/2. */
    public int qSize() {
        return K * (K + 1) / 2;
    }

    /** Index of Q_kl (0-based k, l, either order: Q is symmetric). */
    public int qIndex(int k, int l) {
        if (k > l) {
            int t = k;
            k = l;
            l = t;
        }
        // rows 0..k-1 of the upper triangle hold K + (K-1) + ... + (K-k+1) entries
        return k * K - k * (k - 1) / 2 + (l - k);
    }

    /** Offset of R_11. */
    public int rOffset() {
        return qSize();
    }

    /** Index of R_km (0-based). */
    public int rIndex(int k, int m) {
        return rOffset() + k * M + m;
    }

    /** Offset of v_1. */
    public int vOffset() {
        return rOffset() + K * M;
    }

    /** Index of v_k (0-based). */
    public int vIndex(int k) {
        return vOffset() + k;
    }

    /** Offset of c_1; only when {@link #hasF()}. */
    public int cOffset() {
        requireF();
        return vOffset() + K;
    }

    /** Index of c_k (0-based); only when {@link #hasF()}. */
    public int cIndex(int k) {
        return cOffset() + k;
    }

    /** Offset of d_1; only when {@link #hasF()}. */
    public int dOffset() {
        return cOffset() + K;
    }

    /** Index of d_m (0-based); only when {@link #hasF()}. */
    public int dIndex(int m) {
        return dOffset() + m;
    }

    /** Index of P; only when {@link #hasF()}. */
    public int pIndex() {
        return dOffset() + M;
    }

    /** Output column names of the packed entries, in packing order (1-based indices). */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(dimension());
        for (int k = 1; k <= K; k++) {
            for (int l = k; l <= K; l++) names.add("Q_" + k + "_" + l);
        }
        for (int k = 1; k <= K; k++) {
            for (int m = 1; m <= M; m++) names.add("R_" + k + "_" + m);
        }
        for (int k = 1; k <= K; k++) names.add("v_" + k);
        if (hasF) {
            for (int k = 1; k <= K; k++) names.add("c_" + k);
            for (int m = 1; m <= M; m++) names.add("d_" + m);
            names.add("P");
        }
        return names;
    }

    private void requireF() {
        if (!hasF) throw new IllegalStateException("this layout has no c, d, P (the rule does not use F)");
    }
}
