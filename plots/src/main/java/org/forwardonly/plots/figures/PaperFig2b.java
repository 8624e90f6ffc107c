package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;

import java.util.List;

import static org.forwardonly.plots.style.Palette.*;

/** The paper's Fig. 2b: the theory's ε_g(t) against simulations of PEPITA and AFA. */
public final class PaperFig2b extends AfaAgainstPepitaFigure {

    @Override
    public String name() {
        return "fig2b-theory-vs-simulation";
    }

    @Override
    public String paperFigure() {
        return "Fig. 2b";
    }

    @Override
    public String title() {
        return "Theory against simulations of PEPITA and AFA";
    }

    @Override
    public String description() {
        return "ε_g(t) of the AFA ODE (dashed) and of the exact PEPITA ODE (solid), each integrated from every seed's "
                + "initial order parameters and averaged, against PEPITA and AFA simulations (markers: mean ± standard error "
                + "over seeds) (a); each simulation minus its own ODE (b; markers: mean ± standard error of the difference, "
                + "paired by seed): the ODEs follow both simulations up to the O(1/N) corrections of a finite network, "
                + "and at this feedback scale the two ODEs nearly coincide, so AFA's ODE is a theory of PEPITA, as in the "
                + "paper's Fig. 2b.";
    }

    @Override
    AfaPepitaRuns runs() {
        return AfaPepitaRuns.PAPER_FIG2;
    }

    @Override
    PlotFigure plot() {
        var series = bothRules("eps_g_ode", "eps_g", true);
        return new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) generalisation error", "t", "ε_g", true, true, series),
                new PlotPanel("(b) simulation − its ODE", "t", "ε_g(simulation) − ε_g(ODE)", true, false, List.of(
                        // diamonds: differences, told apart in the legend from (a)'s simulation dots of the same colour
                        Series.diamonds("afa_theory_vs_afa_sim", "t", "eps_g_sim_minus_ode", "eps_g_diff_se",
                                "AFA: simulation − ODE", SKY_BLUE),
                        Series.diamonds("pepita_theory_vs_pepita_sim", "t", "eps_g_sim_minus_ode", "eps_g_diff_se",
                                "PEPITA: simulation − exact ODE", VERMILLION)))));
    }
}
