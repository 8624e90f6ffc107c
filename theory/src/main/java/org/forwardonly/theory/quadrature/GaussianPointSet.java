package org.forwardonly.theory.quadrature;

/**
 * A fixed set of points z_p and weights w_p for averages over the D-dimensional standard normal,
 * E[f(z)] ≈ Σ_p w_p f(z_p) (docs/model.md §8). The set never moves with the state: an average of
 * f(L z) is then a smooth function of L wherever f is smooth, so adaptive integrators keep working.
 * Implementations: {@link GaussianGrid} (tensor Gauss-Hermite) and {@link ScrambledSobol}.
 */
public interface GaussianPointSet {
    /** Dimension D. */
    int dimension();

    /** Number of points. */
    int size();

    /** Coordinate j of point p. */
    double node(int p, int j);

    /**
     * Coordinate j of the {@code count} points from {@code p0} into {@code dest[destOffset ...]}, for
     * callers that work on a block of points one coordinate at a time (the exact engine's fields).
     */
    default void copyCoordinate(int j, int p0, int count, double[] dest, int destOffset) {
        for (int b = 0; b < count; b++) dest[destOffset + b] = node(p0 + b, j);
    }

    /** Weight of point p. */
    double weight(int p);

    /** A short description for config.json and messages, e.g. "tensor 12^4" or "sobol 4096". */
    String describe();
}
