package org.forwardonly.simulation.network;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowProducts}' arithmetic with one 256-bit vector of four lanes per row (the Vector API,
 * incubating in Java 17). The species is fixed, not the machine's preferred one, so that the
 * order of summation, and hence every bit of the result, is the same on every machine. Rows are
 * taken four at a time so that each load of x feeds four accumulators. Only loaded when the
 * {@code jdk.incubator.vector} module is present.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private VectorKernels() {}

    static Kernels create() {
        return new VectorKernels();
    }

    @Override
    public boolean vectorised() {
        return true;
    }

    @Override
    public void rowsTimes(double[] A, int rows, int N, double[] x, double scale, double[] out, int outOffset) {
        int bound = N - N % LANES;
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int o0 = r * N, o1 = o0 + N, o2 = o1 + N, o3 = o2 + N;
            DoubleVector s0 = DoubleVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
            for (int i = 0; i < bound; i += LANES) {
                DoubleVector xv = DoubleVector.fromArray(S, x, i);
                s0 = DoubleVector.fromArray(S, A, o0 + i).fma(xv, s0);
                s1 = DoubleVector.fromArray(S, A, o1 + i).fma(xv, s1);
                s2 = DoubleVector.fromArray(S, A, o2 + i).fma(xv, s2);
                s3 = DoubleVector.fromArray(S, A, o3 + i).fma(xv, s3);
            }
            out[outOffset + r] = scale * finish(s0, A, o0, x, 0, bound, N);
            out[outOffset + r + 1] = scale * finish(s1, A, o1, x, 0, bound, N);
            out[outOffset + r + 2] = scale * finish(s2, A, o2, x, 0, bound, N);
            out[outOffset + r + 3] = scale * finish(s3, A, o3, x, 0, bound, N);
        }
        for (; r < rows; r++) out[outOffset + r] = scale * dot(A, r * N, x, 0, N);
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        int bound = n - n % LANES;
        DoubleVector s = DoubleVector.zero(S);
        for (int i = 0; i < bound; i += LANES) {
            s = DoubleVector.fromArray(S, a, aOff + i).fma(DoubleVector.fromArray(S, b, bOff + i), s);
        }
        return finish(s, a, aOff, b, bOff, bound, n);
    }

    @Override
    public void axpy(double[] y, int yOff, double a, double[] x, int n) {
        int bound = n - n % LANES;
        DoubleVector av = DoubleVector.broadcast(S, a);
        for (int i = 0; i < bound; i += LANES) {
            av.fma(DoubleVector.fromArray(S, x, i), DoubleVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (int i = bound; i < n; i++) y[yOff + i] = Math.fma(a, x[i], y[yOff + i]);
    }

    @Override
    public void axpy2(double[] y, int yOff, double a, double[] x, double b, double[] z, int n) {
        int bound = n - n % LANES;
        DoubleVector av = DoubleVector.broadcast(S, a), bv = DoubleVector.broadcast(S, b);
        for (int i = 0; i < bound; i += LANES) {
            DoubleVector yz = bv.fma(DoubleVector.fromArray(S, z, i), DoubleVector.fromArray(S, y, yOff + i));
            av.fma(DoubleVector.fromArray(S, x, i), yz).intoArray(y, yOff + i);
        }
        for (int i = bound; i < n; i++) y[yOff + i] = Math.fma(a, x[i], Math.fma(b, z[i], y[yOff + i]));
    }

    /** The lanes of {@code lanes} and the tail, summed as {@link Kernels#combine} defines. */
    private static double finish(DoubleVector lanes, double[] a, int aOff, double[] b, int bOff, int bound, int n) {
        return Kernels.combine(lanes.lane(0), lanes.lane(1), lanes.lane(2), lanes.lane(3), a, aOff, b, bOff, bound, n);
    }
}
