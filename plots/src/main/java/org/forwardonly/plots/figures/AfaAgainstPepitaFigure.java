package org.forwardonly.plots.figures;

import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.Map;

/**
 * A figure drawn from the runs of an {@link AfaPepitaRuns} (computed once in a reproduce, since the
 * engines remember runs by config).
 */
abstract class AfaAgainstPepitaFigure implements FigureDefinition {

    /** Which runs the figure draws. */
    abstract AfaPepitaRuns runs();

    @Override
    public final Map<String, ExperimentConfig> configs(FigureSize size) {
        return runs().configs(size);
    }

    @Override
    public final FigureData compute(Map<String, ExperimentConfig> configs, FigureEngines engines) {
        return new FigureData(runs().compute(configs, engines), plot(), AfaPepitaRuns.parameters(configs));
    }

    /** The panels, drawn from the tables of {@link AfaPepitaRuns#compute}. */
    abstract PlotFigure plot();
}
