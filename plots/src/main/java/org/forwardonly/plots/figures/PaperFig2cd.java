package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;

import java.util.List;

import static org.forwardonly.plots.style.Palette.*;

/**
 * The paper's Fig. 2c, d: the alignment dynamics. (c) The second layer v turns towards the adaptive
 * feedback b = −s c; (d) the size |c| of that feedback, the overlap of F with the first layer.
 */
public final class PaperFig2cd extends AfaAgainstPepitaFigure {

    @Override
    public String name() {
        return "fig2cd-alignment";
    }

    @Override
    public String paperFigure() {
        return "Fig. 2c, d";
    }

    @Override
    public String title() {
        return "Alignment dynamics of PEPITA and AFA";
    }

    @Override
    public String description() {
        return "(c) cos∠(v, b) between the second-layer weights v and the adaptive feedback b = −s c: from this aligned "
                + "start v stays aligned with the feedback (the cosine stays close to 1) while the error falls; (d) the size |c| "
                + "of the adaptive feedback, the overlap of F with the first-layer weights, which the learning rule itself "
                + "changes: it shrinks as the student learns, in both rules alike. Exact PEPITA and "
                + "AFA ODEs (lines, computed per seed and averaged) against PEPITA and AFA simulations (markers: mean ± "
                + "standard error over seeds).";
    }

    @Override
    AfaPepitaRuns runs() {
        return AfaPepitaRuns.PAPER_FIG2;
    }

    @Override
    PlotFigure plot() {
        return new PlotFigure(title(), 2, List.of(
                new PlotPanel("(c) alignment of v with the feedback", "t", "cos∠(v, b)", true, false, List.of(
                        Series.line("pepita_theory_vs_pepita_sim", "t", "cos_v_feedback_ode", "PEPITA (exact ODE)", VERMILLION, false),
                        Series.line("afa_theory_vs_afa_sim", "t", "cos_v_feedback_ode", "AFA (ODE)", BLUE, true),
                        Series.markers("afa_sim", "t", "cos_v_feedback", "cos_v_feedback_se", "AFA (simulation)", SKY_BLUE),
                        Series.markers("pepita_sim", "t", "cos_v_feedback", "cos_v_feedback_se", "PEPITA (simulation)", VERMILLION))),
                new PlotPanel("(d) size of the adaptive feedback", "t", "|c|", true, false, List.of(
                        Series.line("pepita_theory_vs_pepita_sim", "t", "c_norm_ode", "PEPITA (exact ODE)", VERMILLION, false),
                        Series.line("afa_theory_vs_afa_sim", "t", "c_norm_ode", "AFA (ODE)", BLUE, true),
                        Series.markers("afa_sim", "t", "c_norm", "c_norm_se", "AFA (simulation)", SKY_BLUE),
                        Series.markers("pepita_sim", "t", "c_norm", "c_norm_se", "PEPITA (simulation)", VERMILLION)))));
    }
}
