package org.forwardonly.plots.figures;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.rules.Rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.forwardonly.plots.style.Palette.*;

/**
 * Figure 5: the Forward-Forward form of PEPITA (docs/model.md §2, rule ff) against PEPITA itself, from
 * the same start: exact ODEs and simulations of both.
 */
public final class ForwardForwardForm implements FigureDefinition {

    @Override
    public String name() {
        return "ff-form";
    }

    @Override
    public String title() {
        return "The Forward-Forward form against PEPITA";
    }

    @Override
    public String description() {
        return "ε_g(t) (left) and the alignment cos∠(v, b) of the second layer with the adaptive feedback (right) of the "
                + "Forward-Forward form of PEPITA against PEPITA itself, from the same start: exact ODEs (lines) and "
                + "simulations (markers: mean ± standard error over seeds).";
    }

    @Override
    public Map<String, ExperimentConfig> configs(FigureSize size) {
        ObjectNode base = FigureConfigs.base(Rules.PEPITA.name(), size, 100, 30);
        base.put("sigmaF", 0.5);
        FigureConfigs.exactOde(base, size);
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        m.put("pepita_sim", FigureConfigs.parse(base));
        m.put("pepita_ode", FigureConfigs.parse(base));
        m.put("ff_sim", FigureConfigs.parse(FigureConfigs.withRule(base, Rules.FF.name())));
        m.put("ff_ode", FigureConfigs.parse(FigureConfigs.withRule(base, Rules.FF.name())));
        return m;
    }

    @Override
    public FigureData compute(Map<String, ExperimentConfig> c, FigureEngines engines) {
        Map<String, DataTable> tables = new LinkedHashMap<>();
        ExperimentConfig p = c.get("pepita_sim");
        Simulation.Result pepita = engines.simulate(p);
        Simulation.Result ff = engines.simulate(c.get("ff_sim"));
        tables.put("pepita_theory_vs_sim", Columns.withSeedMeanFeedback(
                Columns.table(engines.theoryAgainst(c.get("pepita_ode"), pepita)),
                engines.odeFromEachSeed(c.get("pepita_ode"), pepita), c.get("pepita_ode").rule(), p.K(), p.modulationSign()));
        tables.put("ff_theory_vs_sim", Columns.withSeedMeanFeedback(
                Columns.table(engines.theoryAgainst(c.get("ff_ode"), ff)),
                engines.odeFromEachSeed(c.get("ff_ode"), ff), c.get("ff_ode").rule(), p.K(), p.modulationSign()));
        tables.put("pepita_sim", Columns.table(FigureEngines.ensemble(pepita)));
        tables.put("ff_sim", Columns.table(FigureEngines.ensemble(ff)));
        PlotFigure plot = new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) generalisation error", "t", "ε_g", true, true, List.of(
                        Series.line("pepita_theory_vs_sim", "t", "eps_g_ode", "PEPITA (exact ODE)", VERMILLION, false),
                        Series.line("ff_theory_vs_sim", "t", "eps_g_ode", "FF (exact ODE)", REDDISH_PURPLE, true),
                        Series.markers("pepita_theory_vs_sim", "t", "eps_g_sim", "eps_g_sim_se", "PEPITA (simulation)", VERMILLION),
                        Series.markers("ff_theory_vs_sim", "t", "eps_g_sim", "eps_g_sim_se", "FF (simulation)", REDDISH_PURPLE))),
                new PlotPanel("(b) alignment of v with the feedback", "t", "cos∠(v, b)", true, false, List.of(
                        Series.line("pepita_theory_vs_sim", "t", "cos_v_feedback_ode", "PEPITA (exact ODE)", VERMILLION, false),
                        Series.line("ff_theory_vs_sim", "t", "cos_v_feedback_ode", "FF (exact ODE)", REDDISH_PURPLE, true),
                        Series.markers("pepita_sim", "t", "cos_v_feedback", "cos_v_feedback_se", "PEPITA (simulation)", VERMILLION),
                        Series.markers("ff_sim", "t", "cos_v_feedback", "cos_v_feedback_se", "FF (simulation)", REDDISH_PURPLE)))));
        List<String> params = List.of(
                "K = " + p.K() + ", M = " + p.M() + ", g = " + p.activation() + ", η = η_v = " + p.eta() + ", σ_F = " + p.sigmaF()
                        + ", s = " + p.modulationSign(),
                "simulations: N = " + p.N() + ", " + p.seeds() + " seeds from seed " + p.seed() + " (mean ± standard error)",
                "exact ODEs (Gauss-Hermite, " + p.quadraturePoints()
                        + " points per field) from each seed's initial order parameters, averaged");
        return new FigureData(tables, plot, params);
    }
}
