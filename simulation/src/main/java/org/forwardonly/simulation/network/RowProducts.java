package org.forwardonly.simulation.network;

/**
 * The arithmetic the simulation spends its time on: rows of a row-major matrix against one
 * vector, dot products, and the rank-one weight updates (axpy). Allocation-free.
 *
 * <p>Every dot product is summed in one fixed order, whatever the hardware: four lanes (element i
 * goes to lane i mod 4, accumulated with a fused multiply-add), combined as (l0 + l1) + (l2 + l3),
 * then the last n mod 4 elements fused in one by one. With the {@code jdk.incubator.vector}
 * module in the JVM ({@code ./pepita} and the tests add it) the lanes are one 256-bit vector;
 * without it, four scalar accumulators with {@link Math#fma}. Both give the same bits (checked
 * by {@code RowProductsTest}), so results never depend on how the program was launched, and the
 * JIT, which may not reorder a floating-point sum, does not have to vectorise one.
 */
public final class RowProducts {
    private RowProducts() {}

    /** The implementation in use: vectorised when the incubator module is present. */
    static final Kernels KERNELS = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            ? VectorKernels.create() : new ScalarKernels();

    /** Whether the vectorised kernels are in use (for benchmark reports). */
    public static boolean vectorised() {
        return KERNELS.vectorised();
    }

    /**
     * {@code out[outOffset + r] = scale · (A_r · x)} for the {@code rows} rows of A (row-major,
     * row length N, starting at row 0).
     */
    public static void rowsTimes(double[] A, int rows, int N, double[] x, double scale, double[] out, int outOffset) {
        KERNELS.rowsTimes(A, rows, N, x, scale, out, outOffset);
    }

    /** {@code a[aOff..aOff+n) · b[bOff..bOff+n)}, summed in the fixed order above. */
    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        return KERNELS.dot(a, aOff, b, bOff, n);
    }

    /** {@code y[yOff + i] += a x[i]} for i < n, with one rounding per element (a fused multiply-add). */
    public static void axpy(double[] y, int yOff, double a, double[] x, int n) {
        KERNELS.axpy(y, yOff, a, x, n);
    }

    /** {@code y[yOff + i] += a x[i] + b z[i]} for i < n, as fma(a, x[i], fma(b, z[i], y[yOff + i])). */
    public static void axpy2(double[] y, int yOff, double a, double[] x, double b, double[] z, int n) {
        KERNELS.axpy2(y, yOff, a, x, b, z, n);
    }
}
