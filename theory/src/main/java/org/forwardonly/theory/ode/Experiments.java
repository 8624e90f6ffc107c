package org.forwardonly.theory.ode;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.init.NetworkDraw;
import org.forwardonly.theory.integrals.ClosedFormAverages;
import org.forwardonly.theory.mirroring.MirroringDrift;
import org.forwardonly.theory.quadrature.ScrambledSobol;
import org.forwardonly.theory.state.FieldCovariance;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.forwardonly.theory.trajectory.Trajectory;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that wires a config to the ODE: initial conditions, the dynamics (engine
 * choice), output times, integration with sampling and divergence detection. The {@code ode}
 * command and comparisons with simulations call this.
 */
public final class Experiments {
    private Experiments() {}

    /** Largest quadrature grid (points before pruning) the numerical engine accepts. */
    private static final double MAX_GRID_POINTS = 5e7;

    /**
     * Checks that an ODE engine exists for {@code config}; throws {@link ConfigException} (one line
     * naming the key) otherwise, and that the run can finish ({@link OdeWork}). Call before writing anything.
     */
    public static void checkSupported(ExperimentConfig config) {
        boolean closedForm = usesClosedForm(config);
        OdeWork.check(config, closedForm);
        if (closedForm) return;
        if (usesSobol(config)) {
            int D = config.K() + config.M() + (config.sigma() > 0 ? 1 : 0);
            if (D > ScrambledSobol.MAX_DIMENSION) {
                throw new ConfigException("key 'K': the exact engine averages over K+M" + (config.sigma() > 0 ? "+1" : "")
                        + " = " + D + " fields, at most " + ScrambledSobol.MAX_DIMENSION);
            }
            return;
        }
        int dims = config.K() + config.M() + (config.sigma() > 0 ? 1 : 0);
        boolean kinked = config.activation().kinked() || config.teacherActivation().kinked();
        // ReLU also integrates on the finer grid of the 1/n extrapolation
        int n = kinked ? FieldAverageDynamics.fineGrid(config.quadraturePoints()) : config.quadraturePoints();
        double points = Math.pow(n, dims);
        if (points > MAX_GRID_POINTS) {
            throw new ConfigException("key 'quadraturePoints': the quadrature engine integrates over K+M"
                    + (config.sigma() > 0 ? "+1" : "") + " = " + dims + " fields, and " + n
                    + "^" + dims + " points is too many (at most " + (long) MAX_GRID_POINTS
                    + "); lower quadraturePoints, or set averaging.method to sobol or auto");
        }
    }

    /** Tensor grids up to this many points (before pruning) are what {@code averaging.method = auto} takes for smooth activations. */
    static final double AUTO_TENSOR_POINTS = 1e5;

    /**
     * Whether the exact engine averages on scrambled Sobol points (docs/model.md §8) rather than a
     * tensor Gauss-Hermite grid: {@code averaging.method} sobol, or auto when an activation has a
     * kink (ReLU: the tensor grid carries a bias there that more points do not remove) or the grid
     * would exceed {@value #AUTO_TENSOR_POINTS} points (it grows as n^(K+M)).
     */
    public static boolean usesSobol(ExperimentConfig config) {
        if (usesClosedForm(config)) return false;
        return switch (config.averaging().method()) {
            case "sobol" -> true;
            case "tensor" -> false;
            default -> {
                boolean kinked = config.activation().kinked() || config.teacherActivation().kinked();
                int dims = config.K() + config.M() + (config.sigma() > 0 ? 1 : 0);
                yield kinked || Math.pow(config.quadraturePoints(), dims) > AUTO_TENSOR_POINTS;
            }
        };
    }

    /** The engine that runs {@code config}: "closedForm", "tensor" or "sobol" ({@link OdeEngine#configName()}). */
    public static String engineName(ExperimentConfig config) {
        return OdeEngine.of(config).configName();
    }

