package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.analysis.FixedPoint;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.state.StateLayout;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.forwardonly.plots.style.Palette.*;

/**
 * The symmetric plateau of the soft committee machine and its escape (docs/analysis.md): ε_g(t) of the ODE and of
 * SGD from the same random starts, with the plateau height analyse predicts; and the distance of (Q, R) from the
 * plateau, whose growth after the plateau is the predicted e^{λt}, λ the plateau's leading unstable eigenvalue.
 */
public final class PlateauEscape implements FigureDefinition {
    /** Student units (K = M): the committee whose plateau the analysis tests check (PlateauLengthTest). */
    static final int K = 3;
    /** The guide e^{λt} passes through the ODE's distance where it first reaches this multiple of its minimum. */
    static final double GUIDE_ANCHOR = 3;

    @Override
    public String name() {
        return "plateau-escape";
    }

    @Override
    public String title() {
        return "The symmetric plateau and its escape";
    }

    @Override
    public String description() {
        return "The soft committee machine (bp, erf, K = M = 3, v = v* = 1 fixed, T = I) from random starts: ε_g(t) of the ODE "
                + "integrated from each seed's start (line) and of SGD (markers: mean ± standard error over seeds), with the "
                + "height of the symmetric plateau that pepita analyse finds (dashed) (a); the distance of (Q, R) from that "
                + "plateau, which after the approach grows as e^{λt} with λ the plateau's leading unstable eigenvalue "
                + "(dashed guide, slope from analyse; its height is matched to the ODE) (b).";
    }

    @Override
    public Map<String, ExperimentConfig> configs(FigureSize size) {
        boolean quick = size == FigureSize.QUICK;
        ExperimentConfig c = quick ? CommitteeMachine.config(K, 1, 300, 2, 300, 61)
                : CommitteeMachine.config(K, 1, 1000, 8, 400, 101);
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        m.put("committee_sim", c);
        m.put("committee_ode", c);
        return m;
    }

    @Override
    public String caption(Map<String, ExperimentConfig> configs) {
        ExperimentConfig c = configs.get("committee_sim");
        return description() + String.format(Locale.ROOT, " Setting: bp, erf, K = M = %d, η = %s, η_v = 0, σ = 0; simulations at "
                + "N = %d, %d seeds from seed %d, each seed's drawn network changed to v = v* = 1 and T = I; t ≤ %s.",
                c.K(), c.eta(), c.N(), c.seeds(), c.seed(), c.tMax());
    }

