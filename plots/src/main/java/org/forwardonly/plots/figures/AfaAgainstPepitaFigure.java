package org.forwardonly.plots.figures;

import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.List;
import java.util.Map;

import org.forwardonly.notebooks.plot.PlotSeries;

import static org.forwardonly.plots.style.Palette.*;

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

    /**
     * One quantity for both rules: the exact PEPITA ODE and the AFA ODE (lines, column {@code ode} of the
     * {@code <rule>_theory_vs_<rule>_sim} tables; AFA dashed when {@code afaDashed}, for where it lies on
     * PEPITA's), then the AFA and PEPITA simulations (markers, column {@code sim} and {@code sim_se} of
     * {@code <rule>_sim}).
     */
    static List<PlotSeries> bothRules(String ode, String sim, boolean afaDashed) {
        return List.of(
                Series.line("pepita_theory_vs_pepita_sim", "t", ode, "PEPITA (exact ODE)", VERMILLION, false),
                Series.line("afa_theory_vs_afa_sim", "t", ode, "AFA (ODE)", BLUE, afaDashed),
                Series.markers("afa_sim", "t", sim, sim + "_se", "AFA (simulation)", SKY_BLUE),
                Series.markers("pepita_sim", "t", sim, sim + "_se", "PEPITA (simulation)", VERMILLION));
    }
}
