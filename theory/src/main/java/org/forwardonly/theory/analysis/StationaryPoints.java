package org.forwardonly.theory.analysis;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OrderParameterDynamics;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The stationary points of one config's order-parameter ODE (docs/analysis.md): a damped Newton
 * solve of dy/dt = 0 on the free variables, with a central-difference Jacobian (the drift is a
 * smooth function of the state on every engine: closed forms, a fixed tensor grid, or the first
 * replicate's fixed Sobol points), solved by a truncated SVD so that continua (zero singular
 * values from a symmetry) do not break the step. Variables the config freezes (v when η_v = 0;
 * d and P without mirroring; Q, R, c when η = 0) are held fixed and left out of the spectrum.
 * The constants (T, v*, b, and d, P) are those of {@code constants}. One instance is used by one
 * thread; {@link #close()} releases the engine.
 */
public final class StationaryPoints implements AutoCloseable {

    /** Central-difference step of the Jacobian, relative to max(1, |y_j|): truncation ~h², round-off ~1e-16/h. */
    static final double JACOBIAN_STEP = 1e-5;
    /** Eigenvalues with |Re| below this fraction of the spectral radius count as zero (the Jacobian's own error is ~1e-10 of it). */
    static final double ZERO_FRACTION = 1e-6;
    /** Newton stops when the step is below this, relative to max(1, |y|). */
    static final double STEP_TOLERANCE = 1e-14;
    /** ...and the drift below this times the rate max(|η|, |η_v|, |mirroring rate|). */
    static final double RESIDUAL_TOLERANCE = 1e-9;

    /** Above this K the K! relabellings of the student units are not enumerated (copies are not merged nor counted). */
    public static final int MAX_PERMUTED_K = 7;

    /** A starting point of the solve and where it came from. */
    public record Start(String origin, double[] state) { }

    private final ExperimentConfig config;
    private final OrderParameters constants;
    private final OrderParameterDynamics dynamics;
    private final StateLayout layout;
    private final int[] free;
    private final double rate;
    private final double[] scratch;
    /** With smallEta, the same config at half the rates: 4 f(η/2) − f(η) is the O(η) part of the drift. */
    private final OrderParameterDynamics half;
    private final double[] scratchHalf;
    /** The relabellings of the student units that are symmetries of the drift (all K! but the identity, or fa's that keep b). */
    private final List<int[]> relabellings;

    /**
     * The analyser of {@code config} with the constants of {@code constants} (its T, v*, b, d, P);
     * ConfigException (one line) when no engine can run the config.
     */
    public StationaryPoints(ExperimentConfig config, OrderParameters constants) {
        this(config, constants, false);
    }

    /**
     * As above; with {@code smallEta} the drift analysed is its O(η) part only, the η → 0 limit of
     * Saad and Solla (1995) (docs/analysis.md): the drift is η A + η² B (the η² term of dQ/dt, with σ²
     * in it, docs/model.md §4; v's drift is linear in η_v), so 4 f(η/2) − f(η) = η A exactly. Not
     * with mirroring, whose drift is not of that form.
     */
    public StationaryPoints(ExperimentConfig config, OrderParameters constants, boolean smallEta) {
        if (smallEta && config.mirroring() != null) {
            throw new ConfigException("option '--small-eta': the O(eta) part of the drift is defined without mirroring only");
        }
        Experiments.validate(config, constants);
        this.config = config;
        this.constants = constants;
        this.dynamics = Experiments.dynamics(config, constants, 1);
        this.layout = dynamics.layout();
        this.free = freeIndices(config, layout);
        if (free.length == 0) {
            throw new ConfigException("key 'eta': with eta = 0 and etaV = 0 nothing moves; there is no dynamics to analyse");
        }
        double r = Math.max(Math.abs(config.eta()), Math.abs(config.etaV()));
        if (config.mirroring() != null) r = Math.max(r, Math.abs(config.mirroring().etaWm()));
        this.rate = r;
        this.scratch = new double[layout.dimension()];
        this.half = smallEta ? Experiments.dynamics(halfRates(config), constants, 1) : null;
        this.scratchHalf = new double[layout.dimension()];
        this.relabellings = relabellings(layout.K(), layout.hasB() ? constants.b() : null);
        // a relabelling that changes a frozen variable (v when eta_v = 0, Q and R when eta = 0) maps a point
        // to one of a different system: not a copy
        double[] y0 = constants.pack(layout);
        boolean[] moves = new boolean[layout.dimension()];
        for (int i : free) moves[i] = true;
        relabellings.removeIf(pi -> {
            double[] z = relabelled(y0, pi);
            for (int i = 0; i < z.length; i++) if (!moves[i] && z[i] != y0[i]) return true;
            return false;
        });
    }

    /**
     * The permutations of K student units other than the identity that map the drift onto itself:
     * every one (the units enter the drift only through sums over them), except for fa, whose fixed
     * feedback b_k is a per-unit constant, those that change b. Empty above {@link #MAX_PERMUTED_K}.
     */
    static List<int[]> relabellings(int K, double[] b) {
        List<int[]> out = new ArrayList<>();
        if (K > MAX_PERMUTED_K) return out;
        permute(new int[K], new boolean[K], 0, out);
        out.removeIf(pi -> {
            boolean identity = true;
            for (int k = 0; k < K; k++) {
                if (pi[k] != k) identity = false;
                if (b != null && b[pi[k]] != b[k]) return true;
            }
            return identity;
        });
        return out;
    }

    private static void permute(int[] pi, boolean[] used, int at, List<int[]> out) {
        if (at == pi.length) {
            out.add(pi.clone());
            return;
        }
        for (int k = 0; k < pi.length; k++) {
            if (used[k]) continue;
            used[k] = true;
            pi[at] = k;
            permute(pi, used, at + 1, out);
            used[k] = false;
        }
    }

    /** {@code y} with student unit k relabelled as unit pi[k]: Q, R, v and c move with their units; T, d, P stay. */
    double[] relabelled(double[] y, int[] pi) {
        double[] z = y.clone();
        int K = layout.K(), M = layout.M();
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < K; l++) z[layout.qIndex(pi[k], pi[l])] = y[layout.qIndex(k, l)];
            for (int m = 0; m < M; m++) z[layout.rIndex(pi[k], m)] = y[layout.rIndex(k, m)];
            z[layout.vIndex(pi[k])] = y[layout.vIndex(k)];
            if (layout.hasF()) z[layout.cIndex(pi[k])] = y[layout.cIndex(k)];
        }
        return z;
    }

    /** The number of distinct points among {@code y} and its relabellings (1 for a point all relabellings fix). */
    int copies(double[] y) {
        if (layout.K() > MAX_PERMUTED_K) return 0;
        List<double[]> distinct = new ArrayList<>();
        distinct.add(y);
        for (int[] pi : relabellings) {
            double[] z = relabelled(y, pi);
            boolean seen = false;
            for (double[] d : distinct) seen |= close(d, z);
            if (!seen) distinct.add(z);
        }
        return distinct.size();
    }

    /** The index of a point of {@code points} that is {@code y} or a relabelled copy of it (within 1e-6 relative), or −1. */
    public int indexOfCopy(List<FixedPoint> points, double[] y) {
        int i = indexOf(points, y);
        for (int j = 0; j < relabellings.size() && i < 0; j++) i = indexOf(points, relabelled(y, relabellings.get(j)));
        return i;
    }

    private static ExperimentConfig halfRates(ExperimentConfig c) {
        return c.withRates(c.eta() / 2, c.etaV() / 2);
    }

    /** The packed indices that move: Q, R (and c) when η ≠ 0, v when η_v ≠ 0, d and P with mirroring. */
    static int[] freeIndices(ExperimentConfig config, StateLayout layout) {
        List<Integer> idx = new ArrayList<>();
        boolean first = config.eta() != 0 || config.mirroring() != null;
        if (first) for (int i = 0; i < layout.vOffset(); i++) idx.add(i);
        if (config.etaV() != 0) for (int k = 0; k < layout.K(); k++) idx.add(layout.vIndex(k));
        if (layout.hasF()) {
            if (first) for (int k = 0; k < layout.K(); k++) idx.add(layout.cIndex(k));
            if (config.mirroring() != null) {
                for (int m = 0; m < layout.M(); m++) idx.add(layout.dIndex(m));
                idx.add(layout.pIndex());
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The state layout. */
    public StateLayout layout() {
        return layout;
    }

    /** The config analysed. */
    public ExperimentConfig config() {
        return config;
    }

    /** The packed indices that move (the rest are held fixed). */
    public int[] freeIndices() {
        return free.clone();
    }

    /** The drift's scale: the largest learning rate of the config. */
    public double rate() {
        return rate;
    }

    /** dy/dt on the free variables at {@code y}. */
    public double[] residual(double[] y) {
        dynamics.derivatives(y, scratch);
        double[] r = new double[free.length];
        if (half != null) {
            half.derivatives(y, scratchHalf);
            for (int i = 0; i < free.length; i++) r[i] = 4 * scratchHalf[free[i]] - scratch[free[i]];
            return r;
        }
        for (int i = 0; i < free.length; i++) r[i] = scratch[free[i]];
        return r;
    }

    /** ε_g at {@code y}. */
    public double epsG(double[] y) {
        return dynamics.epsG(y);
    }

    /** The Jacobian of the drift on the free variables (central differences, {@link #JACOBIAN_STEP}). */
    public double[][] jacobian(double[] y) {
        int n = free.length;
        double[][] J = new double[n][n];
        double[] yp = y.clone();
        double[] f0 = null;
        for (int j = 0; j < n; j++) {
            int c = free[j];
            double h = JACOBIAN_STEP * Math.max(1, Math.abs(y[c]));
            yp[c] = y[c] + h;
            double[] fp = residual(yp);
            yp[c] = y[c] - h;
            double[] fm = residual(yp);
            yp[c] = y[c];
            boolean okP = allFinite(fp), okM = allFinite(fm);
            if (okP && okM) {
                for (int i = 0; i < n; i++) J[i][j] = (fp[i] - fm[i]) / (2 * h);
            } else {
                // on the edge of the valid states (e.g. Q_kl = Q_kk at the plateau, where the averages of a
                // step across it are undefined): the one-sided difference from the valid side
                if (f0 == null) f0 = residual(y);
                for (int i = 0; i < n; i++) J[i][j] = okP ? (fp[i] - f0[i]) / h : okM ? (f0[i] - fm[i]) / h : Double.NaN;
            }
        }
        return J;
    }

    private static boolean allFinite(double[] a) {
        for (double x : a) if (!Double.isFinite(x)) return false;
        return true;
    }

    private static double normInf(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return Double.isNaN(m) ? Double.POSITIVE_INFINITY : m;
    }

    private double residualNorm(double[] y) {
        for (double x : y) if (!Double.isFinite(x)) return Double.POSITIVE_INFINITY;
        return normInf(residual(y));
    }

    /**
     * A damped Newton solve of dy/dt = 0 from {@code start}: each step the truncated-SVD least-squares
     * solution of J dx = −f (singular values below 1e-7 of the largest dropped, so a continuum's zero
     * modes take no step), halved until |f| decreases. Returns the stationary state, or null when the
     * solve does not converge (100 steps, or no decrease).
     */
    public double[] solve(double[] start) {
        return solve(start, false);
    }

    /**
     * As {@link #solve(double[])}; with {@code symmetric} every iterate is {@link #symmetrised}, so
     * the solve stays on the subspace where all student units are alike (invariant when T, v* and
     * the frozen v do not tell the units apart) and finds the symmetric member of a continuum.
     */
    public double[] solve(double[] start, boolean symmetric) {
        double[] y = symmetric ? symmetrised(start) : start.clone();
        double tol = RESIDUAL_TOLERANCE * rate;
        double f = residualNorm(y);
        // a degenerate root converges linearly (halving per step): more steps on the symmetric subspace
        for (int iter = 0; iter < (symmetric ? 300 : 100) && Double.isFinite(f); iter++) {
            double[] r = residual(y);
            // on the symmetric subspace a degenerate root (a zero mode that closes quadratically) is
            // approached with a singular value ~ the distance: keep those steps down to 1e-13
            double[] dx = leastSquaresStep(jacobian(y), r, symmetric ? 1e-13 : 1e-7);
            double alpha = 1;
            double[] trial = y.clone();
            double ft = Double.POSITIVE_INFINITY;
            while (alpha > 1e-8) {
                for (int i = 0; i < free.length; i++) trial[free[i]] = y[free[i]] + alpha * dx[i];
                if (symmetric) trial = symmetrised(trial);
                ft = residualNorm(trial);
                if (ft < f) break;
                alpha /= 2;
            }
            // no decrease left: at the round-off floor of the drift (a root if that floor is small)
            if (!(ft < f)) return f <= tol ? y : null;
            double stepNorm = alpha * normInf(dx);
            y = trial.clone();
            f = ft;
            // iterate past the tolerance to the round-off floor: near a slow (plateau) direction the
            // position error is |f| over the small eigenvalue
            if (f <= tol && stepNorm <= STEP_TOLERANCE * Math.max(1, normInf(y))) return y;
        }
        return f <= tol ? y : null;
    }

    private static double[] leastSquaresStep(double[][] J, double[] r, double relativeCut) {
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(J));
        double[] s = svd.getSingularValues();
        RealMatrix U = svd.getU(), V = svd.getV();
        int n = r.length;
        double[] dx = new double[n];
        double cut = relativeCut * (s.length > 0 ? s[0] : 0);
        for (int k = 0; k < s.length; k++) {
            if (!(s[k] > cut)) continue;
            double coef = 0;
            for (int i = 0; i < n; i++) coef += U.getEntry(i, k) * r[i];
            coef = -coef / s[k];
            for (int j = 0; j < n; j++) dx[j] += coef * V.getEntry(j, k);
        }
        return dx;
    }

    /** The spectrum and classification of a stationary point {@code y}; null when its spectrum cannot be computed. */
    public FixedPoint classify(double[] y, String origin) {
        int n = free.length;
        double[][] J = jacobian(y);
        for (double[] row : J) {
            for (double x : row) {
                if (!Double.isFinite(x)) return null; // the drift is not finite next to y: not a usable point
            }
        }
        EigenDecompositionNonSymmetric eig;
        try {
            eig = new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(J));
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            // the QR iteration can stall on the exactly repeated eigenvalues of a symmetric point: a
            // perturbation at the Jacobian's own error (1e-12 of its norm) lets it through
            double norm = 0;
            for (double[] row : J) for (double x : row) norm = Math.max(norm, Math.abs(x));
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
            for (double[] row : J) for (int j = 0; j < row.length; j++) row[j] += 1e-12 * norm * (rnd.nextDouble() - 0.5);
            try {
                eig = new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(J));
            } catch (org.hipparchus.exception.MathIllegalStateException again) {
                return null;
            }
        }
        Complex[] lambda = eig.getEigenvalues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -lambda[i].getReal()).thenComparingDouble(i ->
                -lambda[i].getImaginary()));
        double radius = 0;
        for (Complex c : lambda) radius = Math.max(radius, c.norm());
        double zero = ZERO_FRACTION * radius;
        List<double[]> values = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        int unstable = 0, zeros = 0;
        boolean continuum = false;
        for (int i : order) {
            double re = lambda[i].getReal();
            values.add(new double[] {re, lambda[i].getImaginary()});
            var ev = eig.getEigenvector(i);
            double[] full = new double[layout.dimension()];
            double big = 0;
            for (int j = 0; j < n; j++) {
                full[free[j]] = ev.getEntry(j).getReal();
                big = Math.max(big, Math.abs(full[free[j]]));
            }
            if (big > 0) for (int j = 0; j < full.length; j++) full[j] /= big;
            vectors.add(full);
            if (re > zero) unstable++;
            else if (re >= -zero) {
                zeros++;
                if (!continuum && big > 0) continuum = movesAlong(y, full);
            }
        }
        String stability = unstable == n ? "unstable" : unstable > 0 ? "saddle"
                : zeros > 0 ? (continuum ? "continuum" : "marginal") : "stable";
        double lambdaMax = values.isEmpty() ? Double.NaN : values.get(0)[0];
        return new FixedPoint(y.clone(), dynamics.epsG(y), origin, values, vectors, unstable, zeros, lambdaMax, stability,
                copies(y));
    }

    /** Whether a step of 1e-3 along the zero mode {@code dir} lands near another stationary point: a continuum. */
    private boolean movesAlong(double[] y, double[] dir) {
        double[] shifted = y.clone();
        for (int j = 0; j < y.length; j++) shifted[j] += 1e-3 * dir[j];
        double[] z = solve(shifted);
        if (z == null) return false;
        double d = 0;
        for (int j = 0; j < y.length; j++) d = Math.max(d, Math.abs(z[j] - y[j]));
        return d > 1e-4;
    }

    /**
     * The starts: the specialised solution (student unit k on teacher unit k), the symmetric plateau
     * (the symmetrised initial state integrated to the config's tMax, at its slowest sample), and the
     * samples where the trajectory from the initial state slows down (local minima of |dy/dt|, and its end).
     */
    public List<Start> starts() {
        List<Start> s = new ArrayList<>();
        s.add(new Start("specialised", specialised()));
        double[] sym = symmetrised(constants.pack(layout));
        s.add(new Start("symmetric", slowest(trajectory(sym), 1).isEmpty() ? sym : slowest(trajectory(sym), 1).get(0).state()));
        s.addAll(slowest(trajectory(constants.pack(layout)), 4));
        return s;
    }

    /** The specialised state: Q, R copied from T on the first min(K, M) units, v = v* when it moves, c = d. */
    double[] specialised() {
        double[] y = constants.pack(layout);
        int K = layout.K(), M = layout.M();
        double[][] T = constants.T();
        for (int k = 0; k < K; k++) {
            for (int l = k; l < K; l++) y[layout.qIndex(k, l)] = k < M && l < M ? T[k][l] : (k == l ? 1 : 0);
            for (int m = 0; m < M; m++) y[layout.rIndex(k, m)] = k < M ? T[k][m] : 0;
            if (config.etaV() != 0) y[layout.vIndex(k)] = k < M ? constants.vStar()[k] : 0;
            if (layout.hasF()) y[layout.cIndex(k)] = k < M ? y[layout.dIndex(k)] : 0;
        }
        return y;
    }

    /** All student units alike: the diagonal and off-diagonal Q, R, the moving v, and c replaced by their means. */
    public double[] symmetrised(double[] y0) {
        double[] y = y0.clone();
        int K = layout.K(), M = layout.M();
        double qd = 0, qo = 0, r = 0, v = 0, c = 0;
        for (int k = 0; k < K; k++) {
            qd += y[layout.qIndex(k, k)] / K;
            for (int l = k + 1; l < K; l++) qo += y[layout.qIndex(k, l)] / (K * (K - 1) / 2.0);
            for (int m = 0; m < M; m++) r += y[layout.rIndex(k, m)] / (K * M);
            v += y[layout.vIndex(k)] / K;
            if (layout.hasF()) c += y[layout.cIndex(k)] / K;
        }
        if (half != null) {
            // the η → 0 drift keeps identical units identical (equal gradients): on that invariant
            // subspace Q_kl = Q_kk, which removes the plateau's degenerate direction Q_kk − Q_kl (docs/analysis.md)
            qd = (qd * K + qo * (K - 1) * K) / (K * K);
            qo = qd;
        }
        for (int k = 0; k < K; k++) {
            for (int l = k; l < K; l++) y[layout.qIndex(k, l)] = k == l ? qd : qo;
            for (int m = 0; m < M; m++) y[layout.rIndex(k, m)] = r;
            if (config.etaV() != 0) y[layout.vIndex(k)] = v;
            if (layout.hasF()) y[layout.cIndex(k)] = c;
        }
        return y;
    }

    /** A sampled trajectory: times and states (stops early when it diverges). */
    record Path(List<Double> times, List<double[]> states) { }

    Path trajectory(double[] y0) {
        List<Double> ts = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        double[] times = SampleTimes.of(config);
        Experiments.integrate(config, dynamics, constants.withEvolving(layout, y0), times, new IntegrationObserver() {
            @Override
            public void onSample(double t, double[] row) {
                ts.add(t);
                ys.add(Arrays.copyOfRange(row, 1, row.length)); // row = eps_g, then the packed state
            }
        });
        return new Path(ts, ys);
    }

    /** Up to {@code most} samples where |dy/dt| has a local minimum (the end counts), slowest first. */
    List<Start> slowest(Path p, int most) {
        int n = p.states().size();
        double[] speed = new double[n];
        for (int i = 0; i < n; i++) speed[i] = residualNorm(p.states().get(i));
        List<Integer> minima = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            boolean left = speed[i] <= speed[i - 1];
            boolean right = i == n - 1 || speed[i] <= speed[i + 1];
            if (left && right && Double.isFinite(speed[i])) minima.add(i);
        }
        minima.sort(Comparator.comparingDouble(i -> speed[i]));
        List<Start> s = new ArrayList<>();
        for (int i : minima.subList(0, Math.min(most, minima.size()))) {
            s.add(new Start(String.format(java.util.Locale.ROOT, "trajectory t=%.6g", p.times().get(i)), p.states().get(i)));
        }
        return s;
    }

    /**
     * Every distinct stationary point reached from {@link #starts()}, classified; the first start
     * that reaches a point names its origin. Empty when no solve converges.
     */
    public List<FixedPoint> analyse() {
        return solveAll(starts());
    }

    /**
     * The distinct stationary points reached from {@code starts}, classified; a point that is a
     * relabelled copy of one already found (student units permuted) is not listed again.
     */
    public List<FixedPoint> solveAll(List<Start> starts) {
        List<FixedPoint> found = new ArrayList<>();
        for (Start st : starts) {
            double[] y = solve(st.state(), st.origin().equals("symmetric"));
            if (y == null || !physical(y) || indexOfCopy(found, y) >= 0) continue;
            FixedPoint p = classify(y, st.origin());
            if (p != null) found.add(p);
        }
        return found;
    }

    /** The index of a point of {@code points} within 1e-6 (relative) of {@code y}, or −1. */
    static int indexOf(List<FixedPoint> points, double[] y) {
        for (int i = 0; i < points.size(); i++) {
            if (close(points.get(i).state(), y)) return i;
        }
        return -1;
    }

    /** Whether two states agree within 1e-6 relative to max(1, |y|∞). */
    static boolean close(double[] z, double[] y) {
        double d = 0, s = 1;
        for (int j = 0; j < y.length; j++) {
            d = Math.max(d, Math.abs(z[j] - y[j]));
            s = Math.max(s, Math.abs(y[j]));
        }
        return d <= 1e-6 * s;
    }

    /**
     * A state weights can have: the joint covariance of the fields ([[Q, R], [Rᵀ, T]], with c, d, P
     * when the rule has F) positive semi-definite to round-off (1e-8 of its largest diagonal), and a
     * finite ε_g.
     */
    boolean physical(double[] y) {
        for (double x : y) if (!Double.isFinite(x)) return false;
        org.forwardonly.theory.state.FieldCovariance fc = new org.forwardonly.theory.state.FieldCovariance(layout, constants.T());
        int n = fc.size();
        double[] flat = new double[n * n];
        fc.fill(y, flat);
        double[][] C = new double[n][n];
        double s = 1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) C[i][j] = flat[i * n + j];
            s = Math.max(s, Math.abs(C[i][i]));
        }
        double min = Double.POSITIVE_INFINITY;
        for (double e : new org.hipparchus.linear.EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(C)).getEigenvalues()) {
            min = Math.min(min, e);
        }
        return min >= -1e-8 * s && Double.isFinite(dynamics.epsG(y));
    }

    @Override
    public void close() {
        dynamics.close();
        if (half != null) half.close();
    }
}
