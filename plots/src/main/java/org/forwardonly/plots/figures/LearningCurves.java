package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;

import java.util.List;

import static org.forwardonly.plots.style.Palette.*;

/** The project's extension: ε_g(t) of PEPITA and AFA from a random start at σ_F = 1, where the two separate. */
public final class LearningCurves extends AfaAgainstPepitaFigure {

    @Override
    public String name() {
        return "learning-curves";
    }

    @Override
    public String title() {
        return "Learning curves: ODEs against simulations";
    }

    @Override
    public String description() {
        return "ε_g(t) of PEPITA and AFA simulations (markers: mean ± standard error over seeds) against the AFA ODE and "
                + "the exact PEPITA ODE integrated from the same initial conditions (lines), with the BP and FA ODEs for "
                + "reference (dashed), on log-log and lin-log axes: AFA's ODE follows the AFA simulation, and from a random "
                + "start PEPITA leaves the plateau long before AFA, as its exact ODE predicts.";
    }

    @Override
    AfaPepitaRuns runs() {
        return AfaPepitaRuns.RANDOM_START;
    }

    @Override
    PlotFigure plot() {
        List<PlotSeries> series = new java.util.ArrayList<>(List.of(
                Series.line("bp_ode", "t", "eps_g", "BP (ODE)", BLACK, true),
                Series.line("fa_ode", "t", "eps_g", "FA (ODE)", BLUISH_GREEN, true)));
        series.addAll(bothRules("eps_g_ode", "eps_g", false));
        return new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) log-log", "t", "ε_g", true, true, series),
                new PlotPanel("(b) lin-log", "t", "ε_g", false, true, series)));
    }
}
