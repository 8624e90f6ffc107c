package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;

import java.util.List;

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
                new PlotPanel("(c) alignment of v with the feedback", "t", "cos∠(v, b)", true, false,
                        bothRules("cos_v_feedback_ode", "cos_v_feedback", true)),
                new PlotPanel("(d) size of the adaptive feedback", "t", "|c|", true, false,
                        bothRules("c_norm_ode", "c_norm", true))));
    }
}
