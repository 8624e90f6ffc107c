package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;

import java.util.List;

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
                new PlotPanel("(a) alignment of v with the feedback", "t", "cos∠(v, b)", true, false,
                        bothRules("cos_v_feedback_ode", "cos_v_feedback", false)),
                new PlotPanel("(b) generalisation error", "t", "ε_g", true, true, bothRules("eps_g_ode", "eps_g", false))));
    }
}
