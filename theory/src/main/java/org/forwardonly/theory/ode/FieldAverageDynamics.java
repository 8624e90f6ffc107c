package org.forwardonly.theory.ode;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.averaging.Drift;
import org.forwardonly.theory.averaging.FieldAverageDrift;
import org.forwardonly.theory.averaging.QuadratureEpsG;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.integrals.ClosedFormAverages;
import org.forwardonly.theory.integrals.EpsG;
import org.forwardonly.theory.integrals.SecondMoment;
import org.forwardonly.theory.quadrature.GaussianPointSet;
import org.forwardonly.theory.quadrature.PooledPointSet;
import org.forwardonly.theory.quadrature.ScrambledSobol;
import org.forwardonly.theory.mirroring.MirroringDrift;
import org.forwardonly.theory.rules.AdaptiveFeedbackAlignment;
import org.forwardonly.theory.rules.LearningRule;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;

/**
 * The exact high-dimensional ODE of any rule (docs/model.md §5): the drift is the rule's own
 * per-sample increments averaged over the Gaussian local fields by {@link FieldAverageDrift}
 * (Gauss-Hermite, {@code quadraturePoints} per dimension), plus the weight-mirroring terms of
 * docs/model.md §6 ({@link MirroringDrift}) when the config has {@code mirroring}. Works for
 * pepita and ff (both signs, both last layers), for bp, fa and afa (as a cross-check of the
 * closed forms), and for every activation pair, ReLU included. With ReLU the Gauss-Hermite
 * error is C/n (kinks, jumps of g'), so the drift is extrapolated in 1/n from even grids of n
 * and ⌈4n/3⌉ points ({@link Drift#extrapolate}): about 15× more accurate at n = 12-24
 * (docs/exact-pepita.md). Odd grids have another C (a node on the kink) and are not mixed in.
 *
 * <p>With {@code averaging.method = sobol} the average is taken instead on one scrambled Sobol
 * point set ({@link ScrambledSobol}, {@code averaging.samples} points) chosen by a replicate index:
 * the cost grows linearly with K + M, and {@link ReplicatedIntegration} integrates several
 * replicates to estimate the error (docs/model.md §8).
 *
 * <p>Holds scratch buffers: one instance per thread.
 */
public final class FieldAverageDynamics implements OrderParameterDynamics {
    private final StateLayout layout;
    private final FieldAverageDrift drift;
    /** ReLU: the same drift on a finer grid, for extrapolation in 1/n (null for smooth activations). */
    private final FieldAverageDrift fineDrift;
    private final int points, finePoints;
    private final MirroringDrift mirroring;
    /** ε_g on the engine's points (mixed activations), and with a ReLU among them on the finer grid (else null). */
    private final QuadratureEpsG epsG, fineEpsG;
    private final SecondMoment closedFormEpsG;
    private final int K, M;
    private final double[][] T;
    private final double[] vStar, b;
    // scratch: the unpacked state and its drift
    private final double[][] Q, R;
    private final double[] v, c, d;
    private final Drift out, fineOut;
    /** The control variate's closed-form drift (afa's, for pepita on Sobol points), or null. */
    private final ClosedFormDynamics control;
    private final double[] controlDot;

    /**
     * @param config    rule, activations, rates, σ, modulationSign, lastLayer, batchSize,
     *                  quadraturePoints, mirroring
     * @param constants supplies T, v* and (fa) b; K and M must match the config
     */
    public FieldAverageDynamics(ExperimentConfig config, OrderParameters constants) {
        this(config, constants, -1);
    }

    /**
     * As above; {@code replicate} ≥ 0 averages on scrambled Sobol points (the replicate's own
     * scrambling, from the config's seed), −1 on the tensor Gauss-Hermite grid.
     */
    public FieldAverageDynamics(ExperimentConfig config, OrderParameters constants, int replicate) {
        this(config, constants, replicate < 0 ? null : new int[] {replicate});
    }

