package org.forwardonly.simulation.network;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowProductsTest {
    private static double[] gaussians(SplittableRandom r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextGaussian();
        return a;
    }

    @Test
    void theTestsRunTheVectorisedKernels() {
        // surefire's argLine adds jdk.incubator.vector, as ./pepita does: the fast path is the one tested
        assertTrue(RowProducts.vectorised());
    }

    @Test
    void vectorAndScalarKernelsGiveTheSameBits() {
        Kernels vector = VectorKernels.create(), scalar = new ScalarKernels();
        SplittableRandom r = new SplittableRandom(11);
        // every tail length n mod 4, every row-block remainder rows mod 4, offsets not multiples of 4
        for (int n : new int[] {1, 3, 4, 5, 6, 7, 8, 33, 1000, 1001, 1002, 1003}) {
            for (int rows = 1; rows <= 9; rows++) {
                double[] A = gaussians(r, rows * n), x = gaussians(r, n);
                double[] outV = new double[rows + 2], outS = new double[rows + 2];
                vector.rowsTimes(A, rows, n, x, 0.37, outV, 2);
                scalar.rowsTimes(A, rows, n, x, 0.37, outS, 2);
                for (int k = 0; k < rows + 2; k++) {
                    assertEquals(Double.doubleToRawLongBits(outS[k]), Double.doubleToRawLongBits(outV[k]),
                            "n=" + n + " rows=" + rows + " k=" + k);
                }
            }
            double[] yV = gaussians(r, n + 2), yS = yV.clone(), xs = gaussians(r, n), zs = gaussians(r, n);
            vector.axpy(yV, 2, -0.3, xs, n);
            scalar.axpy(yS, 2, -0.3, xs, n);
            vector.axpy2(yV, 2, 0.7, xs, -1.1, zs, n);
            scalar.axpy2(yS, 2, 0.7, xs, -1.1, zs, n);
            for (int i = 0; i < n + 2; i++) {
                assertEquals(Double.doubleToRawLongBits(yS[i]), Double.doubleToRawLongBits(yV[i]), "axpy n=" + n + " i=" + i);
            }
            double[] a = gaussians(r, n + 5), b = gaussians(r, n + 3);
            assertEquals(Double.doubleToRawLongBits(scalar.dot(a, 5, b, 3, n)),
                    Double.doubleToRawLongBits(vector.dot(a, 5, b, 3, n)), "dot n=" + n);
        }
    }

    @Test
    void dotIsTheDotProductToRoundingError() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 10_001;
        double[] a = gaussians(r, n), b = gaussians(r, n);
        BigDecimal exact = BigDecimal.ZERO;
        double absSum = 0;
        for (int i = 0; i < n; i++) {
            exact = exact.add(new BigDecimal(a[i]).multiply(new BigDecimal(b[i])));
            absSum += Math.abs(a[i] * b[i]);
        }
        // summation error bound of any order: (n-1) u Σ|a_i b_i| (u = 2^-53); here 4 lanes make it ~n/4
        double bound = n * Math.ulp(1.0) / 2 * absSum;
        double got = RowProducts.dot(a, 0, b, 0, n);
        assertEquals(exact.round(MathContext.DECIMAL64).doubleValue(), got, bound);
        double[] out = new double[1];
        RowProducts.rowsTimes(a, 1, n, b, 2.0, out, 0);
        assertEquals(2 * got, out[0], 0.0);
    }

    @Test
    void axpyAddsTheScaledVectorsWithOneRoundingEach() {
        double[] y = {1, 2, 3, 4, 5, 6}, x = {1, 1, 1, 1, 1, 1}, z = {0, 1, 2, 3, 4, 5};
        RowProducts.axpy2(y, 1, 2.0, x, -1.0, z, 5);
        // y[1+i] + 2 x[i] − z[i]; y[0] untouched
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 4, 4, 4, 4, 4}, y, 0.0);
        RowProducts.axpy(y, 0, 0.5, z, 6);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 4.5, 5, 5.5, 6, 6.5}, y, 0.0);
    }
}