    @Override
    public FigureData compute(Map<String, ExperimentConfig> configs, FigureEngines engines) {
        ExperimentConfig c = configs.get("committee_sim");
        Simulation.Result sim = engines.other(c, "committee machine from random starts", () -> CommitteeMachine.simulate(c, -1));
        FixedPoint plateau = CommitteeMachine.plateau(c);
        double lambda = plateau.lambdaMax();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        DataTable curves = Columns.table(engines.theoryAgainst(configs.get("committee_ode"), sim));
        tables.put("committee_theory_vs_sim", curves);
        tables.put("plateau", new DataTable(AfaAccuracy.orderedMap("t", new double[] {0, c.tMax()},
                "eps_g", new double[] {plateau.epsG(), plateau.epsG()})));
        tables.put("distance_from_plateau", distances(c, plateau, engines.odeFromEachSeed(configs.get("committee_ode"), sim), sim));
        String lam = String.format(Locale.ROOT, "%.4f", lambda), eps = String.format(Locale.ROOT, "%.4f", plateau.epsG());
        PlotFigure plot = new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) generalisation error", "t", "ε_g", false, true, List.of(
                        Series.line("committee_theory_vs_sim", "t", "eps_g_ode", "ODE (mean over seeds)", BLACK, false),
                        Series.markers("committee_theory_vs_sim", "t", "eps_g_sim", "eps_g_sim_se", "SGD (mean ± s.e.)", BLACK),
                        Series.line("plateau", "t", "eps_g", "plateau ε_g = " + eps + " (analyse)", ORANGE, true))),
                new PlotPanel("(b) distance from the plateau", "t", "|(Q, R) − (Q, R)_{plateau}|", false, true, List.of(
                        Series.line("distance_from_plateau", "t", "dist_ode", "ODE (mean over seeds)", BLACK, false),
                        Series.markers("distance_from_plateau", "t", "dist_sim", "dist_sim_se", "SGD (mean ± s.e.)", BLACK),
                        Series.line("distance_from_plateau", "t", "guide", "∝ exp(λt), λ = " + lam + " (analyse)", ORANGE, true)))));
        List<String> params = List.of(
                "soft committee machine: bp, erf, K = M = " + c.K() + ", η = " + c.eta() + ", η_v = 0 (v = v* = 1), σ = 0, T = I",
                "simulations: N = " + c.N() + ", " + c.seeds() + " seeds from seed " + c.seed() + "; each seed's draw (NetworkDraw) "
                        + "changed before training: v = v* = 1, teacher vectors orthogonalised to |w*|² = N",
                "ODE from each seed's measured initial order parameters, averaged over seeds (as compare does)",
                "plateau: the symmetric stationary point pepita analyse finds for this config with T = I, v = v* = 1: ε_g = "
                        + eps + ", leading eigenvalue λ = " + lam + " (" + plateau.nUnstable() + " unstable directions)",
                "distance: Euclidean norm over the Q_kl (k ≤ l) and R_km columns, per seed, then averaged; the guide has slope λ "
                        + "and passes through the ODE curve where it first reaches " + GUIDE_ANCHOR + "× its minimum");
        return new FigureData(tables, plot, params);
    }

    /**
     * t, dist_ode (seed mean), dist_sim, dist_sim_se (seed mean and standard error), and guide: the ODE's distance
     * at the anchor times e^{λ(t − t_anchor)} from the ODE's closest approach until it exceeds the largest distance, NaN elsewhere.
     */
    static DataTable distances(ExperimentConfig c, FixedPoint plateau, List<Trajectory> odePerSeed, Simulation.Result sim) {
        double[] t = sim.times();
        int n = t.length;
        double[] ode = mean(odePerSeed, plateau, c, n);
        List<Trajectory> sims = new ArrayList<>();
        for (SeedRun.Result s : sim.seeds()) sims.add(s.trajectory());
        double[] simMean = mean(sims, plateau, c, n);
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            double s2 = 0;
            int k = 0;
            for (Trajectory tr : sims) {
                if (i >= tr.size()) continue;
                double d = distance(tr, i, plateau, c) - simMean[i];
                s2 += d * d;
                k++;
            }
            se[i] = k > 1 ? Math.sqrt(s2 / (k - 1) / k) : Double.NaN;
        }
        double[] guide = new double[n];
        java.util.Arrays.fill(guide, Double.NaN);
        int iMin = 1;
        for (int i = 1; i < n; i++) if (ode[i] < ode[iMin]) iMin = i;
        int anchor = -1;
        for (int i = iMin; i < n && anchor < 0; i++) if (ode[i] >= GUIDE_ANCHOR * ode[iMin]) anchor = i;
        double max = 0;
        for (double d : ode) if (Double.isFinite(d)) max = Math.max(max, d);
        if (anchor >= 0) {
            for (int i = iMin; i < n; i++) {
                double g = ode[anchor] * Math.exp(plateau.lambdaMax() * (t[i] - t[anchor]));
                if (g > max) break;
                guide[i] = g;
            }
        }
        return new DataTable(AfaAccuracy.orderedMap("t", t.clone(), "dist_ode", ode, "dist_sim", simMean, "dist_sim_se", se, "guide", guide));
    }

    private static double[] mean(List<Trajectory> perSeed, FixedPoint plateau, ExperimentConfig c, int n) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int k = 0;
            for (Trajectory tr : perSeed) {
                if (i >= tr.size()) continue;
                s += distance(tr, i, plateau, c);
                k++;
            }
            m[i] = k > 0 ? s / k : Double.NaN;
        }
        return m;
    }

    /** |(Q, R) − (Q, R)_plateau| at row i: over the Q and R columns of the packed state (docs/columns.md). */
    static double distance(Trajectory tr, int i, FixedPoint plateau, ExperimentConfig c) {
        StateLayout layout = Experiments.layout(c);
        List<String> names = layout.columnNames();
        double s = 0;
        for (int j = 0; j < layout.vOffset(); j++) {
            double d = tr.rows()[i][tr.indexOf(names.get(j))] - plateau.state()[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
