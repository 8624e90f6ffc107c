package org.forwardonly.images.network;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The dense products of a batch step, on plain row-major {@code double[]} matrices.
 *
 * <p>Loops run in i-k-j order (the innermost loop is a contiguous axpy that the JIT vectorises),
 * blocked so that a tile of the right-hand matrix stays in cache while every batch row uses it.
 * Work is split into a FIXED set of column blocks of {@link #COLUMN_BLOCK} columns, independent of the
 * thread count; each output element is written by one task and summed in the same order (k, or the
 * batch row, ascending) whatever the number of threads, so results are bit-identical for 1 or many threads.
 */
public final class BatchMatmul implements AutoCloseable {

    /** Width of a column block: the unit of parallel work. */
    public static final int COLUMN_BLOCK = 256;
    /** Depth of a k-tile (rows of the right-hand matrix kept in cache together). */
    static final int K_BLOCK = 64;

    private final int threads;
    private final ForkJoinPool pool;

    /** @param threads worker threads (1 = run in the caller's thread) */
    public BatchMatmul(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    /** Number of worker threads. */
    public int threads() {
        return threads;
    }

    /**
     * {@code out (rows×cols) = a (rows×inner) · b (inner×cols)}. The k loop is unrolled by four
     * ({@code out += a0 b0 + a1 b1 + a2 b2 + a3 b3}, a fixed order); groups of four zero entries of
     * {@code a} are skipped (exact), which pays off on the blank borders of images.
     */
    public void multiply(double[] a, int rows, int inner, double[] b, int cols, double[] out) {
        forEachColumnBlock(cols, block -> {
            int j0 = block * COLUMN_BLOCK;
            int j1 = Math.min(cols, j0 + COLUMN_BLOCK);
            for (int r = 0; r < rows; r++) {
                java.util.Arrays.fill(out, r * cols + j0, r * cols + j1, 0.0);
            }
            for (int k0 = 0; k0 < inner; k0 += K_BLOCK) {
                int k1 = Math.min(inner, k0 + K_BLOCK);
                for (int r = 0; r < rows; r++) {
                    int aRow = r * inner;
                    int o = r * cols;
                    int k = k0;
                    for (; k + 3 < k1; k += 4) {
                        double a0 = a[aRow + k];
                        double a1 = a[aRow + k + 1];
                        double a2 = a[aRow + k + 2];
                        double a3 = a[aRow + k + 3];
                        if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0 && a3 == 0.0) {
                            continue;
                        }
                        axpy4(a0, a1, a2, a3, b, k * cols, cols, out, o, j0, j1);
                    }
                    for (; k < k1; k++) {
                        axpy(a[aRow + k], b, k * cols, out, o, j0, j1);
                    }
                }
            }
        });
    }

    /**
     * {@code out (m×cols) = scale · aᵀ · b} with {@code a (rows×m)}, {@code b (rows×cols)}: the weight
     * gradient of a batch, {@code out[k][j] = scale Σ_r a[r][k] b[r][j]} (batch rows in groups of four, ascending).
     */
    public void multiplyTransposedA(double[] a, int rows, int m, double[] b, int cols, double scale, double[] out) {
        forEachColumnBlock(cols, block -> {
            int j0 = block * COLUMN_BLOCK;
            int j1 = Math.min(cols, j0 + COLUMN_BLOCK);
            for (int k = 0; k < m; k++) {
                int o = k * cols;
                java.util.Arrays.fill(out, o + j0, o + j1, 0.0);
                int r = 0;
                for (; r + 3 < rows; r += 4) {
                    double a0 = a[r * m + k];
                    double a1 = a[(r + 1) * m + k];
                    double a2 = a[(r + 2) * m + k];
                    double a3 = a[(r + 3) * m + k];
                    if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0 && a3 == 0.0) {
                        continue;
                    }
                    axpy4(a0, a1, a2, a3, b, r * cols, cols, out, o, j0, j1);
                }
                for (; r < rows; r++) {
                    axpy(a[r * m + k], b, r * cols, out, o, j0, j1);
                }
                if (scale != 1.0) {
                    for (int j = j0; j < j1; j++) {
                        out[o + j] *= scale;
                    }
                }
            }
        });
    }

    /**
     * {@code out (rows×cols) = a (rows×inner) · bᵀ} with {@code b (cols×inner)}: dot products, for the
     * small products with few output columns (logits, the end-to-end map). Sequential.
     */
    public static void multiplyTransposedB(double[] a, int rows, int inner, double[] b, int cols, double[] out) {
        for (int r = 0; r < rows; r++) {
            int aRow = r * inner;
            for (int c = 0; c < cols; c++) {
                int bRow = c * inner;
                double s = 0;
                for (int k = 0; k < inner; k++) {
                    s += a[aRow + k] * b[bRow + k];
                }
                out[r * cols + c] = s;
            }
        }
    }

    /**
     * {@code out[o+j] += a0 b[b0+j] + a1 b[b0+stride+j] + a2 b[b0+2 stride+j] + a3 b[b0+3 stride+j]} for j in
     * [j0, j1): four rows of b at once, so each output element is loaded and stored once per four products.
     */
    private static void axpy4(double a0, double a1, double a2, double a3, double[] b, int b0, int stride,
                              double[] out, int o, int j0, int j1) {
        int b1 = b0 + stride;
        int b2 = b1 + stride;
        int b3 = b2 + stride;
        for (int j = j0; j < j1; j++) {
            out[o + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
        }
    }

    /** {@code out[o+j] += a b[b0+j]} for j in [j0, j1). */
    private static void axpy(double a, double[] b, int b0, double[] out, int o, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            out[o + j] += a * b[b0 + j];
        }
    }

    /** Runs {@code task} for every column block of a matrix with {@code cols} columns. */
    private void forEachColumnBlock(int cols, IntConsumer task) {
        int blocks = (cols + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        if (pool == null || blocks == 1) {
            for (int block = 0; block < blocks; block++) {
                task.accept(block);
            }
        } else {
            pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(task)).join();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
