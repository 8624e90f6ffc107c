package org.forwardonly.cli;

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

    /** The false-alarm rate; ConfigException (one line, exit 2) unless it is in (0, 1). */
    double alpha() {
        if (!(alpha > 0 && alpha < 1)) throw new ConfigException("option '--alpha': must be in (0, 1) (got " + alpha + ")");
        return alpha;
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
