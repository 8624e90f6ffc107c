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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.forwardonly.plots.style.Palette.*;

/**
 * Figure 3: how good the AFA approximation of PEPITA is as σ_F grows. For each σ_F, PEPITA is
 * simulated and both the exact PEPITA ODE (docs/model.md §5) and the AFA ODE (§4) are integrated
 * from each seed's initial order parameters; the last panel shows the largest gap over time.
 */
public final class AfaAccuracy implements FigureDefinition {
    /** The cosine between F and the teacher-student subspace at the start (an aligned start, key alignF). */
    static final double ALIGN_F = 0.8;

    @Override
    public String name() {
        return "afa-accuracy";
    }

    @Override
    public String title() {
        return "How good is the AFA approximation as σ_F grows?";
    }

    @Override
    public String description() {
        return "ε_g(t) of PEPITA simulations (markers) against the exact PEPITA ODE (line) and its first-order AFA "
                + "approximation (dashed) at growing feedback strength σ_F, from an aligned start; the last panel shows "
                + "the largest gap over time between each pair as a function of σ_F.";
    }

    static double[] sigmas(FigureSize size) {
        return size == FigureSize.QUICK ? new double[] {0.2, 0.6} : new double[] {0.1, 0.3, 0.6};
    }

    static String tag(double sigmaF) {
        return String.format(Locale.ROOT, "sF%s", Double.toString(sigmaF).replace('.', 'p'));
    }

    @Override
    public Map<String, ExperimentConfig> configs(FigureSize size) {
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        for (double sF : sigmas(size)) {
            ObjectNode base = FigureConfigs.base(Rules.PEPITA.name(), size, 50, 20);
            base.put("sigmaF", sF);
            base.put("alignF", ALIGN_F);
            FigureConfigs.exactOde(base, size);
            m.put("pepita_sim_" + tag(sF), FigureConfigs.parse(base));
            m.put("pepita_ode_" + tag(sF), FigureConfigs.parse(base));
            m.put("afa_ode_" + tag(sF), FigureConfigs.parse(FigureConfigs.withRule(base, Rules.AFA.name())));
        }
        return m;
    }

    @Override
    public FigureData compute(Map<String, ExperimentConfig> c, FigureEngines engines) {
        double[] sigmas = c.entrySet().stream().filter(e -> e.getKey().startsWith("pepita_sim_"))
                .mapToDouble(e -> e.getValue().sigmaF()).toArray();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        List<PlotPanel> panels = new ArrayList<>();
        double[] gapExactAfa = new double[sigmas.length], gapSimAfa = new double[sigmas.length], gapSimExact = new double[sigmas.length];
        char letter = 'a';
        for (int i = 0; i < sigmas.length; i++) {
            String tag = tag(sigmas[i]);
            Simulation.Result sim = engines.simulate(c.get("pepita_sim_" + tag));
            DataTable exact = Columns.table(engines.theoryAgainst(c.get("pepita_ode_" + tag), sim));
            DataTable afa = Columns.table(engines.theoryAgainst(c.get("afa_ode_" + tag), sim));
            String te = "pepita_theory_vs_sim_" + tag, ta = "afa_theory_vs_pepita_sim_" + tag;
            tables.put(te, exact);
            tables.put(ta, afa);
            gapExactAfa[i] = maxGap(exact.column("eps_g_ode"), afa.column("eps_g_ode"));
            gapSimAfa[i] = maxGap(exact.column("eps_g_sim"), afa.column("eps_g_ode"));
            gapSimExact[i] = maxGap(exact.column("eps_g_sim"), exact.column("eps_g_ode"));
            panels.add(new PlotPanel("(" + (letter++) + ") σ_F = " + sigmas[i], "t", "ε_g", true, true, List.of(
                    Series.line(ta, "t", "eps_g_ode", "AFA (ODE)", BLUE, true),
                    Series.line(te, "t", "eps_g_ode", "PEPITA (exact ODE)", BLACK, false),
                    Series.markers(te, "t", "eps_g_sim", "eps_g_sim_se", "PEPITA (simulation)", VERMILLION))));
        }
        tables.put("gap_vs_sigmaF", new DataTable(orderedMap(
                "sigmaF", sigmas, "max_gap_exact_afa", gapExactAfa, "max_gap_sim_afa", gapSimAfa, "max_gap_sim_exact", gapSimExact)));
        panels.add(new PlotPanel("(" + letter + ") largest gap over time", "σ_F", "max_t |Δε_g|", true, true, List.of(
                Series.line("gap_vs_sigmaF", "sigmaF", "max_gap_exact_afa", "exact PEPITA ODE − AFA ODE", BLACK, false),
                // diamonds: differences, told apart in the legend from panel (a)'s simulation dots of the same colour
                Series.diamonds("gap_vs_sigmaF", "sigmaF", "max_gap_sim_afa", null, "PEPITA simulation − AFA ODE", BLUE),
                Series.diamonds("gap_vs_sigmaF", "sigmaF", "max_gap_sim_exact", null, "PEPITA simulation − exact ODE", VERMILLION))));
        ExperimentConfig p = c.values().iterator().next();
        List<String> params = List.of(
                "K = " + p.K() + ", M = " + p.M() + ", g = " + p.activation() + ", η = η_v = " + p.eta() + ", σ = " + p.sigma(),
                "aligned start: alignF = " + p.alignF() + "; σ_F in " + java.util.Arrays.toString(sigmas),
                "simulations: N = " + p.N() + ", " + p.seeds() + " seeds from seed " + p.seed() + " (mean ± standard error)",
                "both ODEs integrated from each seed's initial order parameters and averaged; exact ODE on a "
                        + p.quadraturePoints() + "-point-per-field Gauss-Hermite grid, rtol " + p.rtol());
        return new FigureData(tables, new PlotFigure(title(), 2, panels), params);
    }

    static double maxGap(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) if (Double.isFinite(a[i]) && Double.isFinite(b[i])) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    static Map<String, double[]> orderedMap(Object... kv) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (double[]) kv[i + 1]);
        return m;
    }
}
