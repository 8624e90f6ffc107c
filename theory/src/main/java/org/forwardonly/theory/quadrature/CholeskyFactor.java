package org.forwardonly.theory.quadrature;

/**
 * The lower Cholesky factor L of a small symmetric positive-semidefinite matrix, C = L Lᵀ,
 * computed in place into preallocated storage (no allocation: it runs once per ODE
 * right-hand side). Covariances of local fields become singular when a student unit learns a
 * teacher unit exactly (λ_k = ν_m); a pivot at or below {@code tolerance × scale} is then set
 * to zero and its column dropped, which is the factor of the nearest semidefinite matrix
 * along that direction. The factor is a smooth function of C wherever C is definite.
 */
public final class CholeskyFactor {
    /** Relative size below which a pivot counts as zero. */
    public static final double PIVOT_TOLERANCE = 1e-13;

    private final int n;
    private final double[] L;

    /** Storage for an n×n factor. */
    public CholeskyFactor(int n) {
        this.n = n;
        this.L = new double[n * n];
    }

    /** Size n. */
    public int size() {
        return n;
    }

    /**
     * Factors C (row-major n×n, only the lower triangle is read).
     *
     * @return the number of pivots dropped as zero (0 when C is definite)
     */
    public int factor(double[] C) {
        int dropped = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, Math.abs(C[i * n + i]));
        double tiny = PIVOT_TOLERANCE * Math.max(scale, Double.MIN_NORMAL);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = C[i * n + j];
                for (int k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
                if (i == j) {
                    if (sum > tiny) {
                        L[i * n + i] = Math.sqrt(sum);
                    } else {
                        L[i * n + i] = 0.0;
                        dropped++;
                    }
                } else {
                    double pivot = L[j * n + j];
                    L[i * n + j] = pivot > 0 ? sum / pivot : 0.0;
                }
            }
            for (int j = i + 1; j < n; j++) L[i * n + j] = 0.0;
        }
        return dropped;
    }

    /** L_ij of the last factorisation (zero above the diagonal). */
    public double get(int i, int j) {
        return L[i * n + j];
    }

    /** out = L z (the correlated point of a standard-normal point z). */
    public void multiply(double[] z, double[] out) {
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) s += L[i * n + j] * z[j];
            out[i] = s;
        }
    }

    /**
     * Solves L γ = b by forward substitution, with γ_i = 0 on dropped pivots. For a covariance
     * C = L Lᵀ of fields u = L z and a further field φ with Cov(u, φ) = b, γ = Cov(z, φ), so
     * E[φ | u] = γ·z (regression of φ on the fields).
     */
    public void solveLower(double[] b, double[] gamma) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int j = 0; j < i; j++) s -= L[i * n + j] * gamma[j];
            double pivot = L[i * n + i];
            gamma[i] = pivot > 0 ? s / pivot : 0.0;
        }
    }
}
