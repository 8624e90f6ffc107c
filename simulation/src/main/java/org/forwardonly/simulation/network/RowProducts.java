package org.forwardonly.simulation.network;

/**
 * The dot products the simulation spends its time on: rows of a row-major matrix against one
 * vector. Rows are taken four at a time so that one pass over the vector feeds four
 * independent accumulators (the vector is read once per four rows, and the four sums keep the
 * floating-point units busy). Allocation-free.
 */
public final class RowProducts {
    private RowProducts() {}

    /**
     * {@code out[outOffset + r] = scale · (A_r · x)} for the {@code rows} rows of A (row-major,
     * row length N, starting at row 0).
     */
    public static void rowsTimes(double[] A, int rows, int N, double[] x, double scale, double[] out, int outOffset) {
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int o0 = r * N, o1 = o0 + N, o2 = o1 + N, o3 = o2 + N;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int i = 0; i < N; i++) {
                double xi = x[i];
                s0 += A[o0 + i] * xi;
                s1 += A[o1 + i] * xi;
                s2 += A[o2 + i] * xi;
                s3 += A[o3 + i] * xi;
            }
            out[outOffset + r] = scale * s0;
            out[outOffset + r + 1] = scale * s1;
            out[outOffset + r + 2] = scale * s2;
            out[outOffset + r + 3] = scale * s3;
        }
        if (rows - r == 3) {
            int o0 = r * N, o1 = o0 + N, o2 = o1 + N;
            double s0 = 0, s1 = 0, s2 = 0;
            for (int i = 0; i < N; i++) {
                double xi = x[i];
                s0 += A[o0 + i] * xi;
                s1 += A[o1 + i] * xi;
                s2 += A[o2 + i] * xi;
            }
            out[outOffset + r] = scale * s0;
            out[outOffset + r + 1] = scale * s1;
            out[outOffset + r + 2] = scale * s2;
        } else if (rows - r == 2) {
            int o0 = r * N, o1 = o0 + N;
            double s0 = 0, s1 = 0;
            for (int i = 0; i < N; i++) {
                double xi = x[i];
                s0 += A[o0 + i] * xi;
                s1 += A[o1 + i] * xi;
            }
            out[outOffset + r] = scale * s0;
            out[outOffset + r + 1] = scale * s1;
        } else if (rows - r == 1) {
            out[outOffset + r] = scale * dot(A, r * N, x, 0, N);
        }
    }

    /** {@code a[aOff..aOff+n) · b[bOff..bOff+n)}, with four partial sums. */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
        }
        for (; i < n; i++) s0 += a[aOff + i] * b[bOff + i];
        return (s0 + s1) + (s2 + s3);
    }
}
