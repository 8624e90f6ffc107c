package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;

import java.util.List;

import static org.forwardonly.plots.style.Palette.*;

/**
 * The paper's Fig. 2a: PEPITA and AFA trained from the same start at the paper's feedback scale
 * give almost identical learning curves. Simulations of both, and their paired difference.
 */
public final class PaperFig2a extends AfaAgainstPepitaFigure {

    @Override
    public String name() {
        return "fig2a-pepita-vs-afa";
    }

    @Override
    public String paperFigure() {
        return "Fig. 2a";
    }

    @Override
    public String title() {
        return "PEPITA and AFA from the same start";
    }

    @Override
    public String description() {
        return "(a) ε_g(t) of PEPITA and AFA simulations trained from the same initialisation and the same samples "
                + "(PEPITA: markers, mean ± standard error over seeds; AFA: line, seed mean): the curves are almost identical, "
                + "as in the paper's Fig. 2a. "
                + "(b) Their difference ε_g(PEPITA) − ε_g(AFA), seed by seed (markers: mean ± standard error of the paired "
                + "difference), against the exact PEPITA ODE minus the AFA ODE (line): the difference stays below 1 % of ε_g "
                + "and is what AFA leaves out, PEPITA's terms beyond first order in F (docs/model.md §5).";
    }

    @Override
    AfaPepitaRuns runs() {
        return AfaPepitaRuns.PAPER_FIG2;
    }

    @Override
    PlotFigure plot() {
        return new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) generalisation error", "t", "ε_g", true, true, List.of(
                        // AFA as a line under PEPITA's markers: markers on markers would hide one of the two
                        Series.line("afa_sim", "t", "eps_g", "AFA (simulation)", BLUE, false),
                        Series.markers("pepita_sim", "t", "eps_g", "eps_g_se", "PEPITA (simulation)", VERMILLION))),
                new PlotPanel("(b) PEPITA − AFA, same start", "t", "ε_g(PEPITA) − ε_g(AFA)", true, false, List.of(
                        Series.line("pepita_minus_afa", "t", "eps_g_diff_ode", "exact PEPITA ODE − AFA ODE", BLACK, false),
                        Series.markers("pepita_minus_afa", "t", "eps_g_diff_sim", "eps_g_diff_sim_se",
                                "PEPITA − AFA (simulations)", REDDISH_PURPLE)))));
    }
}
