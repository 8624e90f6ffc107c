package org.forwardonly.theory.averaging;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.quadrature.CholeskyFactor;
import org.forwardonly.theory.quadrature.GaussianGrid;
import org.forwardonly.theory.quadrature.GaussianPointSet;
import org.forwardonly.theory.rules.FeedbackRule;
import org.forwardonly.theory.rules.LearningRule;
import org.forwardonly.theory.rules.SampleContext;

/**
 * The generic numerical engine of docs/model.md §5: the drift of the order parameters of ANY
 * {@link LearningRule}, obtained by averaging the rule's own per-sample increments over the
 * Gaussian local fields. With Δw_k = −(η/√N)(δ_k x + β_k F) and Δv_k = −(η_v/N) e h_pre,k,
 * one step changes the overlaps by O(1/N), and with t = μ/N:
 *
 * <pre>
 *   dR_km/dt = −η E[δ_k ν_m + β_k d_m]
 *   dc_k/dt  = −η E[δ_k φ + β_k P]
 *   dQ_kl/dt = −η E[δ_k λ_l + β_k c_l] − η E[δ_l λ_k + β_l c_k] + (η²/B) E[δ_k δ_l]
 *   dv_k/dt  = −η_v E[e h_pre,k]
 * </pre>
 *
 * (d, P are constant: only weight mirroring moves F.) For pepita, β_k = s e δ_k gives §5.
 *
 * <p><b>Method.</b> The fields u = (ν_1..ν_M, λ_1..λ_K) have covariance
 * C = [[T, Rᵀ], [R, Q]]; with its Cholesky factor L, u = L z, z ~ N(0, I). The label noise ζ
 * is one more independent coordinate when σ &gt; 0. No rule reads φ (the increments depend on
 * φ only through the constants c, d, P), so φ is integrated out exactly by conditioning:
 * E[δ_k φ] = Σ_i γ_i E[δ_k z_i] with γ = L⁻¹ Cov(u, φ) = L⁻¹ (d, c). What remains is a
 * (M+K[+1])-dimensional average, taken on a fixed {@link GaussianPointSet}: a tensor Gauss-Hermite
 * grid of n points per dimension ({@link GaussianGrid}), or scrambled Sobol points whose cost
 * grows linearly with the dimension (docs/model.md §8). The points do not move with the state and
 * L is smooth in (Q, R), so the drift is a smooth function of the state for smooth activations.
 * The tensor error for erf decays exponentially in n (≈1e-7 relative at n = 8 for K = M = 2, see
 * docs/exact-pepita.md); for ReLU the kinks make it algebraic.
 *
 * <p>One instance per thread: it owns scratch buffers and a {@link SampleContext}.
 */
public final class FieldAverageDrift {
    private final LearningRule rule;
    private final int K, M, U;
    private final double eta, etaV, sigma, s;
    private final int batchSize;
    private final GaussianPointSet grid;
    private final SampleContext ctx;
    private final FieldFactor fields;
    private final CholeskyFactor chol;

    private final double[] z, u, gamma, covPhi;
    /** The student rows of L transposed, lT[j K + k] = L_(M+k),j, read column by column by {@link #studentFieldsOfBlock}. */
    private final double[] lT;
    /**
     * A block of points, a row per coordinate (zBlock[j][b]), and their student fields (lambdaBlock[k][b]):
     * rows of their own, so that the loops over a row start at index 0 (with an offset into one array the
     * JIT cannot rule out an overlap of the rows a loop reads and writes, and leaves the loop scalar).
     */
    private final double[][] zBlock, lambdaBlock;
    private final double[] delta, beta, hPre;
    /** Optional control variate: a rule whose drift is known in closed form; only the difference is averaged. */
    private FeedbackRule control;
    /** The control's feedback b_k at the current state (computed once per drift, not per point). */
    private final double[] controlFeedback;
    private final double[] deltaC, betaC, hPreC;
    /** g'(λ_k) of the current block for the control (slopeBlock[k][b]) and of the current point (slopes[k]). */
    private final double[][] slopeBlock;
    private final double[] slopes;
    /**
     * The block's forward passes, computed block by block in vector loops ({@link #forwardPassesOfBlock}):
     * h = g(λ) (hBlock[k][b]), the clean-pass error e (eBlock[b]), and the rule's second pass h̃ if it has
     * one (hTildeBlock[k][b], with the modulated fields in work[k][b]).
     */
    private final double[][] hBlock, hTildeBlock, work, scratch;
    private final double[] eBlock;
    private boolean hTildeOfBlock;
    /** {@link #useBlockActivations}. */
    private boolean blockActivations;
    // accumulators
    private final double[][] deltaZ;   // E[δ_k z_i]
    private final double[][] deltaDelta; // E[δ_k δ_l]
    private final double[] betaMean;   // E[β_k]
    private final double[] errorH;     // E[e h_pre,k]
    private final double[][] deltaU;   // E[δ_k u_j]
    /** Per point, Σ_m v*_m g*(ν_m): the teacher block of L is chol(T), fixed, so it is computed once per (T, v*). */
    private double[] teacherOutputs;
    private double[][] cachedT;
    private double[] cachedVStar;

