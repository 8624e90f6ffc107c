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
        return "Align, then memorise: the second-layer weights v first turn towards the adaptive feedback b = −s c "
                + "(cos∠(v, b) → 1, left), then the error falls (right) while v moves on to fit the teacher; "
                + "AFA and exact PEPITA ODEs (lines) against AFA and PEPITA simulations (markers: mean ± standard error over seeds).";
    }

    @Override
    AfaPepitaRuns runs() {
        return AfaPepitaRuns.RANDOM_START;
    }

    @Override
    PlotFigure plot() {
        return new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) alignment of v with the feedback", "t", "cos∠(v, b)", true, false, List.of(
                        Series.line("afa_theory_vs_afa_sim", "t", "cos_v_feedback_ode", "AFA (ODE)", BLUE, false),
                        Series.line("pepita_theory_vs_pepita_sim", "t", "cos_v_feedback_ode", "PEPITA (exact ODE)", VERMILLION, false),
                        Series.markers("afa_sim", "t", "cos_v_feedback", "cos_v_feedback_se", "AFA (simulation)", SKY_BLUE),
                        Series.markers("pepita_sim", "t", "cos_v_feedback", "cos_v_feedback_se", "PEPITA (simulation)", VERMILLION))),
                new PlotPanel("(b) generalisation error", "t", "ε_g", true, true, List.of(
                        Series.line("afa_theory_vs_afa_sim", "t", "eps_g_ode", "AFA (ODE)", BLUE, false),
                        Series.line("pepita_theory_vs_pepita_sim", "t", "eps_g_ode", "PEPITA (exact ODE)", VERMILLION, false),
                        Series.markers("afa_theory_vs_afa_sim", "t", "eps_g_sim", "eps_g_sim_se", "AFA (simulation)", SKY_BLUE),
                        Series.markers("pepita_theory_vs_pepita_sim", "t", "eps_g_sim", "eps_g_sim_se", "PEPITA (simulation)", VERMILLION)))));
    }
}