    /**
     * Whether {@code config} runs on the closed-form engine (docs/model.md §4) rather than the exact
     * quadrature engine (§5-6). {@code odeEngine = auto} takes the closed forms when they exist:
     * bp, fa, afa with activation = teacherActivation in {erf, linear} and no mirroring. So
     * pepita and ff always integrate the exact limit, and afa stays the approximation.
     */
    public static boolean usesClosedForm(ExperimentConfig config) {
        Activation g = config.activation();
        boolean available = config.rule().closedForm() && ClosedFormAverages.has(g)
                && g == config.teacherActivation() && config.mirroring() == null;
        return switch (config.odeEngine()) {
            case "quadrature" -> false;
            case "closedForm" -> {
                if (!available) {
                    throw new ConfigException("key 'odeEngine': closed forms exist only for bp, fa, afa with activation = "
                            + "teacherActivation in {erf, linear} and no mirroring (got rule '" + config.rule()
                            + "', activation '" + config.activation() + "', teacherActivation '"
                            + config.teacherActivation() + "'" + (config.mirroring() != null ? ", mirroring" : "")
                            + "); use odeEngine auto or quadrature");
                }
                yield true;
            }
            default -> available;
        };
    }

    /**
     * The initial order parameters: the config's {@code init}, or else those of a finite-N draw
     * ({@link NetworkDraw}) at the config's N from {@code seed}.
     */
    public static OrderParameters initialConditions(ExperimentConfig config, long seed) {
        if (config.init() != null) return OrderParameters.fromInit(config.init());
        return OrderParameters.fromWeights(NetworkDraw.draw(config, seed));
    }

    /**
     * The dynamics of {@code config} with the constants (T, v*, b) of {@code init}; checks that
     * the joint covariance of the fields is positive semi-definite (else ConfigException on key 'init').
     */
    public static OrderParameterDynamics dynamics(ExperimentConfig config, OrderParameters init) {
        return dynamics(config, init, 1);
    }

    /**
     * As {@link #dynamics(ExperimentConfig, OrderParameters)}, from the engine {@link OdeEngine#of} chooses:
     * the closed-form engine computes its I4 sums on {@code threads} threads (the caller and threads − 1
     * daemon helpers), with results bitwise independent of {@code threads}; the exact engine ignores it. A
     * Sobol config gets the whole pooled drift its first integration pass integrates, not one replicate.
     * The caller owns the dynamics and must {@link OrderParameterDynamics#close() close} it.
     */
    public static OrderParameterDynamics dynamics(ExperimentConfig config, OrderParameters init, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        validate(config, init); // before building anything: an engine and a valid joint covariance
        return OdeEngine.of(config).drift(config, init, threads);
    }

    /** Students from which a single ODE's closed-form right-hand side is split over two threads by default. */
    public static final int SPLIT_FROM_K = 8;

    /**
     * The thread count of a single ODE run when none is given ({@code pepita ode}): two (or the
     * cores, if fewer) for the closed-form erf engine with K ≥ {@value #SPLIT_FROM_K}, where the
     * I4 sums dominate the right-hand side and a split pays (docs/performance.md); 1 otherwise.
     * Commands that run many ODEs side by side (scan, figures, compare) use 1 per ODE.
     */
    public static int defaultThreads(ExperimentConfig config, int cores) {
        if (usesSobol(config)) return Math.max(1, Math.min(2, cores)); // replicates side by side
        boolean large = config.K() >= SPLIT_FROM_K && config.activation() == Activation.ERF;
        return large && usesClosedForm(config) ? Math.max(1, Math.min(2, cores)) : 1;
    }

    /** The output column names of a layout: eps_g, then the packed state. */
    public static List<String> columns(StateLayout layout) {
        List<String> columns = new ArrayList<>();
        columns.add("eps_g");
        columns.addAll(layout.columnNames());
        return columns;
    }

    /**
     * metrics.csv's columns after t: eps_g, the order parameters, then the derived columns that
     * {@code simulate} writes too (cos_v_feedback, c_norm; docs/columns.md). The {@code ode} command
     * and the explorer's POST /api/ode write the same.
     */
    public static List<String> metricsColumns(ExperimentConfig config) {
        StateLayout layout = layout(config);
        List<String> names = new ArrayList<>(columns(layout));
        names.addAll(org.forwardonly.theory.state.FeedbackColumns.names(layout));
        return List.copyOf(names);
    }

