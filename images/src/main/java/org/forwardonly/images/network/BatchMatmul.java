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
    public static final int COLUMN_BLOCK = 128;
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
     * {@code out (rows×cols) = a (rows×inner) · b (inner×cols)}. Zero entries of {@code a} are skipped
     * (exact: they contribute nothing), which pays off on raw images and ReLU activities.
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
                    int outRow = r * cols;
                    for (int k = k0; k < k1; k++) {
                        double av = a[aRow + k];
                        if (av == 0.0) {
                            continue;
                        }
                        int bRow = k * cols;
                        for (int j = j0; j < j1; j++) {
                            out[outRow + j] += av * b[bRow + j];
                        }
                    }
                }
            }
        });
    }

    /**
     * {@code out (m×cols) = scale · aᵀ · b} with {@code a (rows×m)}, {@code b (rows×cols)}: the weight
     * gradient of a batch, {@code out[k][j] = scale Σ_r a[r][k] b[r][j]} (sum over batch rows r ascending).
     */
    public void multiplyTransposedA(double[] a, int rows, int m, double[] b, int cols, double scale, double[] out) {
        forEachColumnBlock(cols, block -> {
            int j0 = block * COLUMN_BLOCK;
            int j1 = Math.min(cols, j0 + COLUMN_BLOCK);
            for (int k = 0; k < m; k++) {
                int outRow = k * cols;
                java.util.Arrays.fill(out, outRow + j0, outRow + j1, 0.0);
                for (int r = 0; r < rows; r++) {
                    double av = a[r * m + k];
                    if (av == 0.0) {
                        continue;
                    }
                    int bRow = r * cols;
                    for (int j = j0; j < j1; j++) {
                        out[outRow + j] += av * b[bRow + j];
                    }
                }
                if (scale != 1.0) {
                    for (int j = j0; j < j1; j++) {
                        out[outRow + j] *= scale;
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
