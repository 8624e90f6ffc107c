package org.forwardonly.simulation.network;

/** {@link RowProducts}' arithmetic in scalar code: four accumulators, {@link Math#fma} (no vector module needed). */
final class ScalarKernels implements Kernels {
    @Override
    public boolean vectorised() {
        return false;
    }

    @Override
    public void rowsTimes(double[] A, int rows, int N, double[] x, double scale, double[] out, int outOffset) {
        int bound = N - N % LANES;
        int r = 0;
        // four rows per pass: each x load feeds four rows, sixteen independent accumulators
        for (; r + 4 <= rows; r += 4) {
            int o = r * N, p = o + N, q = p + N, u = q + N;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            double c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
            for (int i = 0; i < bound; i += LANES) {
                double x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
                a0 = Math.fma(A[o + i], x0, a0);
                a1 = Math.fma(A[o + i + 1], x1, a1);
                a2 = Math.fma(A[o + i + 2], x2, a2);
                a3 = Math.fma(A[o + i + 3], x3, a3);
                b0 = Math.fma(A[p + i], x0, b0);
                b1 = Math.fma(A[p + i + 1], x1, b1);
                b2 = Math.fma(A[p + i + 2], x2, b2);
                b3 = Math.fma(A[p + i + 3], x3, b3);
                c0 = Math.fma(A[q + i], x0, c0);
                c1 = Math.fma(A[q + i + 1], x1, c1);
                c2 = Math.fma(A[q + i + 2], x2, c2);
                c3 = Math.fma(A[q + i + 3], x3, c3);
                d0 = Math.fma(A[u + i], x0, d0);
                d1 = Math.fma(A[u + i + 1], x1, d1);
                d2 = Math.fma(A[u + i + 2], x2, d2);
                d3 = Math.fma(A[u + i + 3], x3, d3);
            }
            out[outOffset + r] = scale * Kernels.combine(a0, a1, a2, a3, A, o, x, 0, bound, N);
            out[outOffset + r + 1] = scale * Kernels.combine(b0, b1, b2, b3, A, p, x, 0, bound, N);
            out[outOffset + r + 2] = scale * Kernels.combine(c0, c1, c2, c3, A, q, x, 0, bound, N);
            out[outOffset + r + 3] = scale * Kernels.combine(d0, d1, d2, d3, A, u, x, 0, bound, N);
        }
        if (r + 2 <= rows) { // two rows: eight accumulators
            int o = r * N, p = o + N;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            for (int i = 0; i < bound; i += LANES) {
                double x0 = x[i], x1 = x[i + 1], x2 = x[i + 2], x3 = x[i + 3];
                a0 = Math.fma(A[o + i], x0, a0);
                a1 = Math.fma(A[o + i + 1], x1, a1);
                a2 = Math.fma(A[o + i + 2], x2, a2);
                a3 = Math.fma(A[o + i + 3], x3, a3);
                b0 = Math.fma(A[p + i], x0, b0);
                b1 = Math.fma(A[p + i + 1], x1, b1);
                b2 = Math.fma(A[p + i + 2], x2, b2);
                b3 = Math.fma(A[p + i + 3], x3, b3);
            }
            out[outOffset + r] = scale * Kernels.combine(a0, a1, a2, a3, A, o, x, 0, bound, N);
            out[outOffset + r + 1] = scale * Kernels.combine(b0, b1, b2, b3, A, p, x, 0, bound, N);
            r += 2;
        }
        if (r < rows) out[outOffset + r] = scale * dot(A, r * N, x, 0, N);
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double l0 = 0, l1 = 0, l2 = 0, l3 = 0;
        int bound = n - n % LANES;
        for (int i = 0; i < bound; i += LANES) {
            l0 = Math.fma(a[aOff + i], b[bOff + i], l0);
            l1 = Math.fma(a[aOff + i + 1], b[bOff + i + 1], l1);
            l2 = Math.fma(a[aOff + i + 2], b[bOff + i + 2], l2);
            l3 = Math.fma(a[aOff + i + 3], b[bOff + i + 3], l3);
        }
        return Kernels.combine(l0, l1, l2, l3, a, aOff, b, bOff, bound, n);
    }

    @Override
    public void axpy(double[] y, int yOff, double a, double[] x, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Math.fma(a, x[i], y[yOff + i]);
    }

    @Override
    public void axpy2(double[] y, int yOff, double a, double[] x, double b, double[] z, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] = Math.fma(a, x[i], Math.fma(b, z[i], y[yOff + i]));
    }
}