    /** Integrates {@code config} from {@code init}, sampled at {@link SampleTimes#of}. */
    public static OdeResult integrate(ExperimentConfig config, OrderParameters init, IntegrationObserver observer) {
        return integrate(config, init, SampleTimes.of(config), observer);
    }

    /**
     * Integrates {@code config} from {@code init} and samples at {@code times} (increasing, ≥ 0;
     * the run ends at the last one). Stops early when the state diverges.
     */
    public static OdeResult integrate(ExperimentConfig config, OrderParameters init, double[] times,
                                      IntegrationObserver observer) {
        return integrate(config, init, times, observer, 1);
    }

    /**
     * As above on {@code threads} threads: the closed-form engine splits its I4 sums, the Sobol
     * engine integrates its replicates side by side; the result does not depend on {@code threads}.
     * The result carries an {@link AveragingReport}.
     */
    public static OdeResult integrate(ExperimentConfig config, OrderParameters init, double[] times,
                                      IntegrationObserver observer, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        validate(config, init);
        return OdeEngine.of(config).integrate(config, init, times, observer, threads);
    }

    /**
     * Checks, before anything is written, that {@code config} can run from {@code init}: an engine
     * exists and the joint covariance of the fields is positive semi-definite (else ConfigException).
     */
    public static void validate(ExperimentConfig config, OrderParameters init) {
        checkSupported(config);
        checkCovariance(layout(config), init);
    }

    /** The state layout (and so the output columns) of {@code config}'s ODE. */
    public static StateLayout layout(ExperimentConfig config) {
        return StateLayout.forRule(config.rule(), config.K(), config.M());
    }

    /**
     * Integrates given dynamics (any engine; the caller closes it) from {@code init}; see {@link
     * #integrate(ExperimentConfig, OrderParameters, double[], IntegrationObserver)}.
     */
    public static OdeResult integrate(ExperimentConfig config, OrderParameterDynamics dynamics, OrderParameters init,
                                      double[] times, IntegrationObserver observer) {
        return integrate(config, dynamics, init, times, observer, false);
    }