    /**
     * As above on the pool of the Sobol replicates {@code replicates} (each its own scrambling of
     * {@code averaging.samples} points, {@link PooledPointSet}); null for the tensor Gauss-Hermite grid.
     */
    public FieldAverageDynamics(ExperimentConfig config, OrderParameters constants, int[] replicates) {
        if (constants.K() != config.K() || constants.M() != config.M()) {
            throw new IllegalArgumentException("initial conditions have K=" + constants.K() + ", M=" + constants.M()
                    + " but the config has K=" + config.K() + ", M=" + config.M());
        }
        LearningRule rule = config.learningRule();
        Activation g = config.activation();
        Activation gTeacher = config.teacherActivation();
        this.layout = StateLayout.forRule(config.rule(), config.K(), config.M());
        this.K = config.K();
        this.M = config.M();
        // ReLU's kinks make the Gauss-Hermite error C/n: extrapolate from n and ⌈4n/3⌉ points. The
        // constant C differs between odd n (a node sits on the kink at 0) and even n, so ReLU
        // grids are even: n is rounded up to even.
        boolean kinked = g == Activation.RELU || gTeacher == Activation.RELU;
        GaussianPointSet sobol = replicates == null ? null : sobolPool(config, replicates);
        this.points = sobol != null ? 0 : kinked ? evenGrid(config.quadraturePoints()) : config.quadraturePoints();
        this.drift = sobol != null
                ? new FieldAverageDrift(rule, g, gTeacher, K, M, config.eta(), config.etaV(), config.sigma(),
                        config.modulationSign(), config.batchSize(), sobol)
                : new FieldAverageDrift(rule, g, gTeacher, K, M, config.eta(), config.etaV(), config.sigma(),
                        config.modulationSign(), config.batchSize(), points);
        // Sobol points are unbiased at a kink: no extrapolation in 1/n
        this.finePoints = kinked && sobol == null ? fineGrid(points) : 0;
        // docs/model.md §8: on Sobol points pepita averages only its departure from afa, whose drift is closed-form
        boolean controlled = sobol != null && config.averaging().controlVariate() && config.rule().controlVariate()
                && g == gTeacher && ClosedFormAverages.has(g);
        this.control = controlled ? ClosedFormDynamics.firstOrderPepita(config.withRuleWithoutMirroring(config.rule().firstOrder()), constants) : null;
        if (controlled) drift.useControlVariate(AdaptiveFeedbackAlignment.firstOrderPepita(config.modulatedLastLayer()));
        // Sobol points carry a statistical error (≥ 1e-6 relative) far above the block activations' rounding (2.5e-13);
        // the tensor grid, accurate to 1e-7 and compared bit for bit across its uses, keeps the scalar ones
        if (sobol != null) drift.useBlockActivations();
        this.fineDrift = finePoints > 0 ? new FieldAverageDrift(rule, g, gTeacher, K, M, config.eta(), config.etaV(),
                config.sigma(), config.modulationSign(), config.batchSize(), finePoints) : null;
        if (config.mirroring() != null && !layout.hasF()) {
            throw new IllegalArgumentException("mirroring needs a rule that uses F (afa, pepita, ff)");
        }
        // ε_g: exact where docs/model.md §3 has it (erf, linear, ReLU), else on the engine's points (mixed)
        this.closedFormEpsG = SecondMoment.has(g, gTeacher) ? SecondMoment.of(g) : null;
        this.epsG = closedFormEpsG != null ? null : sobol != null ? new QuadratureEpsG(g, gTeacher, K, M, sobol)
                : new QuadratureEpsG(g, gTeacher, K, M, points);
        // with a ReLU among mixed activations ε_g's Gauss-Hermite error is C/n as well (erf student, ReLU teacher:
        // n·error = 0.146 … 0.135 from n = 8 to 32, 0.7 % of ε_g at n = 24): extrapolated in 1/n like the drift
        this.fineEpsG = epsG != null && finePoints > 0 ? new QuadratureEpsG(g, gTeacher, K, M, finePoints) : null;
        this.mirroring = config.mirroring() != null ? new MirroringDrift(config.mirroring(), g, K) : null;
        this.T = constants.T();
        this.vStar = constants.vStar().clone();
        if (layout.hasB() && constants.b() == null) throw new IllegalArgumentException("rule 'fa' needs the feedback b");
        this.b = constants.b() != null ? constants.b().clone() : null;
        Q = new double[K][K];
        R = new double[K][M];
        v = new double[K];
        c = layout.hasF() ? new double[K] : null;
        d = layout.hasF() ? new double[M] : null;
        out = new Drift(K, M);
        controlDot = control != null ? new double[layout.dimension()] : null;
        fineOut = new Drift(K, M);
    }