    /**
     * @param rule the learning rule (its per-sample map is what gets averaged)
     * @param g student activation
     * @param gTeacher teacher activation
     * @param K student hidden units
     * @param M teacher hidden units
     * @param eta first-layer rate η
     * @param etaV second-layer rate η_v
     * @param sigma label-noise amplitude σ
     * @param modulationSign s of x̃ = x + s F e
     * @param batchSize minibatch size B (docs/model.md §7: the η² term gets 1/B)
     * @param pointsPerDimension Gauss-Hermite points n per dimension
     */
    public FieldAverageDrift(LearningRule rule, Activation g, Activation gTeacher, int K, int M, double eta,
                             double etaV, double sigma, int modulationSign, int batchSize, int pointsPerDimension) {
        this(rule, g, gTeacher, K, M, eta, etaV, sigma, modulationSign, batchSize,
                GaussianGrid.tensor(K + M + (sigma > 0 ? 1 : 0), pointsPerDimension));
    }

    /**
     * As above, averaging over a given point set of dimension K + M (+1 for the label noise when
     * σ &gt; 0).
     */
    public FieldAverageDrift(LearningRule rule, Activation g, Activation gTeacher, int K, int M, double eta,
                             double etaV, double sigma, int modulationSign, int batchSize, GaussianPointSet points) {
        int expected = K + M + (sigma > 0 ? 1 : 0);
        if (points.dimension() != expected) {
            throw new IllegalArgumentException("point set has dimension " + points.dimension() + ", the fields need " + expected);
        }
        this.rule = rule;
        this.K = K;
        this.M = M;
        this.U = K + M;
        this.eta = eta;
        this.etaV = etaV;
        this.sigma = sigma;
        this.s = modulationSign;
        this.batchSize = batchSize;
        this.grid = points;
        this.ctx = new SampleContext(K, M, g, gTeacher);
        ctx.s = modulationSign;
        ctx.sigma = sigma;
        this.fields = new FieldFactor(K, M);
        this.chol = fields.cholesky();
        z = new double[U + 1];
        u = new double[U];
        gamma = new double[U];
        covPhi = new double[U];
        lT = new double[U * K];
        zBlock = new double[U + 1][BLOCK];
        lambdaBlock = new double[K][BLOCK];
        delta = new double[K];
        beta = new double[K];
        hPre = new double[K];
        deltaC = new double[K];
        betaC = new double[K];
        hPreC = new double[K];
        slopeBlock = new double[K][BLOCK];
        hBlock = new double[K][BLOCK];
        hTildeBlock = new double[K][BLOCK];
        work = new double[K][BLOCK];
        scratch = Activation.blockScratch(BLOCK);
        eBlock = new double[BLOCK];
        slopes = new double[K];
        controlFeedback = new double[K];
        deltaZ = new double[K][U];
        deltaDelta = new double[K][K];
        betaMean = new double[K];
        errorH = new double[K];
        deltaU = new double[K][U];
    }

    /**
     * Averages only the difference between this drift's rule and {@code controlRule} (same point,
     * same fields), so that {@link #drift} returns drift(rule) − drift(controlRule) as a quadrature
     * of a much smaller integrand; the caller adds drift(controlRule) in closed form
     * (docs/model.md §8, control variate). The drift is linear in the averaged increments, so the
     * sum is the rule's drift whatever the control.
     */
    public void useControlVariate(FeedbackRule controlRule) {
        this.control = controlRule;
    }

