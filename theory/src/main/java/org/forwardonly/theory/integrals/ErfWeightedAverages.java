package org.forwardonly.theory.integrals;

/**
 * {@link WeightedAverages} for g(z) = erf(z/√2) (docs/model.md §3). Per {@link #prepare} it computes
 * 1 + C_uu, (1 + C_uu)^(-1/2) and the I3 prefactors (2/π)/((1+C_aa)√Λ3(a,c)); I4 shares Λ4 and
 * Λ1(c) across all (c, d) of a student pair and uses its symmetry in (c, d).
 */
final class ErfWeightedAverages extends WeightedAverages {
    private static final double TWO_OVER_PI = ClosedFormAverages.TWO_OVER_PI;
    private static final double FOUR_OVER_PI2 = ClosedFormAverages.FOUR_OVER_PI2;
    private static final double SQRT_2_OVER_PI = ClosedFormAverages.SQRT_2_OVER_PI;

    /** 1 + C_uu for g-units. */
    private final double[] one;
    /** (1 + C_uu)^(-1/2) for g-units. */
    private final double[] invSqrtOne;
    /** alpha[a·nG + c] = w_c (2/π) / ((1+C_aa) √Λ3(a,c)). */
    private final double[] alpha;
    /** Σ_c alpha[a][c] C_ac. */
    private final double[] alphaDiag;
    /** Scratch for I4 and E[g' g g]: per g-unit c. */
    private final double[] sa, sb, r;
    /** The arguments of a sum's arcsines and their values, nG(nG+1)/2 of them (ArcSine's array form). */
    private final double[] args, asins;
    /**
     * i2Asin[a·nG + c] = asin of I2(a, c) for student a, computed by {@link #weightedI2}(a) since the last
     * prepare when i2Row[a]; {@link #quadraticI2} takes those instead of computing them again (the same
     * argument, bit for bit, so the same value).
     */
    private final double[] i2Asin;
    private final boolean[] i2Row;

    ErfWeightedAverages(int K, int nG, int n) {
        super(K, nG, n);
        one = new double[nG];
        invSqrtOne = new double[nG];
        alpha = new double[K * nG];
        alphaDiag = new double[K];
        sa = new double[nG];
        sb = new double[nG];
        r = new double[nG];
        args = new double[nG * (nG + 1) / 2];
        asins = new double[args.length];
        i2Asin = new double[K * nG];
        i2Row = new boolean[K];
    }

    @Override
    public void prepareI4(double[] C, double[] w) {
        // I4 needs only 1 + C_uu
        this.C = C;
        this.w = w;
        java.util.Arrays.fill(i2Row, false);
        for (int u = 0; u < nG; u++) one[u] = 1 + C[u * n + u];
    }

    @Override
    public void prepare(double[] C, double[] w) {
        this.C = C;
        this.w = w;
        java.util.Arrays.fill(i2Row, false);
        for (int u = 0; u < nG; u++) {
            one[u] = 1 + C[u * n + u];
            invSqrtOne[u] = 1 / Math.sqrt(one[u]);
        }
        // docs/model.md §3, I3(a,b,c) = (2/π)(C_bc(1+C_aa) − C_ab C_ac)/((1+C_aa)√Λ3(a,c))
        for (int a = 0; a < K; a++) {
            double s = 0;
            for (int c = 0; c < nG; c++) {
                double ac = C[a * n + c];
                double lambda3 = one[a] * one[c] - ac * ac;
                double al = w[c] * TWO_OVER_PI / (one[a] * Math.sqrt(lambda3));
                alpha[a * nG + c] = al;
                s += al * ac;
            }
            alphaDiag[a] = s;
        }
    }

    @Override
    public double weightedI3(int a, int b) {
        double s = 0;
        int row = b * n, ar = a * nG;
        for (int c = 0; c < nG; c++) s += alpha[ar + c] * C[row + c];
        return one[a] * s - C[a * n + b] * alphaDiag[a];
    }

