package org.forwardonly.cli;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.Integrators;
import org.forwardonly.theory.ode.OrderParameterDynamics;
import org.forwardonly.theory.state.OrderParameters;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code --max-hours H}, the time budget of a run (a picocli mixin; issue 27): a run estimated to
 * take longer is refused before it starts (exit 2) with the estimate and this option. Simulations
 * are estimated from their counts (minibatch steps, test samples, recordings) at costs below those
 * measured, so the estimate errs towards accepting. A fixed-step ODE (euler, rk4; not the Sobol engine) is
 * estimated before it starts from its step count and a timed evaluation of its right-hand side; an ODE whose
 * step count is not known in advance (adaptive steps, the Sobol engine) is stopped once its own progress says
 * it would pass the budget.
 */
final class RunBudget {
    /** The default budget: about an hour of work on the project's machine. */
    static final double DEFAULT_HOURS = 1;
    /** Seconds per multiply-add of a minibatch step, N (K + M) of them: 1 ns, below the 1.5 to 40 ns measured. */
    static final double SECONDS_PER_STEP_UNIT = 1e-9;
    /**
     * Seconds per unit (N K) of a test sample: 5 ns, below what was measured (docs/performance.md, "Measurements behind the code"); the
     * first
     * guess, 2 ns, let a run 400 s long through.
     */
    static final double SECONDS_PER_TEST_UNIT = 5e-9;
    /** How long an ODE runs before its own pace may refuse it: long enough for the pace to mean something. */
    static final double ODE_GRACE_SECONDS = 10;

    @Option(names = "--max-hours", paramLabel = "H", defaultValue = "1",
            description = "Refuse (exit 2) a run estimated to take more than H hours (default ${DEFAULT-VALUE}); the estimate "
                    + "errs towards accepting. An ODE is also stopped once its pace says it would pass H.")
    double maxHours = DEFAULT_HOURS;

    /** The budget in seconds (ConfigException for a value that is not a positive number). */
    double seconds() {
        if (!(maxHours > 0) || Double.isInfinite(maxHours)) {
            throw new ConfigException("option '--max-hours': must be a positive number of hours (got " + maxHours + ")");
        }
        return maxHours * 3600;
    }

    /** Estimated seconds of one simulation of {@code c} over {@code tMax}, all seeds, on {@code threads} threads. */
    static double simulationSeconds(ExperimentConfig c, double tMax, int threads) {
        double n = c.N(), k = c.K(), m = c.M();
        double steps = tMax * n; // SeedRun.stepsOf without rounding to a long, which overflows for N = 1e5, tMax = 1e9
        double perSeed = steps * n * (k + m) * SECONDS_PER_STEP_UNIT
                + (double) c.nTimes() * ((double) c.testSize() * n * k * SECONDS_PER_TEST_UNIT + n * (k + m) * k * SECONDS_PER_STEP_UNIT);
        return perSeed * c.seeds() / Math.max(1, Math.min(threads, c.seeds()));
    }

    /** Refuses (exit 2) {@code runs} simulations of {@code c} that would pass the budget; {@code what} says what was counted. */
    void checkSimulation(ExperimentConfig c, double tMax, int threads, double runs, String what, String key) {
        double seconds = runs * simulationSeconds(c, tMax, threads);
        if (seconds > seconds()) {
            throw new ConfigException(String.format(Locale.ROOT, "%s: about %s of work at least (N = %d, tMax = %s, %d seeds, "
                            + "testSize %d, nTimes %d%s), more than --max-hours %s allows; lower them, or pass --max-hours %s to run it",
                    key, duration(seconds), c.N(), c.tMax(), c.seeds(), c.testSize(), c.nTimes(), what, hours(maxHours),
                    hours(Math.ceil(seconds / 3600 * 1.5))));
        }
    }

    /** The share of the measured cost of a right-hand side counted, so that the estimate errs towards accepting. */
    static final double ODE_ESTIMATE_SHARE = 0.5;
    /** The longest the timed evaluations of a right-hand side may take before a fixed-step ODE starts. */
    static final double ODE_PILOT_SECONDS = 0.3;