    /**
     * Evaluates the activations of a block of points in vector loops ({@link Activation#gBlock}: erf to
     * 2.5e-13, and the rule's second pass by {@link LearningRule#secondPassOfBlock}) instead of point by
     * point. Faster (about 6 % of a pepita right-hand side at K = M = 10), but that rounding is not smooth in
     * the state: on the tensor grid (pepita K = M = 2, dp853 at rtol 1e-6) two starts one ulp apart ended
     * 1.7e-10 apart in ε_g, against 2.5e-14 with the scalar erf (measured), enough to break the figures'
     * bit-for-bit checks (FigureNumbersTest). Sobol replicates, whose statistical error is 1e-6 or more,
     * use it; the tensor grid does not.
     */
    public void useBlockActivations() {
        this.blockActivations = true;
    }

    /** The point set used for the drift. */
    public GaussianPointSet grid() {
        return grid;
    }

    /**
     * Writes the drift at one state into {@code out}. c, d may be null (and P NaN) for rules
     * without F; b may be null unless the rule is fa.
     */
    public void drift(double[][] Q, double[][] R, double[][] T, double[] v, double[] vStar, double[] b,
                      double[] c, double[] d, double P, Drift out) {
        boolean hasF = c != null;
        loadState(Q, R, T, v, vStar, b, c, P);
        if (hasF) {
            // Cov(u, φ) in the order of u: (d_1..d_M, c_1..c_K)
            for (int m = 0; m < M; m++) covPhi[m] = d[m];
            for (int k = 0; k < K; k++) covPhi[M + k] = c[k];
            chol.solveLower(covPhi, gamma);
        }
        prepareTeacherOutputs(T, vStar);
        if (control != null) control.feedback(ctx.v, ctx.b, ctx.c, ctx.s, controlFeedback);
        averageIncrements();
        // E[δ_k u_j] = Σ_i L_ji E[δ_k z_i]
        for (int k = 0; k < K; k++) {
            for (int j = 0; j < U; j++) {
                double sum = 0;
                for (int i = 0; i <= j; i++) sum += chol.get(j, i) * deltaZ[k][i];
                deltaU[k][j] = sum;
            }
        }
        double eta2B = eta * eta / batchSize;
        for (int k = 0; k < K; k++) {
            // docs/model.md §5, dR/dt
            for (int m = 0; m < M; m++) {
                out.dR[k][m] = -eta * (deltaU[k][m] + (hasF ? betaMean[k] * d[m] : 0.0));
            }
            // dQ/dt (symmetric)
            for (int l = k; l < K; l++) {
                double q = -eta * (deltaU[k][M + l] + (hasF ? betaMean[k] * c[l] : 0.0))
                        - eta * (deltaU[l][M + k] + (hasF ? betaMean[l] * c[k] : 0.0))
                        + eta2B * deltaDelta[k][l];
                out.dQ[k][l] = q;
                out.dQ[l][k] = q;
            }
            out.dv[k] = -etaV * errorH[k];
            if (hasF) {
                // dc/dt: E[δ_k φ] = Σ_i γ_i E[δ_k z_i] (φ conditioned on the fields)
                double deltaPhi = 0;
                for (int i = 0; i < U; i++) deltaPhi += gamma[i] * deltaZ[k][i];
                out.dc[k] = -eta * (deltaPhi + betaMean[k] * P);
            }
        }
        for (int m = 0; m < out.dd.length; m++) out.dd[m] = 0.0;
        out.dP = 0.0;
    }

    private void loadState(double[][] Q, double[][] R, double[][] T, double[] v, double[] vStar, double[] b,
                           double[] c, double P) {
        fields.factor(Q, R, T);
        for (int j = 0; j < U; j++) {
            for (int k = 0; k < K; k++) lT[j * K + k] = chol.get(M + k, j);
        }
        System.arraycopy(v, 0, ctx.v, 0, K);
        System.arraycopy(vStar, 0, ctx.vStar, 0, M);
        if (b != null) System.arraycopy(b, 0, ctx.b, 0, K);
        if (c != null) System.arraycopy(c, 0, ctx.c, 0, K);
        else java.util.Arrays.fill(ctx.c, 0.0);
        ctx.P = P;
        // rules must not read φ: it is integrated out by conditioning (class comment)
        ctx.phi = Double.NaN;
        ctx.zeta = 0.0;
    }

