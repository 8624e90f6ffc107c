package org.forwardonly.theory.ode;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.Arrays;

/**
 * An ODE run continued from where an earlier one stopped ({@code pepita ode --from DIR}): the
 * evolving order parameters (Q, R, v and c, d, P) from the last row of the earlier run's
 * metrics, the constants (T, v*, b) from its config (its {@code init}, or the same draw at N
 * from its seed, which is deterministic). The ODEs of docs/model.md §4–§6 are autonomous, so
 * the run integrates from 0 over {@code shiftedTimes} and writes its rows at {@code times}.
 *
 * @param start the order parameters at {@code t0}
 * @param t0 the time of the last row of the earlier run
 * @param times the output times: t0, then the new config's output times after t0
 * @param shiftedTimes {@code times} minus t0, for the integrator
 */
public record Continuation(OrderParameters start, double t0, double[] times, double[] shiftedTimes) {

    /**
     * Checks that {@code config} can continue a run of {@code earlier}: the same rule, K and M (the
     * state), and the same N, seed, teacherSecondLayer and init (the constants T, v*, b).
     */
    public static void check(ExperimentConfig earlier, ExperimentConfig config) {
        if (!earlier.rule().equals(config.rule()) || earlier.K() != config.K() || earlier.M() != config.M()) {
            throw new ConfigException("option '--from': rule, K and M must stay those of the earlier run (" + earlier.rule()
                    + ", K = " + earlier.K() + ", M = " + earlier.M() + ")");
        }
        if (earlier.N() != config.N() || earlier.seed() != config.seed()
                || !earlier.teacherSecondLayer().equals(config.teacherSecondLayer())
                || (earlier.init() == null) != (config.init() == null)) {
            // T, v* and b come from the earlier run's draw (or init): they must stay the constants of this run
            throw new ConfigException("option '--from': N, seed, teacherSecondLayer and init fix the teacher and the "
                    + "feedback b, and must stay those of the earlier run (N = " + earlier.N() + ", seed = " + earlier.seed() + ")");
        }
    }

    /**
     * @param earlier the config of the earlier run (DIR/config.json)
     * @param metrics its output (DIR/metrics.csv); the last row is the start
     * @param config the config to continue with (the earlier one, maybe with keys changed):
     *               same rule, K and M; its output times after t0 are sampled, up to its tMax
     */
    public static Continuation of(ExperimentConfig earlier, Trajectory metrics, ExperimentConfig config,
                                  StateLayout layout) {
        check(earlier, config);
        if (metrics.size() == 0) throw new ConfigException("option '--from': the earlier run's metrics.csv has no rows");
        int last = metrics.size() - 1;
        double t0 = metrics.times()[last];
        double[] y = new double[layout.dimension()];
        var names = layout.columnNames();
        for (int j = 0; j < y.length; j++) {
            int col = metrics.columns().indexOf(names.get(j));
            if (col < 0) {
                throw new ConfigException("option '--from': the earlier run's metrics.csv has no column '" + names.get(j)
                        + "' (a run of another rule, K or M?)");
            }
            y[j] = metrics.rows()[last][col];
            if (!Double.isFinite(y[j])) {
                throw new ConfigException("option '--from': the last row (t = " + t0 + ") has " + names.get(j) + " = " + y[j]
                        + "; a diverged run cannot be continued");
            }
        }
        double[] all = SampleTimes.of(config);
        double[] after = Arrays.stream(all).filter(t -> t > t0).toArray();
        if (after.length == 0) {
            throw new ConfigException("option '--from': the earlier run ended at t = " + t0 + ", the output times end at "
                    + all[all.length - 1] + "; give a later tMax, e.g. --set tMax=" + (2 * t0));
        }
        double[] times = new double[after.length + 1];
        times[0] = t0;
        System.arraycopy(after, 0, times, 1, after.length);
        double[] shifted = new double[times.length];
        for (int i = 1; i < times.length; i++) shifted[i] = times[i] - t0;
        OrderParameters constants = Experiments.initialConditions(earlier, earlier.seed());
        return new Continuation(constants.withEvolving(layout, y), t0, times, shifted);
    }
}
