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
     * The figure of the paper (arXiv 2302.05440, docs/paper.md) this one answers, as the paper
     * numbers it ("Fig. 2a"), or empty for the project's own figures (its extensions).
     */
    default String paperFigure() {
        return "";
    }

    /** The caption: what the figure shows and the setting of its runs ({@link FigureSetting}). */
    default String caption(Map<String, ExperimentConfig> configs) {
        return description() + " " + FigureSetting.of(configs.values());
    }

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
