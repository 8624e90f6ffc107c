package org.forwardonly.theory.integrals;

/**
 * {@link WeightedAverages} for linear g (docs/model.md §3): I2 = C_ab, I3 = C_bc, I4 = C_cd,
 * J2 = 1, so every weighted sum reduces to (Cw)_b = Σ_c C_bc w_c or wᵀCw.
 */
final class LinearWeightedAverages extends WeightedAverages {
    /** (Cw)_b for every field b. */
    private final double[] cw;
    private double wCw;

    LinearWeightedAverages(int K, int nG, int n) {
        super(K, nG, n);
        cw = new double[n];
    }

    @Override
    public void prepare(double[] C, double[] w) {
        this.C = C;
        this.w = w;
        for (int b = 0; b < n; b++) {
            double s = 0;
            for (int c = 0; c < nG; c++) s += C[b * n + c] * w[c];
            cw[b] = s;
        }
        double q = 0;
        for (int c = 0; c < nG; c++) q += w[c] * cw[c];
        wCw = q;
    }

    @Override public double weightedI3(int a, int b) { return cw[b]; }

    @Override public double weightedI4(int a, int b) { return wCw; }

    @Override public double j2(int a, int b) { return 1.0; }

    @Override public double weightedI2(int a) { return cw[a]; }

    @Override public double weightedGPrimeGG(int a) { return wCw; }

    @Override public double gPrime(int a) { return 1.0; }

    @Override public double quadraticI2() { return wCw; }
}
