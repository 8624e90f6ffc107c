package org.forwardonly.simulation.network;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws an input x ~ N(0, I_N) and, in the same pass, its fields λ = Wx·scale and
 * ν = W*x·scale (THEORY.md §1): each x_i is multiplied into up to {@value #FUSED} rows while it
 * is still in a register, so the dot products hide behind the Gaussian sampler instead of
 * costing a second pass over x. Every fused row is summed sequentially in i, exactly as
 * {@link RowProducts#rowsTimes} sums it, so the fields are bitwise those of drawing first and
 * projecting after; rows that {@code rowsTimes} sums differently (a last single row, which it
 * takes four-way through {@link RowProducts#dot}) or beyond the first {@value #FUSED} are
 * computed after the pass by the same arithmetic as {@code rowsTimes}. Allocation-free after
 * construction.
 */
public final class SampleProjector {
    /** Rows fused into the sampling loop. */
    static final int FUSED = 8;

    private final int N, K, M;
    private final double[] W, Wstar;
    /** The fused rows: source array, offset, and whether it is a student (else teacher) row, its index. */
    private final double[][] rowArray = new double[FUSED][];
    private final int[] rowOffset = new int[FUSED];
    private final boolean[] rowStudent = new boolean[FUSED];
    private final int[] rowIndex = new int[FUSED];
    private final int fused;
    private final double[] sums = new double[FUSED];

    /** For the weights of {@code net} (read at every draw, so in-place updates are seen). */
    public SampleProjector(Network net) {
        this.N = net.N;
        this.K = net.K;
        this.M = net.M;
        this.W = net.W;
        this.Wstar = net.Wstar;
        int f = 0;
        for (int k = 0; k < K && f < FUSED; k++) {
            if (!summedFourWay(k, K)) f = add(f, W, k, true);
        }
        for (int m = 0; m < M && f < FUSED; m++) {
            if (!summedFourWay(m, M)) f = add(f, Wstar, m, false);
        }
        fused = f;
    }

    private int add(int f, double[] A, int r, boolean student) {
        rowArray[f] = A;
        rowOffset[f] = r * N;
        rowStudent[f] = student;
        rowIndex[f] = r;
        return f + 1;
    }

    /** Whether {@link RowProducts#rowsTimes} over {@code rows} rows sums row r four-way (a last single row). */
    private static boolean summedFourWay(int r, int rows) {
        return rows % 4 == 1 && r == rows - 1;
    }

    /**
     * Fills {@code x} with N draws of {@code gauss} and writes λ_k = scale·(w_k·x) into
     * {@code lambda} and ν_m = scale·(w*_m·x) into {@code nu}.
     */
    public void drawAndProject(ZigguratSampler.NormalizedGaussian gauss, double[] x, double scale,
                               double[] lambda, double[] nu) {
        // unused slots read x itself (just written, in L1): harmless work that keeps one loop shape
        double[] a0 = slot(0, x), a1 = slot(1, x), a2 = slot(2, x), a3 = slot(3, x);
        double[] a4 = slot(4, x), a5 = slot(5, x), a6 = slot(6, x), a7 = slot(7, x);
        int o0 = offset(0), o1 = offset(1), o2 = offset(2), o3 = offset(3);
        int o4 = offset(4), o5 = offset(5), o6 = offset(6), o7 = offset(7);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (int i = 0; i < N; i++) {
            double xi = gauss.sample();
            x[i] = xi;
            s0 += a0[o0 + i] * xi;
            s1 += a1[o1 + i] * xi;
            s2 += a2[o2 + i] * xi;
            s3 += a3[o3 + i] * xi;
            s4 += a4[o4 + i] * xi;
            s5 += a5[o5 + i] * xi;
            s6 += a6[o6 + i] * xi;
            s7 += a7[o7 + i] * xi;
        }
        double[] s = sums;
        s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3; s[4] = s4; s[5] = s5; s[6] = s6; s[7] = s7;
        for (int f = 0; f < fused; f++) (rowStudent[f] ? lambda : nu)[rowIndex[f]] = scale * s[f];
        rest(W, K, x, scale, lambda, true);
        rest(Wstar, M, x, scale, nu, false);
    }

    private double[] slot(int f, double[] x) {
        return f < fused ? rowArray[f] : x;
    }

    private int offset(int f) {
        return f < fused ? rowOffset[f] : 0;
    }

    /** The rows of A not fused, with rowsTimes' arithmetic. */
    private void rest(double[] A, int rows, double[] x, double scale, double[] out, boolean student) {
        for (int r = 0; r < rows; r++) {
            if (isFused(r, student)) continue;
            out[r] = summedFourWay(r, rows) ? scale * RowProducts.dot(A, r * N, x, 0, N)
                    : scale * sequentialDot(A, r * N, x, N);
        }
    }

    private boolean isFused(int r, boolean student) {
        for (int f = 0; f < fused; f++) {
            if (rowStudent[f] == student && rowIndex[f] == r) return true;
        }
        return false;
    }

    private static double sequentialDot(double[] a, int off, double[] x, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += a[off + i] * x[i];
        return s;
    }
}
