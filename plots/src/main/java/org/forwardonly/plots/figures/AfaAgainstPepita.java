package org.forwardonly.plots.figures;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runs shared by the learning-curve and alignment figures: pepita and afa simulated from the
 * same seeds, and the exact pepita, afa, bp and fa ODEs integrated from each seed's initial order parameters and
 * averaged over seeds (bp and fa for reference). σ_F = 1 so that the adaptive feedback
 * c grows out of its random start within t ≈ 10² (docs/model.md §4-5).
 */
final class AfaAgainstPepita {
    static final double SIGMA_F = 1.0;

    private AfaAgainstPepita() {}

    /** The configs by run id. */
    static Map<String, ExperimentConfig> configs(FigureSize size) {
        ObjectNode base = FigureConfigs.base("pepita", size, 300, 60);
        base.put("sigmaF", SIGMA_F);
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        m.put("pepita_sim", FigureConfigs.parse(base));
        m.put("afa_sim", FigureConfigs.parse(FigureConfigs.withRule(base, "afa")));
        m.put("afa_ode", FigureConfigs.parse(FigureConfigs.withRule(base, "afa")));
        ObjectNode exact = base.deepCopy();
        FigureConfigs.exactOde(exact, size);
        m.put("pepita_ode", FigureConfigs.parse(exact));
        m.put("bp_ode", FigureConfigs.parse(FigureConfigs.withRule(base, "bp")));
        m.put("fa_ode", FigureConfigs.parse(FigureConfigs.withRule(base, "fa")));
        return m;
    }

    /**
     * The tables: {@code afa_theory_vs_pepita_sim} and {@code afa_theory_vs_afa_sim} (columns
     * {@code <col>_ode, <col>_sim, <col>_sim_se}; the first also {@code cos_v_feedback_ode}),
     * {@code pepita_theory_vs_pepita_sim} (the exact pepita ODE, docs/model.md §5, the same way),
     * {@code pepita_sim} and {@code afa_sim} (seed means and {@code _se}), {@code bp_theory} and {@code fa_theory}
     * (their {@code eps_g_ode} column; the {@code _sim} columns are the afa simulation, not bp or fa).
     */
    static Map<String, DataTable> compute(Map<String, ExperimentConfig> c, FigureEngines engines) {
        ExperimentConfig afa = c.get("afa_ode");
        Simulation.Result pepitaSim = engines.simulate(c.get("pepita_sim"));
        Simulation.Result afaSim = engines.simulate(c.get("afa_sim"));
        Map<String, DataTable> t = new LinkedHashMap<>();
        t.put("afa_theory_vs_pepita_sim", Columns.withSeedMeanFeedbackCosine(Columns.table(engines.theoryAgainst(afa, pepitaSim)),
                engines.odeFromEachSeed(afa, pepitaSim), "afa", afa.K(), afa.modulationSign()));
        t.put("afa_theory_vs_afa_sim", Columns.table(engines.theoryAgainst(afa, afaSim)));
        ExperimentConfig exact = c.get("pepita_ode");
        t.put("pepita_theory_vs_pepita_sim", Columns.withSeedMeanFeedbackCosine(Columns.table(engines.theoryAgainst(exact, pepitaSim)),
                engines.odeFromEachSeed(exact, pepitaSim), "pepita", exact.K(), exact.modulationSign()));
        t.put("pepita_sim", Columns.table(FigureEngines.ensemble(pepitaSim)));
        t.put("afa_sim", Columns.table(FigureEngines.ensemble(afaSim)));
        t.put("bp_theory", Columns.table(engines.theoryAgainst(c.get("bp_ode"), afaSim)));
        t.put("fa_theory", Columns.table(engines.theoryAgainst(c.get("fa_ode"), afaSim)));
        return t;
    }

    /** The parameters in words, for the notebook. */
    static java.util.List<String> parameters(Map<String, ExperimentConfig> c) {
        ExperimentConfig p = c.get("pepita_sim");
        return java.util.List.of(
                "K = " + p.K() + ", M = " + p.M() + ", g = " + p.activation() + ", η = η_v = " + p.eta() + ", σ = " + p.sigma(),
                "σ_F = " + p.sigmaF() + ", modulation sign s = " + p.modulationSign() + ", last layer from " + p.lastLayer(),
                "simulations: N = " + p.N() + ", " + p.seeds() + " seeds from seed " + p.seed() + " (markers: mean ± standard error)",
                "exact pepita, afa, bp and fa ODEs: integrated from each seed's initial order parameters and averaged over seeds"
                        + " (exact pepita: Gauss-Hermite grid of " + c.get("pepita_ode").quadraturePoints() + " points per field, rtol "
                        + c.get("pepita_ode").rtol() + ")",
                "alignment cos∠(v, b), b = −s c: computed per seed, then averaged over seeds (simulations and ODE alike)");
    }
}
