package org.forwardonly.plots.catalogue;

import org.forwardonly.theory.config.ExperimentConfig;

import java.util.Map;

/**
 * One named figure of the catalogue: the runs behind it (resolved configs, written next to the
 * figure) and how their results become tables and panels.
 */
public interface FigureDefinition {

    /** The name used on the command line ({@code pepita figure NAME}). */
    String name();

    /** The figure's title. */
    String title();

    /** One or two sentences: what the figure shows (README, notebook, {@code figure --list}). */
    String description();

    /**
     * The configs of the runs behind the figure, by run id (used for file names), in the order
     * they run.
     */
    Map<String, ExperimentConfig> configs(FigureSize size);

    /**
     * Runs the engines on {@code configs} (as returned by {@link #configs}) through {@code engines}
     * and returns the tables and the plot.
     */
    FigureData compute(Map<String, ExperimentConfig> configs, FigureEngines engines);
}
