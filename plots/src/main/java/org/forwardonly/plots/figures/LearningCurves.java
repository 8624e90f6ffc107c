package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;

import java.util.List;

import static org.forwardonly.plots.style.Palette.*;

/** Figure 1: ε_g(t) of pepita and afa simulations against the afa ODE, with bp and fa for reference. */
public final class LearningCurves extends AfaAgainstPepitaFigure {

    @Override
    public String name() {
        return "learning-curves";
    }

    @Override
    public String title() {
        return "Generalisation error: simulations against the AFA theory";
    }

    @Override
    public String description() {
        return "ε_g(t) of PEPITA and AFA simulations (markers: mean ± standard error over seeds) against the AFA ODE "
                + "integrated from the same initial conditions (line), with the BP and FA ODEs for reference (dashed), "
                + "on log-log and lin-log axes. AFA's theory follows the AFA simulation; from a random start PEPITA leaves "
                + "the plateau much earlier, through the term AFA drops (see afa-accuracy).";
    }

    @Override
    PlotFigure plot() {
        List<PlotSeries> series = List.of(
                Series.line("bp_theory", "t", "eps_g_ode", "bp (ODE)", BLACK, true),
                Series.line("fa_theory", "t", "eps_g_ode", "fa (ODE)", BLUISH_GREEN, true),
                Series.line("afa_theory_vs_pepita_sim", "t", "eps_g_ode", "afa (ODE)", BLUE, false),
                Series.markers("afa_theory_vs_afa_sim", "t", "eps_g_sim", "eps_g_sim_se", "afa (simulation)", SKY_BLUE),
                Series.markers("afa_theory_vs_pepita_sim", "t", "eps_g_sim", "eps_g_sim_se", "pepita (simulation)", VERMILLION));
        return new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) log-log", "t", "ε_g", true, true, series),
                new PlotPanel("(b) lin-log", "t", "ε_g", false, true, series)));
    }
}