    /** The Sobol replicates' point sets, one scrambling each, pooled (one replicate: its own set). */
    private static GaussianPointSet sobolPool(ExperimentConfig config, int[] replicates) {
        int D = config.K() + config.M() + (config.sigma() > 0 ? 1 : 0);
        java.util.List<ScrambledSobol> parts = new java.util.ArrayList<>();
        for (int r : replicates) parts.add(ScrambledSobol.of(D, config.averaging().samples(), replicateSeed(config.seed(), r)));
        return parts.size() == 1 ? parts.get(0) : PooledPointSet.of(parts);
    }

    /** The scrambling seed of replicate {@code r} of a run with config seed {@code seed} (SplitMix64 of both). */
    public static long replicateSeed(long seed, int r) {
        long z = seed * 0x9E3779B97F4A7C15L + (r + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** What the drift averages over, for config.json. */
    public String describeAveraging() {
        return drift.grid().describe() + (control != null ? ", first-order PEPITA's closed-form drift as control variate" : "")
                + (fineDrift != null ? " extrapolated in 1/n with " + fineDrift.grid().describe() : "");
    }

    /** The ReLU grid for a requested n: n rounded up to even. */
    public static int evenGrid(int n) {
        return n + (n & 1);
    }

    /** The finer grid of the 1/n extrapolation for a requested n: ⌈4n'/3⌉ rounded up to even, n' = evenGrid(n). */
    public static int fineGrid(int n) {
        return evenGrid((4 * evenGrid(n) + 2) / 3);
    }

    @Override
    public StateLayout layout() {
        return layout;
    }

    /** The number of quadrature points of one right-hand side (after pruning; both grids for ReLU). */
    public int quadratureSize() {
        return drift.grid().size() + (fineDrift != null ? fineDrift.grid().size() : 0);
    }

    private double unpack(double[] y) {
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < K; l++) Q[k][l] = y[layout.qIndex(k, l)];
            for (int m = 0; m < M; m++) R[k][m] = y[layout.rIndex(k, m)];
            v[k] = y[layout.vIndex(k)];
        }
        if (!layout.hasF()) return Double.NaN;
        for (int k = 0; k < K; k++) c[k] = y[layout.cIndex(k)];
        for (int m = 0; m < M; m++) d[m] = y[layout.dIndex(m)];
        return y[layout.pIndex()];
    }

    @Override
    public void derivatives(double[] y, double[] yDot) {
        double P = unpack(y);
        // docs/model.md §5
        drift.drift(Q, R, T, v, vStar, b, c, d, P, out);
        if (fineDrift != null) {
            fineDrift.drift(Q, R, T, v, vStar, b, c, d, P, fineOut);
            out.extrapolate(fineOut, points, finePoints);
        }
        // docs/model.md §6
        if (mirroring != null) mirroring.addTo(Q, R, v, c, d, P, out);
        for (int k = 0; k < K; k++) {
            for (int l = k; l < K; l++) yDot[layout.qIndex(k, l)] = out.dQ[k][l];
            for (int m = 0; m < M; m++) yDot[layout.rIndex(k, m)] = out.dR[k][m];
            yDot[layout.vIndex(k)] = out.dv[k];
        }
        if (layout.hasF()) {
            for (int k = 0; k < K; k++) yDot[layout.cIndex(k)] = out.dc[k];
            for (int m = 0; m < M; m++) yDot[layout.dIndex(m)] = out.dd[m];
            yDot[layout.pIndex()] = out.dP;
        }
        if (control != null) {
            control.derivatives(y, controlDot);
            for (int i = 0; i < controlDot.length; i++) yDot[i] += controlDot[i];
        }
    }

    @Override
    public void close() {
        if (control != null) control.close();
    }

    @Override
    public double epsG(double[] y) {
        unpack(y);
        if (closedFormEpsG != null) {
            return EpsG.of(new OrderParameters(Q, R, T, v, vStar, null, null, null, Double.NaN), closedFormEpsG);
        }
        double e = epsG.epsG(Q, R, T, v, vStar);
        if (fineEpsG == null) return e;
        return (finePoints * fineEpsG.epsG(Q, R, T, v, vStar) - points * e) / (finePoints - points);
    }
}
