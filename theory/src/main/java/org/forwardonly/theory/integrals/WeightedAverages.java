package org.forwardonly.theory.integrals;

/**
 * Weighted sums of the Gaussian averages of docs/model.md §3-4 on one covariance, with every
 * covariance-dependent factor computed once per {@link #prepare}: the fast path of the
 * closed-form ODE's right-hand side. Allocation-free after construction; one instance per thread.
 *
 * <p>Fields are the rows of a flat row-major n×n covariance {@code C}. The first {@code nG}
 * fields are "g-units" (students 0..K−1, then teachers), which carry the weights
 * {@code w} (w_k = v_k for students, w_m = −v*_m for teachers, so that the noiseless error is
 * e = Σ_c w_c g(u_c)); further fields (φ = x·F) enter averages only linearly. In the sums below
 * c and d run over the g-units; a and b of I4/J2 are students (a, b < K).
 */
public abstract class WeightedAverages {
    /** Row stride of C (all fields). */
    protected final int n;
    /** Number of g-units (first rows of C). */
    protected final int nG;
    /** Number of students (the a arguments). */
    protected final int K;
    /** The prepared covariance (not copied). */
    protected double[] C;
    /** The prepared weights (not copied). */
    protected double[] w;

    /** Workspace for K students among nG g-units among n fields. */
    protected WeightedAverages(int K, int nG, int n) {
        if (!(0 < K && K <= nG && nG <= n)) throw new IllegalArgumentException("need 0 < K <= nG <= n");
        this.K = K;
        this.nG = nG;
        this.n = n;
    }

    /** A workspace for the closed forms {@code kind}. */
    public static WeightedAverages create(ClosedFormAverages kind, int K, int nG, int n) {
        return kind == ClosedFormAverages.ERF ? new ErfWeightedAverages(K, nG, n) : new LinearWeightedAverages(K, nG, n);
    }

    /**
     * Prepares the factors for covariance {@code C} (flat n×n, symmetric) and g-unit weights
     * {@code w} (length ≥ nG). Both arrays are read, not copied, by later calls.
     */
    public abstract void prepare(double[] C, double[] w);

    /**
     * Prepares at least what {@link #weightedI4} needs (the same values {@link #prepare} computes
     * for it), for a workspace that computes only I4 sums; by default all of {@link #prepare}.
     */
    public void prepareI4(double[] C, double[] w) {
        prepare(C, w);
    }

    /** Σ_c w_c I3(a, b, c): a a student, b any field. */
    public abstract double weightedI3(int a, int b);

    /** Σ_cd w_c w_d I4(a, b, c, d) for students a, b. */
    public abstract double weightedI4(int a, int b);

    /** J2(a, b) for students a, b. */
    public abstract double j2(int a, int b);

    /** Σ_c w_c I2(a, c). */
    public abstract double weightedI2(int a);

    /** Σ_cd w_c w_d E[g'(a) g(c) g(d)]. */
    public abstract double weightedGPrimeGG(int a);

    /** E[g'(a)]. */
    public abstract double gPrime(int a);

    /** Σ_cd w_c w_d I2(c, d) = E[e²] for the noiseless error, i.e. 2 ε_g. */
    public abstract double quadraticI2();
}