    /**
     * As above; {@code forceHipparchus} runs euler/rk4 through Hipparchus' integrators too, instead of
     * {@link FixedStepLoop} (FixedStepLoopTest compares the two paths bit for bit, FixedStepBenchmark times them).
     *
     * @param config the experiment
     * @param dynamics its right-hand side
     * @param init the start
     * @param times the sample times, increasing from 0
     * @param observer told of each sample
     * @param forceHipparchus true: Hipparchus' EulerIntegrator or ClassicalRungeKuttaIntegrator for euler/rk4
     * @return the sampled trajectory
     */
    public static OdeResult integrate(ExperimentConfig config, OrderParameterDynamics dynamics, OrderParameters init,
                               double[] times, IntegrationObserver observer, boolean forceHipparchus) {
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0) || (i > 0 && times[i] <= times[i - 1])) {
                throw new IllegalArgumentException("sample times must be increasing and >= 0");
            }
        }
        StateLayout layout = dynamics.layout();
        double[] y0 = init.pack(layout);
        if (config.mirroring() != null && config.mirroring().rescale() && layout.hasF()) {
            // docs/model.md §6 with rescale: the first mirroring step sets |F| = σ_F, scaling c and d with it
            MirroringDrift.rescaleStart(layout, y0, config.sigmaF());
        }
        OrderParameterOde ode = new OrderParameterOde(dynamics);
        TrajectorySampler sampler = new TrajectorySampler(dynamics, times, observer);
        double tEnd = times.length == 0 ? 0 : times[times.length - 1];
        boolean diverged = false;
        boolean integratorFailed = false;
        long fixedStepEvaluations = 0;
        double divergenceTime = Double.NaN;
        String reason = null;
        double eps0 = DivergenceDetector.allFinite(y0) ? dynamics.epsG(y0) : Double.NaN;
        if (!Double.isFinite(eps0) || eps0 > config.epsGBound()) {
            diverged = true;
            divergenceTime = 0;
            reason = Double.isFinite(eps0) ? "eps_g = " + eps0 + " exceeds epsGBound = " + config.epsGBound() + " already at t = 0"
                    : "eps_g is not finite at t = 0";
        } else if (tEnd <= 0) {
            if (times.length > 0) sampler.record(0, y0);
        } else {
            // euler/rk4: a plain loop, handing over to Hipparchus at a step that goes bad (FixedStepLoop)
            double tStart = 0;
            double[] yStart = y0;
            boolean done = false;
            if (Integrators.isFixedStep(config) && !forceHipparchus) {
                FixedStepLoop loop = new FixedStepLoop(dynamics, "rk4".equals(config.integrator()), config.dt(),
                        config.epsGBound());
                done = loop.run(y0, tEnd, sampler);
                fixedStepEvaluations = loop.evaluations();
                tStart = loop.time();
                yStart = loop.state();
            }
            double firstStep = Math.min(config.dt(), tEnd);
            // An adaptive step whose trial stages leave the domain of the averages (a covariance that is no longer
            // positive, so a NaN right-hand side) makes Hipparchus throw rather than shrink the step. That is the
            // method failing, not ε_g diverging (bp, eta = 50: dp853's first trial step of 0.01 fails; Euler at
            // dt = 5e-4 integrates it): restart from the last accepted state with a first step ten times smaller,
            // up to RESTARTS times, and only then report the integrator's failure.
            for (int restart = 0; !done; restart++) {
                ODEIntegrator integrator = Integrators.create(config, tEnd, firstStep);
                DivergenceDetector detector = new DivergenceDetector(dynamics, config.epsGBound());
                integrator.addStepHandler(sampler);
                integrator.addEventDetector(detector);
                try {
                    integrator.integrate(ode, new ODEState(tStart, yStart), tEnd);
                    done = true;
                    if (!Double.isNaN(detector.trigger().time)) {
                        diverged = true;
                        divergenceTime = detector.trigger().time;
                        reason = detector.trigger().reason;
                    }
                } catch (MathIllegalStateException e) {
                    ODEStateAndDerivative last = integrator.getStepStart();
                    boolean moved = last != null && last.getTime() > tStart;
                    if (last != null) {
                        tStart = last.getTime();
                        yStart = last.getPrimaryState();
                    }
                    firstStep = moved ? Math.min(config.dt(), tEnd) / 10 : firstStep / 10;
                    if (restart < RESTARTS && Integrators.isAdaptive(config.integrator())) continue;
                    diverged = true;
                    divergenceTime = tStart;
                    integratorFailed = Integrators.isAdaptive(config.integrator());
                    reason = integratorFailed ? "the adaptive integrator could not continue (" + e.getMessage() + ") after "
                            + RESTARTS + " restarts with first steps down to " + firstStep * 10
                            : "the integrator failed (" + e.getMessage() + ")";
                    done = true;
                }
            }
        }
        Trajectory trajectory = new Trajectory(sampler.sampledTimes(), columns(layout), sampler.rows());
        OdeResult result = new OdeResult(trajectory, diverged, divergenceTime, reason, fixedStepEvaluations + ode.evaluations());
        return integratorFailed ? result.asIntegratorFailure() : result;
    }

    /** Restarts of an adaptive integrator that failed inside a step, each with a first step ten times smaller. */
    static final int RESTARTS = 8;

    /** Joint covariance of (λ, ν[, φ]) must be positive semi-definite, or the averages are undefined. */
    private static void checkCovariance(StateLayout layout, OrderParameters init) {
        FieldCovariance fc = new FieldCovariance(layout, init.T());
        int n = fc.size();
        double[] flat = new double[n * n];
        fc.fill(init.pack(layout), flat);
        double[][] C = new double[n][n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) C[i][j] = flat[i * n + j];
            scale = Math.max(scale, Math.abs(C[i][i]));
        }
        double min = Double.POSITIVE_INFINITY;
        for (double e : new EigenDecompositionSymmetric(MatrixUtils.createRealMatrix(C)).getEigenvalues()) {
            min = Math.min(min, e);
        }
        if (!(min >= -1e-10 * Math.max(1, scale))) {
            String fields = layout.hasF() ? "[[Q, R, c], [R^T, T, d], [c^T, d^T, P]]" : "[[Q, R], [R^T, T]]";
            throw new ConfigException("key 'init': the joint covariance " + fields
                    + " of the local fields must be positive semi-definite (smallest eigenvalue " + min + ")");
        }
    }
}
