package org.forwardonly.simulation.training;

/** Receives progress of a long simulation (called from worker threads; must be thread-safe). */
@FunctionalInterface
public interface Progress {
    /** A progress sink that ignores everything. */
    Progress NONE = (done, total) -> { };

    /**
     * @param done work done so far, summed over seeds: minibatch steps plus test samples ({@link SeedRun#work})
     * @param total work of the whole run
     */
    void advanced(long done, long total);
}
