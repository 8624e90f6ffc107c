package org.forwardonly.plots.figures;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * The runs behind the figures that set PEPITA against AFA from the same start: PEPITA and AFA
 * simulated from the same seeds (the same draws of W, v, F and the same samples), and the exact
 * PEPITA ODE (docs/model.md §5) and the AFA ODE (§4) integrated from each seed's initial order
 * parameters and averaged over seeds; with {@code references}, also the BP and FA ODEs.
 *
 * @param sigmaF      feedback scale σ_F
 * @param alignF      cosine of F to Wᵀv at the start (0: the random draw)
 * @param tMaxDefault time span at the default size
 * @param tMaxQuick   time span at the quick size
 * @param references  whether to integrate the BP and FA ODEs too
 * @param difference  whether to compute the paired difference PEPITA − AFA (table {@code pepita_minus_afa})
 */
record AfaPepitaRuns(double sigmaF, double alignF, double tMaxDefault, double tMaxQuick, boolean references,
                     boolean difference) {

    /**
     * The paper's Fig. 2 regime: its feedback scale, F = 0.05·U(±√(6/N)) has σ_F = 0.05·√2
     * (the authors' code, docs/paper.md), and an aligned start, α_F = 0.8, so that the adaptive
     * feedback c is of order σ_F from t = 0: |c| ≈ 0.8 σ_F ≫ σ_F², the regime where PEPITA is AFA to
     * first order (docs/model.md §5). t ≤ 300: the exact ODE has fallen from 0.48 to 0.03 by then.
     */
    static final AfaPepitaRuns PAPER_FIG2 = new AfaPepitaRuns(0.05 * Math.sqrt(2), 0.8, 300, 80, false, true);

    /**
     * The project's extension: σ_F = 1 from a random start, c = O(σ_F/√N), so that PEPITA's
     * second-order terms grow c and PEPITA leaves the plateau within t ≈ 10², while AFA's c stays put.
     */
    static final AfaPepitaRuns RANDOM_START = new AfaPepitaRuns(1.0, 0.0, 300, 60, true, false);

    /** The configs by run id. */
    Map<String, ExperimentConfig> configs(FigureSize size) {
        ObjectNode base = FigureConfigs.base(Rules.PEPITA.name(), size, tMaxDefault, tMaxQuick);
        base.put("sigmaF", sigmaF);
        if (alignF != 0) base.put("alignF", alignF);
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        m.put("pepita_sim", FigureConfigs.parse(base));
        m.put("afa_sim", FigureConfigs.parse(FigureConfigs.withRule(base, Rules.AFA.name())));
        m.put("afa_ode", FigureConfigs.parse(FigureConfigs.withRule(base, Rules.AFA.name())));
        ObjectNode exact = base.deepCopy();
        FigureConfigs.exactOde(exact, size);
        // the tensor grid named, not left to averaging.method auto (which takes it here, K + M = 4 fields,
        // but takes Sobol points with a control variate elsewhere): the grid error must be the same for both ODEs
        if (difference) exact.putObject("averaging").put("method", "tensor");
        m.put("pepita_ode", FigureConfigs.parse(exact));
        if (difference) {
            // AFA on the exact ODE's own quadrature grid: the grid's error (about 5e-4 in the drift at 8 points,
            // docs/exact-pepita.md) is then common to both ODEs and cancels in their difference, which is smaller
            ObjectNode grid = FigureConfigs.withRule(exact, Rules.AFA.name());
            grid.put("odeEngine", "quadrature");
            m.put("afa_ode_same_grid", FigureConfigs.parse(grid));
        }
        if (references) {
            m.put("bp_ode", FigureConfigs.parse(FigureConfigs.withRule(base, Rules.BP.name())));
            m.put("fa_ode", FigureConfigs.parse(FigureConfigs.withRule(base, Rules.FA.name())));
        }
        return m;
    }

    /**
     * The tables:
     * <ul>
     * <li>{@code afa_theory_vs_pepita_sim}, {@code afa_theory_vs_afa_sim}, {@code pepita_theory_vs_pepita_sim}:
     *     the AFA or exact PEPITA ODE from each seed's start of that simulation, against it (columns
     *     {@code <col>_ode, <col>_sim, <col>_sim_se}); the {@code _theory_vs_<rule>_sim} tables add the
     *     per-seed means {@code cos_v_feedback_ode} (cos∠(v, b), b = −s c) and {@code c_norm_ode} (|c|); the
     *     {@code <rule>_theory_vs_<rule>_sim} tables add {@code eps_g_sim_minus_ode} (its standard error is
     *     {@code eps_g_diff_se}, paired by seed);</li>
     * <li>{@code pepita_sim}, {@code afa_sim}: the simulations, seed means and {@code <col>_se};</li>
     * <li>{@code pepita_minus_afa}: ε_g(PEPITA) − ε_g(AFA), {@code eps_g_diff_sim} the seed mean of the
     *     paired per-seed difference of the two simulations (same draws, same samples) with its standard
     *     error {@code eps_g_diff_sim_se}, {@code eps_g_diff_ode} the exact PEPITA ODE minus the AFA ODE
     *     integrated on the same quadrature grid (so that the grid's error cancels); with {@code difference} only;</li>
     * <li>with references, {@code bp_ode} and {@code fa_ode}: those ODEs from each AFA seed's start,
     *     averaged over seeds (trajectory columns {@code t, eps_g, Q_k_l, …}).</li>
     * </ul>
     */
    Map<String, DataTable> compute(Map<String, ExperimentConfig> c, FigureEngines engines) {
        ExperimentConfig afa = c.get("afa_ode"), exact = c.get("pepita_ode");
        Simulation.Result pepitaSim = engines.simulate(c.get("pepita_sim"));
        Simulation.Result afaSim = engines.simulate(c.get("afa_sim"));
        Map<String, DataTable> t = new LinkedHashMap<>();
        t.put("afa_theory_vs_pepita_sim", Columns.withSeedMeanFeedback(Columns.table(engines.theoryAgainst(afa, pepitaSim)),
                engines.odeFromEachSeed(afa, pepitaSim), afa.rule(), afa.K(), afa.modulationSign()));
        t.put("afa_theory_vs_afa_sim", Columns.withSimMinusOde(Columns.withSeedMeanFeedback(Columns.table(engines.theoryAgainst(afa,
                afaSim)),
                engines.odeFromEachSeed(afa, afaSim), afa.rule(), afa.K(), afa.modulationSign()), "eps_g"));
        t.put("pepita_theory_vs_pepita_sim", Columns.withSimMinusOde(Columns.withSeedMeanFeedback(Columns.table(engines.theoryAgainst(exact, pepitaSim)),
                engines.odeFromEachSeed(exact, pepitaSim), exact.rule(), exact.K(), exact.modulationSign()), "eps_g"));
        t.put("pepita_sim", Columns.table(FigureEngines.ensemble(pepitaSim)));
        t.put("afa_sim", Columns.table(FigureEngines.ensemble(afaSim)));
        if (difference) {
            t.put("pepita_minus_afa", difference(pepitaSim, afaSim, t.get("pepita_theory_vs_pepita_sim"),
                    Columns.table(engines.theoryAgainst(c.get("afa_ode_same_grid"), afaSim))));
        }
        if (references) {
            t.put("bp_ode", Columns.odeOnly(Columns.table(engines.theoryAgainst(c.get("bp_ode"), afaSim))));
            t.put("fa_ode", Columns.odeOnly(Columns.table(engines.theoryAgainst(c.get("fa_ode"), afaSim))));
        }
        return t;
    }

    /** The paired difference of ε_g between the two simulations, seed by seed, and between the two ODEs. */
    static DataTable difference(Simulation.Result pepita, Simulation.Result afa, DataTable pepitaOde, DataTable afaOde) {
        int n = pepita.seeds().size(), rows = pepita.times().length;
        double[] mean = new double[rows], se = new double[rows], ode = new double[rows];
        double[] pe = pepitaOde.column("eps_g_ode"), ae = afaOde.column("eps_g_ode");
        for (int i = 0; i < rows; i++) {
            double sum = 0, sum2 = 0;
            for (int s = 0; s < n; s++) {
                double d = epsG(pepita.seeds().get(s), i) - epsG(afa.seeds().get(s), i);
                sum += d;
                sum2 += d * d;
            }
            mean[i] = sum / n;
            se[i] = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sum2 - n * mean[i] * mean[i]) / (n - 1)) / n);
            ode[i] = pe[i] - ae[i];
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("t", pepita.times().clone());
        cols.put("eps_g_diff_sim", mean);
        cols.put("eps_g_diff_sim_se", se);
        cols.put("eps_g_diff_ode", ode);
        return new DataTable(cols);
    }

    private static double epsG(SeedRun.Result seed, int row) {
        Trajectory tr = seed.trajectory();
        return tr.rows()[row][tr.indexOf("eps_g")];
    }

    /** The parameters in words, for the notebook. */
    static List<String> parameters(Map<String, ExperimentConfig> c) {
        ExperimentConfig p = c.get("pepita_sim");
        return List.of(
                "K = " + p.K() + ", M = " + p.M() + ", g = " + p.activation() + ", η = η_v = " + p.eta() + ", σ = " + p.sigma(),
                "σ_F = " + p.sigmaF() + ", modulation sign s = " + p.modulationSign() + ", last layer from " + p.lastLayer()
                        + (p.alignF() != 0 ? ", aligned start: F at cosine " + p.alignF() + " to Wᵀv" : ", random start"),
                "simulations: N = " + p.N() + ", " + p.seeds() + " seeds from seed " + p.seed()
                        + " (markers: mean ± standard error); PEPITA and AFA share each seed's draws and samples",
                "exact PEPITA and AFA ODEs" + (c.containsKey("bp_ode") ? " (and BP, FA)" : "")
                        + ": integrated from each seed's initial order parameters and averaged over seeds"
                        + " (exact PEPITA: Gauss-Hermite grid of " + c.get("pepita_ode").quadraturePoints() + " points per field, rtol "
                        + c.get("pepita_ode").rtol() + ")",
                "alignment cos∠(v, b), b = −s c, and |c|: computed per seed, then averaged over seeds (simulations and ODE alike)");
    }
}
