package org.forwardonly.simulation.network;

/** The arithmetic of {@link RowProducts}, in two implementations that give the same bits. */
interface Kernels {
    /** Lanes of the fixed summation order. */
    int LANES = 4;

    boolean vectorised();

    /**
     * The end of every dot product, shared by both implementations so that they sum in one order:
     * the lanes combined as (l0 + l1) + (l2 + l3), then elements {@code bound..n-1} fused in one by one.
     */
    static double combine(double l0, double l1, double l2, double l3,
                          double[] a, int aOff, double[] b, int bOff, int bound, int n) {
        double s = (l0 + l1) + (l2 + l3);
        for (int i = bound; i < n; i++) s = Math.fma(a[aOff + i], b[bOff + i], s);
        return s;
    }

    void rowsTimes(double[] A, int rows, int N, double[] x, double scale, double[] out, int outOffset);

    double dot(double[] a, int aOff, double[] b, int bOff, int n);

    /** {@code y[yOff + i] = fma(a, x[i], y[yOff + i])} for i < n. */
    void axpy(double[] y, int yOff, double a, double[] x, int n);

    /** {@code y[yOff + i] = fma(a, x[i], fma(b, z[i], y[yOff + i]))} for i < n. */
    void axpy2(double[] y, int yOff, double a, double[] x, double b, double[] z, int n);
}
