package org.forwardonly.plots.figures;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.forwardonly.plots.style.Palette.*;

/**
 * Figure 4: PEPITA with and without weight mirroring of F (docs/model.md §6): learning curves, and the
 * time to reach a target error, from the exact ODE and from simulations.
 */
public final class WeightMirroringFigure implements FigureDefinition {
    /** Targets of the time-to-convergence panel: log-spaced between these errors. */
    static final double TARGET_HI = 0.3, TARGET_LO = 0.02;
    static final int TARGETS = 12;

    @Override
    public String name() {
        return "weight-mirroring";
    }

    @Override
    public String title() {
        return "PEPITA with and without weight mirroring";
    }

    @Override
    public String description() {
        return "ε_g(t) of PEPITA with and without weight mirroring of the feedback F (left) and the time it takes to reach "
                + "a target error ε* (right): exact ODE (lines) against simulations (markers: mean ± standard error over seeds).";
    }

    @Override
    public Map<String, ExperimentConfig> configs(FigureSize size) {
        ObjectNode base = FigureConfigs.base(Rules.PEPITA.name(), size, 200, 40);
        base.put("sigmaF", 0.5);
        FigureConfigs.exactOde(base, size);
        ObjectNode wm = base.deepCopy();
        ObjectNode mirroring = wm.putObject("mirroring");
        mirroring.put("a", 1.0);
        mirroring.put("r", 1);
        mirroring.put("etaWm", 0.5);
        mirroring.put("lambdaWm", 1.0);
        mirroring.put("rescale", true);
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        m.put("pepita_sim", FigureConfigs.parse(base));
        m.put("pepita_ode", FigureConfigs.parse(base));
        m.put("pepita_wm_sim", FigureConfigs.parse(wm));
        m.put("pepita_wm_ode", FigureConfigs.parse(wm));
        return m;
    }

    @Override
    public FigureData compute(Map<String, ExperimentConfig> c, FigureEngines engines) {
        Map<String, DataTable> tables = new LinkedHashMap<>();
        Simulation.Result plain = engines.simulate(c.get("pepita_sim"));
        Simulation.Result wm = engines.simulate(c.get("pepita_wm_sim"));
        DataTable plainT = Columns.table(engines.theoryAgainst(c.get("pepita_ode"), plain));
        DataTable wmT = Columns.table(engines.theoryAgainst(c.get("pepita_wm_ode"), wm));
        tables.put("pepita_theory_vs_sim", plainT);
        tables.put("pepita_wm_theory_vs_sim", wmT);
        double[] targets = Convergence.targets(TARGET_HI, TARGET_LO, TARGETS);
        tables.put("time_to_target", new DataTable(AfaAccuracy.orderedMap(
                "target", targets,
                "t_ode", times(plainT, "eps_g_ode", targets), "t_sim", meanTimes(plain, targets, false), "t_sim_se", meanTimes(plain,
                        targets, true),
                "t_wm_ode", times(wmT, "eps_g_ode", targets), "t_wm_sim", meanTimes(wm, targets, false), "t_wm_sim_se", meanTimes(wm,
                        targets, true))));
        PlotFigure plot = new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) learning curves", "t", "ε_g", true, true, List.of(
                        Series.line("pepita_theory_vs_sim", "t", "eps_g_ode", "no mirroring (ODE)", VERMILLION, false),
                        Series.line("pepita_wm_theory_vs_sim", "t", "eps_g_ode", "mirroring (ODE)", BLUE, false),
                        Series.markers("pepita_theory_vs_sim", "t", "eps_g_sim", "eps_g_sim_se", "no mirroring (simulation)", VERMILLION),
                        Series.markers("pepita_wm_theory_vs_sim", "t", "eps_g_sim", "eps_g_sim_se", "mirroring (simulation)", SKY_BLUE))),
                new PlotPanel("(b) time to reach ε*", "target ε*", "t(ε_g ≤ ε*)", true, true, List.of(
                        Series.line("time_to_target", "target", "t_ode", "no mirroring (ODE)", VERMILLION, false),
                        Series.line("time_to_target", "target", "t_wm_ode", "mirroring (ODE)", BLUE, false),
                        Series.markers("time_to_target", "target", "t_sim", "t_sim_se", "no mirroring (simulation)", VERMILLION),
                        Series.markers("time_to_target", "target", "t_wm_sim", "t_wm_sim_se", "mirroring (simulation)", SKY_BLUE)))));
        ExperimentConfig p = c.get("pepita_wm_sim");
        var m = p.mirroring();
        List<String> params = List.of(
                "K = " + p.K() + ", M = " + p.M() + ", g = " + p.activation() + ", η = η_v = " + p.eta() + ", σ_F = " + p.sigmaF(),
                "mirroring: a = " + m.a() + ", r = " + m.r() + ", η_wm = " + m.etaWm() + ", λ_wm = " + m.lambdaWm() + ", rescale = "
                        + m.rescale(),
                "simulations: N = " + p.N() + ", " + p.seeds() + " seeds from seed " + p.seed() + " (mean ± standard error)",
                "exact ODE from each seed's initial order parameters, averaged; time to ε*: first crossing, interpolated in log ε_g;"
                        + " a seed that never reaches ε* leaves that point out");
        return new FigureData(tables, plot, params);
    }

    private static double[] times(DataTable t, String column, double[] targets) {
        double[] out = new double[targets.length];
        for (int i = 0; i < targets.length; i++) out[i] = Convergence.timeTo(t.column("t"), t.column(column), targets[i]);
        return out;
    }

    /** Mean (or its standard error) over the seeds that reach each target. */
    private static double[] meanTimes(Simulation.Result r, double[] targets, boolean standardError) {
        double[] out = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            double s = 0, s2 = 0;
            int n = 0;
            for (SeedRun.Result seed : r.seeds()) {
                Trajectory tr = seed.trajectory();
                double t = Convergence.timeTo(tr.times(), tr.column("eps_g"), targets[i]);
                if (Double.isFinite(t)) {
                    s += t;
                    s2 += t * t;
                    n++;
                }
            }
            double mean = n > 0 ? s / n : Double.NaN;
            double var = n > 1 ? (s2 - n * mean * mean) / (n - 1) : Double.NaN;
            out[i] = standardError ? Math.sqrt(Math.max(0, var) / n) : mean;
        }
        return out;
    }
}