    /** Fills {@link #teacherOutputs} unless T and v* are those it was computed for. */
    private void prepareTeacherOutputs(double[][] T, double[] vStar) {
        if (teacherOutputs != null && java.util.Arrays.equals(vStar, cachedVStar)
                && java.util.Arrays.deepEquals(T, cachedT)) {
            return;
        }
        cachedT = new double[M][];
        for (int m = 0; m < M; m++) cachedT[m] = T[m].clone();
        cachedVStar = vStar.clone();
        teacherOutputs = new double[grid.size()];
        for (int p = 0; p < teacherOutputs.length; p++) {
            setFields(grid, p);
            teacherOutputs[p] = ctx.teacherOutput();
        }
    }

    /** Sets ctx.nu, ctx.lambda (and ζ) at point p of a grid; leaves z holding the point. */
    private void setFields(GaussianPointSet g, int p) {
        int D = g.dimension();
        for (int j = 0; j < D; j++) z[j] = g.node(p, j);
        chol.multiply(z, u);
        for (int m = 0; m < M; m++) ctx.nu[m] = u[m];
        for (int k = 0; k < K; k++) ctx.lambda[k] = u[M + k];
        ctx.zeta = D > U ? z[U] : 0.0;
    }

    /** Points per block of the field computation: long enough for the JIT's vector loops (see {@link #studentFieldsOfBlock}). */
    private static final int BLOCK = 256;

    /**
     * The student fields of points p0 … p0 + nb − 1, λ_k = Σ_(j ≤ M+k) L_(M+k),j z_j (docs/model.md §5,
     * u = L z), into {@link #lambdaBlock}[k][b], with the points themselves in
     * {@link #zBlock}[j][b]. Coordinate by coordinate, each λ_k gets one multiply-add per
     * coordinate j over the whole block ({@link #addMultiple}), a loop the JIT compiles to vector
     * multiply-adds: it needs the loop long (blocks of 8 points were too short) and its rows in arrays of
     * their own (rows at offsets in one array kept it scalar); the timings are in
     * docs/performance.md, "Measurements behind the code". Each λ_k(p) still sums its terms in increasing j, so the fields are
     * the same bits as point by point. ν is not computed: the rules read the teacher only through its
     * output, kept per point.
     */
    private void studentFieldsOfBlock(GaussianPointSet g, int p0, int nb) {
        int D = g.dimension();
        for (int j = 0; j < D; j++) g.copyCoordinate(j, p0, nb, zBlock[j], 0);
        for (double[] row : lambdaBlock) java.util.Arrays.fill(row, 0.0);
        for (int j = 0; j < U; j++) {
            int base = j * K;
            for (int k = Math.max(0, j - M); k < K; k++) addMultiple(lambdaBlock[k], lT[base + k], zBlock[j], nb);
        }
    }

    /** y[b] += a x[b] for b < n (its own method, so that the JIT compiles it as one vector loop). */
    private static void addMultiple(double[] y, double a, double[] x, int n) {
        for (int b = 0; b < n; b++) y[b] += a * x[b];
    }

    /** Point b of the current block into z, ctx.lambda and ctx.zeta. */
    private void loadPointOfBlock(int b, int D) {
        for (int j = 0; j < D; j++) z[j] = zBlock[j][b];
        for (int k = 0; k < K; k++) ctx.lambda[k] = lambdaBlock[k][b];
        ctx.zeta = D > U ? z[U] : 0.0;
    }

    /** One point's increments minus the control rule's (e is the same clean-pass error for both). */
    private void accumulateDifference(double w, double e, double eControl) {
        for (int k = 0; k < K; k++) {
            double wd = w * (delta[k] - deltaC[k]);
            double[] dz = deltaZ[k];
            for (int i = 0; i < U; i++) dz[i] += wd * z[i];
            double[] dd = deltaDelta[k];
            double dk = delta[k], ck = deltaC[k];
            for (int l = k; l < K; l++) dd[l] += w * (dk * delta[l] - ck * deltaC[l]);
            betaMean[k] += w * (beta[k] - betaC[k]);
            errorH[k] += w * (e * hPre[k] - eControl * hPreC[k]);
        }
    }

