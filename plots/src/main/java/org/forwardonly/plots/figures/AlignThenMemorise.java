package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;

import java.util.List;

import static org.forwardonly.plots.style.Palette.*;

/**
 * Figure 2: "align, then memorise": the second-layer weights v turn towards the adaptive feedback
 * b = −s c before the error drops; theory (afa ODE) and simulation (pepita, afa).
 */
public final class AlignThenMemorise extends AfaAgainstPepitaFigure {

    @Override
    public String name() {
        return "alignment";
    }

    @Override
    public String title() {
        return "Align, then memorise";
    }

    @Override
    public String description() {
        return "The alignment cos∠(v, b) between the second-layer weights v and the adaptive feedback b = −s c over time "
                + "(left) rises before the generalisation error falls (right): AFA ODE (line) against PEPITA and AFA "
                + "simulations (markers: mean ± standard error over seeds).";
    }

    @Override
    PlotFigure plot() {
        return new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) alignment of v with the feedback", "t", "cos∠(v, b)", true, false, List.of(
                        Series.line("afa_theory_vs_pepita_sim", "t", "cos_v_feedback_ode", "afa (ODE)", BLUE, false),
                        Series.markers("afa_sim", "t", "cos_v_feedback", "cos_v_feedback_se", "afa (simulation)", SKY_BLUE),
                        Series.markers("pepita_sim", "t", "cos_v_feedback", "cos_v_feedback_se", "pepita (simulation)", VERMILLION))),
                new PlotPanel("(b) generalisation error", "t", "ε_g", true, true, List.of(
                        Series.line("afa_theory_vs_pepita_sim", "t", "eps_g_ode", "afa (ODE)", BLUE, false),
                        Series.markers("afa_theory_vs_afa_sim", "t", "eps_g_sim", "eps_g_sim_se", "afa (simulation)", SKY_BLUE),
                        Series.markers("afa_theory_vs_pepita_sim", "t", "eps_g_sim", "eps_g_sim_se", "pepita (simulation)", VERMILLION)))));
    }
}
