package org.forwardonly.cli;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * {@code --max-hours H}, the time budget of a run (a picocli mixin; issue 27): a run estimated to
 * take longer is refused before it starts (exit 2) with the estimate and this option. Simulations
 * are estimated from their counts (minibatch steps, test samples, recordings) at costs below those
 * measured, so the estimate errs towards accepting; an ODE whose cost is not known in advance (the
 * exact engine, adaptive steps) is stopped once its own progress says it would pass the budget.
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

    /**
     * Refuses an ODE once it has run {@link #ODE_GRACE_SECONDS} (or a tenth of the budget, if less) and its pace (time left = elapsed ×
     * (tMax − t) / (t − t0)) passes the budget: thrown from the progress callback, so nothing is written.
     */
    void checkOdePace(double elapsedSeconds, double t0, double t, double tMax) {
        if (elapsedSeconds < Math.min(ODE_GRACE_SECONDS, seconds() / 10) || t <= t0) return;
        double total = elapsedSeconds * (tMax - t0) / (t - t0);
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