    /**
     * The forward passes of the block's nb points p0 …, as SampleContext#prepare computes them point by
     * point (h = g(λ), e = Σ_k v_k h_k − y* − σ ζ, summed in the same order), and the rule's second pass
     * if it has one (LearningRule#secondPassOfBlock): g of the whole block in vector loops
     * (Activation#gBlock, erf to 2.5e-13), where point by point the 20 erf of a pepita point were a
     * fifth of a run (JFR, K = M = 10).
     */
    private void forwardPassesOfBlock(int p0, int nb, int D) {
        for (int k = 0; k < K; k++) {
            double[] lam = lambdaBlock[k], h = hBlock[k];
            if (blockActivations) ctx.g.gBlock(lam, h, nb, scratch);
            else for (int b = 0; b < nb; b++) h[b] = ctx.g.g(lam[b]);
        }
        java.util.Arrays.fill(eBlock, 0.0);
        for (int k = 0; k < K; k++) {
            double vk = ctx.v[k];
            double[] h = hBlock[k];
            for (int b = 0; b < nb; b++) eBlock[b] += vk * h[b];
        }
        double[] zeta = D > U ? zBlock[U] : null;
        for (int b = 0; b < nb; b++) eBlock[b] = eBlock[b] - teacherOutputs[p0 + b] - sigma * (zeta != null ? zeta[b] : 0.0);
        hTildeOfBlock = blockActivations && rule.secondPassOfBlock(lambdaBlock, eBlock, nb, ctx, hTildeBlock, work, scratch);
        ctx.hTildeGiven = hTildeOfBlock;
    }

    /**
     * The control's slopes g'(λ_k) of the block's nb points: in one vector loop ({@link Activation#gPrimeBlock},
     * erf's to 3e-13) with {@link #useBlockActivations}, like the forward passes, else point by point.
     */
    private void slopesOfBlock(int nb) {
        for (int k = 0; k < K; k++) {
            double[] lam = lambdaBlock[k], gp = slopeBlock[k];
            if (blockActivations) ctx.g.gPrimeBlock(lam, gp, nb);
            else for (int b = 0; b < nb; b++) gp[b] = ctx.g.gPrime(lam[b]);
        }
    }

    private void averageIncrements() {
        for (int k = 0; k < K; k++) {
            java.util.Arrays.fill(deltaZ[k], 0.0);
            java.util.Arrays.fill(deltaDelta[k], 0.0);
        }
        java.util.Arrays.fill(betaMean, 0.0);
        java.util.Arrays.fill(errorH, 0.0);
        int points = grid.size(), D = grid.dimension();
        for (int p = 0; p < points; p++) {
            int b = p % BLOCK;
            if (b == 0) {
                int nb = Math.min(BLOCK, points - p);
                studentFieldsOfBlock(grid, p, nb);
                forwardPassesOfBlock(p, nb, D);
                if (control != null) slopesOfBlock(nb);
            }
            loadPointOfBlock(b, D);
            // the clean pass, once for the rule and its control, and the rule's second pass: from the block
            for (int k = 0; k < K; k++) ctx.h[k] = hBlock[k][b];
            ctx.prepared(eBlock[b]);
            if (hTildeOfBlock) {
                for (int k = 0; k < K; k++) ctx.hTilde[k] = hTildeBlock[k][b];
            }
            double e = rule.incrementsPrepared(ctx, delta, beta, hPre);
            double w = grid.weight(p);
            if (control != null) {
                for (int k = 0; k < K; k++) slopes[k] = slopeBlock[k][b];
                accumulateDifference(w, e, control.incrementsGivenSlopes(ctx, controlFeedback, slopes, deltaC, betaC, hPreC));
                continue;
            }
            for (int k = 0; k < K; k++) {
                double wd = w * delta[k];
                double[] dz = deltaZ[k];
                for (int i = 0; i < U; i++) dz[i] += wd * z[i];
                double[] dd = deltaDelta[k];
                for (int l = k; l < K; l++) dd[l] += wd * delta[l];
                betaMean[k] += w * beta[k];
                errorH[k] += w * e * hPre[k];
            }
        }
    }
}
