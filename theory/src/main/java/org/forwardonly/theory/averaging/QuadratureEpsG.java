package org.forwardonly.theory.averaging;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.quadrature.CholeskyFactor;
import org.forwardonly.theory.quadrature.GaussianGrid;
import org.forwardonly.theory.quadrature.GaussianPointSet;

/**
 * ε_g = ½ E[(Σ_k v_k g(λ_k) − Σ_m v*_m g*(ν_m))²] (docs/model.md §1, label noise excluded) for any
 * activations, on a fixed Gauss-Hermite grid over the M+K fields (ReLU has no closed form for
 * mixed student/teacher activations, and the simulation needs ε_g for it too). One instance per
 * thread (scratch buffers).
 */
public final class QuadratureEpsG {
    private final Activation g, gTeacher;
    private final int K, M, U;
    private final GaussianPointSet grid;
    private final FieldFactor fields;
    private final double[] z, u;

    /** For K student and M teacher units, n Gauss-Hermite points per dimension. */
    public QuadratureEpsG(Activation g, Activation gTeacher, int K, int M, int pointsPerDimension) {
        this(g, gTeacher, K, M, GaussianGrid.tensor(K + M, pointsPerDimension));
    }

    /** For K student and M teacher units, on a given point set of dimension K + M (its extra coordinates, if any, unused). */
    public QuadratureEpsG(Activation g, Activation gTeacher, int K, int M, GaussianPointSet points) {
        if (points.dimension() < K + M) throw new IllegalArgumentException("point set has dimension " + points.dimension() + " < K + M");
        this.g = g;
        this.gTeacher = gTeacher;
        this.K = K;
        this.M = M;
        this.U = K + M;
        this.grid = points;
        this.fields = new FieldFactor(K, M);
        z = new double[U];
        u = new double[U];
    }

    /** Tensor grids up to this many points; beyond, Sobol points. */
    private static final double TENSOR_LIMIT = 3e5;

    /**
     * ε_g for mixed activations at any width: the tensor grid of n points per field while it has at
     * most {@value #TENSOR_LIMIT} points, else 2^16 scrambled Sobol points (a fixed scrambling, so
     * the same state gives the same value; error about 1e-3 relative, docs/model.md §8).
     */
    public static QuadratureEpsG forFields(Activation g, Activation gTeacher, int K, int M, int pointsPerDimension) {
        if (Math.pow(pointsPerDimension, K + M) <= TENSOR_LIMIT) return new QuadratureEpsG(g, gTeacher, K, M, pointsPerDimension);
        return new QuadratureEpsG(g, gTeacher, K, M, org.forwardonly.theory.quadrature.ScrambledSobol.of(K + M, 1 << 16, 1L));
    }

    /** ε_g at (Q, R, T, v, v*). */
    public double epsG(double[][] Q, double[][] R, double[][] T, double[] v, double[] vStar) {
        // fields u = (ν, λ) = L z
        CholeskyFactor chol = fields.factor(Q, R, T);
        double sum = 0;
        for (int p = 0; p < grid.size(); p++) {
            for (int j = 0; j < U; j++) z[j] = grid.node(p, j);
            chol.multiply(z, u);
            double diff = 0;
            for (int m = 0; m < M; m++) diff -= vStar[m] * gTeacher.g(u[m]);
            for (int k = 0; k < K; k++) diff += v[k] * g.g(u[M + k]);
            sum += grid.weight(p) * diff * diff;
        }
        return 0.5 * sum;
    }
}
