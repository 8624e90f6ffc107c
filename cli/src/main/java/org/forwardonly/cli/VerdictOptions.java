package org.forwardonly.cli;

import org.forwardonly.simulation.compare.Agreement;
import org.forwardonly.simulation.compare.TwoSizeComparison;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import picocli.CommandLine.Option;

/**
 * The options of a verdict (docs/simulation.md), shared by {@code compare} and {@code power}: the
 * smaller input dimension of the 1/N extrapolation and the false-alarm rate.
 */
public final class VerdictOptions {
    @Option(names = "--n-low", paramLabel = "N_LOW",
            description = "The smaller input dimension of the 1/N extrapolation (default: N/4; 1 <= N_LOW < N).")
    Integer nLow;

    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "0.01",
            description = "False-alarm rate: DISAGREE when the sign-flip p-value is <= ALPHA (default: ${DEFAULT-VALUE}).")
    double alpha;

    /** The false-alarm rate; ConfigException (one line, exit 2) unless it is in [{@link Agreement#MIN_ALPHA}, 1). */
    double alpha() {
        if (!(alpha >= Agreement.MIN_ALPHA && alpha < 1)) {
            throw new ConfigException(String.format(java.util.Locale.ROOT,
                    "option '--alpha': must be in [%.3g, 1) (got %s): below %.3g no sign-flip p-value can reach it",
                    Agreement.MIN_ALPHA, alpha, Agreement.MIN_ALPHA));
        }
        return alpha;
    }

    /**
     * Refuses {@code config} when its seeds are too few for the verdict to say DISAGREE at this α
     * ({@link Agreement#minimumSeeds}); call after {@link #alpha()}.
     *
     * @param config the simulation's config
     * @param command the command's name, for the message
     */
    void checkSeeds(ExperimentConfig config, String command) {
        int minimum = Agreement.minimumSeeds(alpha);
        if (config.seeds() < minimum) {
            throw new ConfigException(String.format(java.util.Locale.ROOT,
                    "key 'seeds': %s needs at least %d seeds at alpha = %s (got %d): with S seeds the verdict's p-value "
                            + "is at least 2 x 2^-(S-1), which must reach alpha; 16 or more recommended",
                    command, minimum, alpha, config.seeds()));
        }
    }

    /** N_LOW for {@code config} (default N/4); ConfigException unless 1 <= N_LOW < N. */
    int lowN(ExperimentConfig config) {
        int low = nLow != null ? nLow : TwoSizeComparison.defaultLowN(config.N());
        if (low < 1 || low >= config.N()) {
            throw new ConfigException("option '--n-low': must be between 1 and N - 1 = " + (config.N() - 1) + " (got " + low + ")");
        }
        return low;
    }
}
