package org.forwardonly.theory.ode;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.Locale;

/**
 * The work of an ODE run, estimated before it starts, so that a run that cannot finish is
 * refused with the key to change (exit 2) instead of running for ever (docs/reliability.md).
 * The estimate errs towards accepting: its cost per right-hand side is below what was measured.
 */
public final class OdeWork {
    /** A run estimated to take longer than this (a day) is refused. */
    public static final double MAX_SECONDS = 86_400;
    /**
     * Largest tMax of an ODE. t counts samples per input dimension and learning curves settle by
     * t ~ 10^4; beyond 10^9 the adaptive integrator's first step guess overflows (tMax = 1e300 gave NaN).
     */
    public static final double MAX_T_MAX = 1e9;
    /**
     * Closed-form right-hand side: seconds per I4 term, the K²(K+M)² quadruples (k, l, n, m).
     * 1 ns is taken, below the measured cost per term (docs/performance.md, "Measurements behind the code"), so that the estimate
     * stays below the truth.
     */
    static final double SECONDS_PER_I4_TERM = 1e-9;
    /** A floor per right-hand side (K = M = 4 measured 6.5 µs per Euler step). */
    static final double MIN_SECONDS_PER_RHS = 1e-6;
    /** Right-hand sides of an adaptive (dp853, dp54) run, at least (the k2m2 reference curve took 841). */
    static final double MIN_DP853_EVALUATIONS = 500;

    private OdeWork() {}

    /** Estimated right-hand-side evaluations: fixed steps (× 4 for rk4), or the adaptive run's floor. */
    public static double evaluations(ExperimentConfig c) {
        return switch (c.integrator()) {
            case "euler" -> Math.ceil(c.tMax() / c.dt());
            case "rk4" -> 4 * Math.ceil(c.tMax() / c.dt());
            default -> MIN_DP853_EVALUATIONS;
        };
    }

    /** Estimated seconds of one right-hand side of the closed-form engine (the floor for the quadrature engine). */
    public static double secondsPerEvaluation(ExperimentConfig c, boolean closedForm) {
        double k = c.K(), km = c.K() + c.M();
        return Math.max(MIN_SECONDS_PER_RHS, closedForm ? k * k * km * km * SECONDS_PER_I4_TERM : 0);
    }

    /**
     * Throws {@link ConfigException} naming the key when the run cannot finish: tMax past
     * {@link #MAX_T_MAX}, or more than {@link #MAX_SECONDS} of estimated work (key K for the size
     * of one right-hand side, dt for the number of steps).
     */
    public static void check(ExperimentConfig c, boolean closedForm) {
        if (c.tMax() > MAX_T_MAX) {
            throw new ConfigException(String.format(Locale.ROOT, "key 'tMax': at most %.0e for an ODE (got %s; t counts "
                    + "samples per input dimension and learning curves settle by t ~ 1e4)", MAX_T_MAX, c.tMax()));
        }
        double perRhs = secondsPerEvaluation(c, closedForm);
        if (MIN_DP853_EVALUATIONS * perRhs > MAX_SECONDS) {
            throw new ConfigException(String.format(Locale.ROOT, "key 'K': K = %d, M = %d cannot finish: one right-hand side "
                    + "of the closed-form ODE sums K^2 (K+M)^2 = %.1e terms, at least %s each, and a run needs hundreds "
                    + "(at most about a day of work is accepted; lower K and M)", c.K(), c.M(),
                    (double) c.K() * c.K() * (c.K() + c.M()) * (c.K() + c.M()), duration(perRhs)));
        }
        double seconds = evaluations(c) * perRhs;
        if (seconds > MAX_SECONDS) {
            throw new ConfigException(String.format(Locale.ROOT, "key 'dt': %s with dt = %s to tMax = %s is %.1e steps, "
                    + "at least %s of work (at most about a day is accepted); raise dt, lower tMax, or use an adaptive integrator "
                            + "(dp853, dp54)",
                    c.integrator(), c.dt(), c.tMax(), Math.ceil(c.tMax() / c.dt()), duration(seconds)));
        }
    }

    private static String duration(double seconds) {
        if (seconds < 1) return String.format(Locale.ROOT, "%.0f ms", seconds * 1e3);
        if (seconds < 3600) return String.format(Locale.ROOT, "%.0f s", seconds);
        if (seconds < 86_400 * 365.0) return String.format(Locale.ROOT, "%.1f hours", seconds / 3600);
        return String.format(Locale.ROOT, "%.1e years", seconds / (86_400 * 365.0));
    }
}
