package org.forwardonly.scan.run;

import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.theory.config.ExperimentConfig;

import java.io.Serializable;
import java.util.List;

/**
 * Runs one scan point and summarises it. Implementations are stateless and deterministic
 * (same config ⇒ same rows, whatever thread or machine runs them) and serializable, so the
 * Spark executor can ship them to its workers. A diverged run is a row with
 * {@code diverged = true}, never an exception.
 */
@FunctionalInterface
public interface PointRunner extends Serializable {
    /** One row per engine run at this point (ode, sim, or both in that order). */
    List<PointSummary> run(ExperimentConfig config);

    /**
     * As {@link #run(ExperimentConfig)}, handing each engine's trajectory (as its metrics.csv would hold it) to
     * {@code keep} before summarising it ({@code scan --keep-trajectories}); runners without one hand nothing.
     *
     * @param config the point's config
     * @param keep   receives the engine name ("ode", "sim") and its trajectory
     * @return the rows, as {@link #run(ExperimentConfig)}
     */
    default List<PointSummary> run(ExperimentConfig config, Keep keep) {
        return run(config);
    }

    /** Receives an engine's trajectory of a point. */
    @FunctionalInterface
    interface Keep {
        /** @param engine "ode" or "sim" @param trajectory what that engine's metrics.csv would hold */
        void trajectory(String engine, org.forwardonly.theory.trajectory.Trajectory trajectory);
    }

    /**
     * Checks up front that this runner can run the config (an engine exists for its rule,
     * activation, ...); throws {@link org.forwardonly.theory.config.ConfigException} naming the key.
     */
    default void check(ExperimentConfig config) {}
}
