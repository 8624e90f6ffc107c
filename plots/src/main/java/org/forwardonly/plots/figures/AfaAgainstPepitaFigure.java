package org.forwardonly.plots.figures;

import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.Map;

/** A figure drawn from the runs of {@link AfaAgainstPepita} (computed once in a reproduce). */
abstract class AfaAgainstPepitaFigure implements FigureDefinition {

    @Override
    public final Map<String, ExperimentConfig> configs(FigureSize size) {
        return AfaAgainstPepita.configs(size);
    }

    @Override
    public final FigureData compute(Map<String, ExperimentConfig> configs, FigureEngines engines) {
        return new FigureData(AfaAgainstPepita.compute(configs, engines), plot(), AfaAgainstPepita.parameters(configs));
    }

    /** The panels, drawn from the tables of {@link AfaAgainstPepita#compute}. */
    abstract PlotFigure plot();
}