    @Override
    public double weightedI4(int a, int b) {
        // docs/model.md §3, I4 with Λ4(a,b), Λ1(a,b,c), Λ0(a,b,c,d); symmetric in (c,d)
        double oneA = one[a], oneB = one[b];
        double ab = C[a * n + b];
        double lambda4 = oneA * oneB - ab * ab;
        for (int c = 0; c < nG; c++) {
            double ac = C[a * n + c], bc = C[b * n + c];
            sa[c] = ac;
            sb[c] = bc;
            double lambda1 = lambda4 * one[c] - bc * bc * oneA - ac * ac * oneB + 2 * ab * ac * bc;
            r[c] = 1 / Math.sqrt(lambda1);
        }
        // the arcsines' arguments, row by row (c, then d > c), then all arcsines at once, then the sums in the
        // order of one loop over (c, d ≥ c): the same bits as computing each arcsine where it is summed
        int m = 0;
        for (int c = 0; c < nG; c++) {
            double ac = sa[c], bc = sb[c], rc = r[c];
            int row = c * n;
            double lambda0 = lambda4 * C[row + c] - bc * bc * oneA - ac * ac * oneB + 2 * ab * ac * bc;
            args[m++] = lambda0 * rc * rc;
            for (int d = c + 1; d < nG; d++) {
                double ad = sa[d], bd = sb[d];
                double l0 = lambda4 * C[row + d] - bc * bd * oneA - ac * ad * oneB + ab * (ac * bd + ad * bc);
                args[m++] = l0 * rc * r[d];
            }
        }
        ArcSine.asin(args, asins, 0, m);
        double diag = 0, off = 0;
        m = 0;
        for (int c = 0; c < nG; c++) {
            double wc = w[c];
            diag += wc * wc * asins[m++];
            double rowSum = 0;
            for (int d = c + 1; d < nG; d++) rowSum += w[d] * asins[m++];
            off += wc * rowSum;
        }
        return FOUR_OVER_PI2 / Math.sqrt(lambda4) * (diag + 2 * off);
    }

    @Override
    public double j2(int a, int b) {
        double ab = C[a * n + b];
        return TWO_OVER_PI / Math.sqrt(one[a] * one[b] - ab * ab);
    }

    @Override
    public double weightedI2(int a) {
        int row = a * n;
        for (int c = 0; c < nG; c++) args[c] = C[row + c] * invSqrtOne[a] * invSqrtOne[c];
        ArcSine.asin(args, asins, 0, nG);
        System.arraycopy(asins, 0, i2Asin, a * nG, nG);
        i2Row[a] = true;
        double s = 0;
        for (int c = 0; c < nG; c++) s += w[c] * asins[c];
        return TWO_OVER_PI * s;
    }

    @Override
    public double weightedGPrimeGG(int a) {
        // docs/model.md §2: I2 on C' = C − C_·a C_a·/(1+C_aa), times √(2/π)(1+C_aa)^(-1/2)
        double oneA = one[a];
        int rowA = a * n;
        for (int c = 0; c < nG; c++) {
            double ac = C[rowA + c];
            sa[c] = ac;
            r[c] = 1 / Math.sqrt(one[c] - ac * ac / oneA);
        }
        double diag = 0, off = 0;
        for (int c = 0; c < nG; c++) {
            double ac = sa[c], rc = r[c];
            int row = c * n;
            diag += w[c] * w[c] * ArcSine.asin((C[row + c] - ac * ac / oneA) * rc * rc);
            double rowSum = 0;
            for (int d = c + 1; d < nG; d++) rowSum += w[d] * ArcSine.asin((C[row + d] - ac * sa[d] / oneA) * rc * r[d]);
            off += w[c] * rowSum;
        }
        return SQRT_2_OVER_PI * invSqrtOne[a] * TWO_OVER_PI * (diag + 2 * off);
    }

    @Override
    public double gPrime(int a) {
        return SQRT_2_OVER_PI * invSqrtOne[a];
    }

    @Override
    public double quadraticI2() {
        // row c's arcsines for d ≥ c: a student's from weightedI2(c) when it ran since prepare (the same
        // argument C_cd (1+C_cc)^(-1/2) (1+C_dd)^(-1/2), so the same bits), else computed here
        int m = 0;
        for (int c = 0; c < nG; c++) {
            if (c < K && i2Row[c]) {
                System.arraycopy(i2Asin, c * nG + c, asins, m, nG - c);
                m += nG - c;
            } else {
                int row = c * n, from = m;
                double ic = invSqrtOne[c];
                args[m++] = C[row + c] * ic * ic;
                for (int d = c + 1; d < nG; d++) args[m++] = C[row + d] * ic * invSqrtOne[d];
                ArcSine.asin(args, asins, from, m);
            }
        }
        double diag = 0, off = 0;
        m = 0;
        for (int c = 0; c < nG; c++) {
            diag += w[c] * w[c] * asins[m++];
            double rowSum = 0;
            for (int d = c + 1; d < nG; d++) rowSum += w[d] * asins[m++];
            off += w[c] * rowSum;
        }
        return TWO_OVER_PI * (diag + 2 * off);
    }
}
