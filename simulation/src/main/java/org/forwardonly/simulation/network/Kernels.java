package org.forwardonly.simulation.network;

/** The arithmetic of {@link RowProducts}, in two implementations that give the same bits. */
interface Kernels {
    /** Lanes of the fixed summation order. */
    int LANES = 4;

    boolean vectorised();

    void rowsTimes(double[] A, int rows, int N, double[] x, double scale, double[] out, int outOffset);

    double dot(double[] a, int aOff, double[] b, int bOff, int n);

    /** {@code y[yOff + i] = fma(a, x[i], y[yOff + i])} for i < n. */
    void axpy(double[] y, int yOff, double a, double[] x, int n);

    /** {@code y[yOff + i] = fma(a, x[i], fma(b, z[i], y[yOff + i]))} for i < n. */
    void axpy2(double[] y, int yOff, double a, double[] x, double b, double[] z, int n);
}
