package org.forwardonly.simulation.training;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;

/**
 * What the simulation accepts beyond the config's own validation; each problem is a
 * {@link ConfigException} naming the key. Call before writing anything.
 */
public final class SimulationLimits {
    private SimulationLimits() {}

    /**
     * @param config the experiment
     * @param threads worker threads (each holds one seed's weights)
     * @param maxMemory bytes the JVM may use
     */
    public static void check(ExperimentConfig config, int threads, long maxMemory) {
        if (config.init() != null) {
            throw new ConfigException("key 'init': a simulation draws its networks from 'seed' at 'N'; remove 'init'"
                    + " (the ODE started from a seed uses the same draw)");
        }
        // W, minibatch accumulator, W*, F, x, test x, and the mirroring noise ξ
        long rows = 2L * config.K() + config.M() + 3 + (config.mirroring() != null ? 1 : 0);
        long perSeed = rows * config.N() * 8L;
        long needed = perSeed * Math.max(1, Math.min(threads, config.seeds()));
        if (needed > maxMemory * 0.8) {
            throw new ConfigException(String.format(java.util.Locale.ROOT,
                    "key 'N': N=%d with K=%d, M=%d needs about %.1f GB for %d parallel seeds, more than the %.1f GB"
                            + " available (lower N or set PEPITA_JAVA_OPTS=-Xmx...)",
                    config.N(), config.K(), config.M(), needed / 1e9, Math.min(threads, config.seeds()), maxMemory / 1e9));
        }
        // every seed's trajectory is kept until the seed means are taken: a row of doubles per sample time,
        // Q (upper triangle), R, v, the feedback overlaps c, d, P, eps_g, eps_test and the alignment, plus a row header
        int samples = config.times() != null ? config.times().size() : config.nTimes();
        long columns = (long) config.K() * (config.K() + 1) / 2 + (long) config.K() * config.M() + 2L * config.K()
                + config.M() + 6;
        long trajectories = (long) samples * (columns * 8 + 16) * (config.seeds() + 2L);
        if (needed + trajectories > maxMemory * 0.8) {
            throw new ConfigException(String.format(java.util.Locale.ROOT,
                    "key 'nTimes': %d sample times of %d seeds with %d columns need about %.1f GB, more than the"
                            + " %.1f GB available (fewer nTimes or seeds, or set PEPITA_JAVA_OPTS=-Xmx...)",
                    samples, config.seeds(), columns, (needed + trajectories) / 1e9, maxMemory / 1e9));
        }
    }
}
