package org.forwardonly.theory.quadrature;

/**
 * A fixed tensor-product Gauss-Hermite grid for the D-dimensional standard normal:
 * E[f(z)] ≈ Σ_p w_p f(z_p), z ~ N(0, I_D), with n points per dimension (n^D in all). Exact for
 * polynomials of degree ≤ 2n − 1 in each coordinate. For a correlated Gaussian u = L z with
 * covariance L Lᵀ, the same points and weights apply to f(L z): the grid never moves, so an
 * average is a smooth function of L (and so of the covariance).
 *
 * <p>Points whose product weight is below {@value #MIN_WEIGHT} are pruned (the corners of the
 * tensor grid): at n = 16, D = 4 that keeps 48 % of the points while the dropped weight is
 * 2e-11 and the dropped E[|z|⁴] 6e-8, far below the Gauss-Hermite error of the kept grid on
 * the erf integrands. The pruning does not depend on the integrand, so the grid stays fixed.
 */
public final class GaussianGrid implements GaussianPointSet {
    /** Tensor points with a smaller weight are dropped. */
    public static final double MIN_WEIGHT = 1e-14;

    private final int dimension;
    private final int pointsPerDimension;
    private final double[] nodes;
    private final double[] weights;

    private GaussianGrid(int dimension, int n, double[] nodes, double[] weights) {
        this.dimension = dimension;
        this.pointsPerDimension = n;
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The n^D-point tensor grid in D dimensions (D ≥ 0; D = 0 is the single point of weight 1). */
    public static GaussianGrid tensor(int D, int n) {
        if (D < 0) throw new IllegalArgumentException("dimension must be >= 0 (got " + D + ")");
        GaussHermite rule = GaussHermite.of(n);
        double count = Math.pow(n, D);
        if (count > 50_000_000) {
            throw new IllegalArgumentException("a " + n + "^" + D + " grid is too large (" + (long) count + " points)");
        }
        int P = (int) count;
        double[] z = new double[P * D];
        double[] w = new double[P];
        int[] index = new int[D];
        int kept = 0;
        for (int p = 0; p < P; p++) {
            double weight = 1.0;
            for (int j = 0; j < D; j++) weight *= rule.weight(index[j]);
            if (weight >= MIN_WEIGHT) {
                for (int j = 0; j < D; j++) z[kept * D + j] = rule.node(index[j]);
                w[kept++] = weight;
            }
            // odometer: last coordinate fastest
            for (int j = D - 1; j >= 0; j--) {
                if (++index[j] < n) break;
                index[j] = 0;
            }
        }
        return new GaussianGrid(D, n, java.util.Arrays.copyOf(z, kept * D), java.util.Arrays.copyOf(w, kept));
    }

    @Override
    public String describe() {
        return "tensor Gauss-Hermite " + pointsPerDimension + "^" + dimension + " (" + size() + " points after pruning)";
    }

    /** Dimension D. */
    @Override
    public int dimension() {
        return dimension;
    }

    /** Points per dimension n. */
    public int pointsPerDimension() {
        return pointsPerDimension;
    }

    /** Number of points (n^D before pruning). */
    @Override
    public int size() {
        return weights.length;
    }

    /** Coordinate j of point p. */
    @Override
    public double node(int p, int j) {
        return nodes[p * dimension + j];
    }

    /** Weight of point p (the weights sum to 1 up to the pruned weight). */
    @Override
    public double weight(int p) {
        return weights[p];
    }
}