    /**
     * Refuses (exit 2), before it starts, a fixed-step ODE (euler, rk4, not on Sobol points) whose right-hand sides
     * (steps × 1 or 4) at the cost measured here would pass the budget. The right-hand side is timed at the start
     * state until the estimate fits (usually after one evaluation) or {@link #ODE_PILOT_SECONDS} have passed; the
     * fastest evaluation counts, halved. Adaptive runs are left to {@link #checkOdePace}.
     */
    void checkOde(ExperimentConfig c, OrderParameters init, double[] times, int threads) {
        if (!Integrators.isFixedStep(c) || Experiments.usesSobol(c) || times.length == 0) return;
        double span = times[times.length - 1] - times[0];
        double steps = Math.ceil(span / c.dt());
        boolean rk4 = "rk4".equals(c.integrator());
        double evaluations = steps * (rk4 ? 4 : 1);
        double budget = seconds();
        double fastest = Double.POSITIVE_INFINITY;
        try (OrderParameterDynamics d = Experiments.dynamics(c, init, threads)) {
            double[] y = init.pack(d.layout());
            double[] yDot = new double[y.length];
            long pilotStart = System.nanoTime();
            while (true) {
                long t0 = System.nanoTime();
                d.derivatives(y, yDot);
                long now = System.nanoTime();
                fastest = Math.min(fastest, (now - t0) * 1e-9);
                if (evaluations * fastest * ODE_ESTIMATE_SHARE <= budget) return; // fits: the fastest only falls
                if ((now - pilotStart) * 1e-9 > ODE_PILOT_SECONDS) break;
            }
        }
        double seconds = evaluations * fastest * ODE_ESTIMATE_SHARE;
        throw new ConfigException(String.format(Locale.ROOT, "key 'tMax': about %s of work at least (%.3g %s steps of dt = %s to "
                        + "tMax = %s, %s right-hand side%s each counted at %s, half the fastest timed here), more than --max-hours %s allows; lower tMax, raise dt, "
                        + "or pass --max-hours %s to run it (nothing was written)", duration(seconds), steps, c.integrator(), c.dt(),
                c.tMax(), rk4 ? "4" : "1", rk4 ? "s" : "", microseconds(fastest * ODE_ESTIMATE_SHARE), hours(maxHours),
                hours(Math.ceil(seconds / 3600 * 1.5))));
    }

    private static String microseconds(double seconds) {
        return seconds < 1e-3 ? String.format(Locale.ROOT, "%.2g µs", seconds * 1e6) : String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
    }

    /**
     * Refuses an ODE once it has run {@link #ODE_GRACE_SECONDS} (or a tenth of the budget, if less) and its pace passes
     * the budget: thrown from the progress callback, so nothing is written. The pace is elapsed / (fraction done). For a
     * fixed-step run the fraction is (t − t0)/(tMax − t0), its steps being equal. An adaptive run's steps grow as its
     * dynamics slow down (the fast transient first), so a linear fraction read at t = 0.01 of tMax = 100 refused runs
     * that end in a minute (examples/pepita-k10.json at load 10: "about 50 hours"); its fraction is counted on a
     * logarithmic clock instead, ln(1 + (t − t0)/τ) / ln(1 + (tMax − t0)/τ) with τ the first sample interval: steps
     * ∝ t past τ. That still refuses the runs this check exists for (exact pepita to tMax = 1e9: issue 27).
     *
     * @param elapsedSeconds since this pass of the run started (the exact engine integrates again from t0 when it
     *                       refines its averaging; each pass is judged on its own)
     * @param t0 the start time
     * @param t the time reached
     * @param tMax the end time
     * @param tau the first sample interval for an adaptive run; NaN for a fixed-step run
     */
    void checkOdePace(double elapsedSeconds, double t0, double t, double tMax, double tau) {
        if (elapsedSeconds < Math.min(ODE_GRACE_SECONDS, seconds() / 10) || t <= t0) return;
        double done = Double.isNaN(tau) ? (t - t0) / (tMax - t0) : Math.log1p((t - t0) / tau) / Math.log1p((tMax - t0) / tau);
        double total = elapsedSeconds / done;
        if (total > seconds()) {
            throw new ConfigException(String.format(Locale.ROOT, "key 'tMax': stopped after %.0f s at t = %.4g of %s: at this pace "
                            + "the run needs about %s, more than --max-hours %s allows; lower tMax (or K, M), or pass --max-hours %s "
                            + "to run it (nothing was written)", elapsedSeconds, t, tMax, duration(total), hours(maxHours),
                    hours(Math.ceil(total / 3600 * 1.5))));
        }
    }

    private static String hours(double h) {
        return h == Math.rint(h) && h < 1e15 ? Long.toString((long) h) : String.valueOf(h);
    }

    static String duration(double seconds) {
        if (seconds < 3600) return String.format(Locale.ROOT, "%.0f s", seconds);
        if (seconds < 86_400 * 365.0) return String.format(Locale.ROOT, "%.1f hours", seconds / 3600);
        return String.format(Locale.ROOT, "%.1e years", seconds / (86_400 * 365.0));
    }
}
