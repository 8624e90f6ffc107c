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
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.forwardonly.plots.style.Palette.*;

/**
 * The symmetric plateau of the soft committee machine and its escape (docs/analysis.md): ε_g(t) of the ODE and of
 * SGD from the same random starts, with the plateau height analyse predicts; and how far the student units are from
 * alike (the symmetric subspace the plateau lies in), whose growth on the plateau is the predicted e^{λt}, λ the
 * plateau's leading unstable eigenvalue (its unstable direction breaks the symmetry between the units).
 */
public final class PlateauEscape implements FigureDefinition {
    /** Student units (K = M): the committee whose plateau the analysis tests check (PlateauLengthTest). */
    static final int K = 3;
    /** The guide e^{λt} stops where it passes this fraction of the ODE's largest asymmetry (the end of linear growth). */
    static final double GUIDE_TOP = 0.5;
    /**
     * The size of the starts of the large-N ODE curves: the asymmetry of a start is ~1/√N, so only at large N is the
     * plateau reached with an asymmetry small enough for its growth to be linear (e^{λt}) over a decade.
     */
    static final int LARGE_N = 100_000;
    /** Draws (seeds 1…) of the large-N ODE curves. */
    static final int LARGE_N_DRAWS = 4;

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
                + "integrated from each seed's start (black line) and of SGD (markers: mean ± standard error over seeds), and of the "
                + "ODE from starts drawn at N = 10⁵ (blue), with the "
                + "height of the symmetric plateau that pepita analyse finds (dashed) (a); how far the student units are from alike "
                + "(the distance of (Q, R) from its symmetrised copy), which on the plateau grows as e^{λt} with λ the plateau's "
                + "leading unstable eigenvalue (dashed guide, slope from analyse, through the ODE at the plateau's centre) (b).";
    }

    @Override
    public Map<String, ExperimentConfig> configs(FigureSize size) {
        boolean quick = size == FigureSize.QUICK;
        ExperimentConfig c = quick ? CommitteeMachine.config(K, 1, 300, 2, 200, 41)
                : CommitteeMachine.config(K, 1, 1000, 8, 250, 126);
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
        tables.put("asymmetry", asymmetries(c, plateau, curves, engines.odeFromEachSeed(configs.get("committee_ode"), sim), sim));
        tables.put("ode_large_n", largeN(c, plateau, sim.times()));
        String lam = String.format(Locale.ROOT, "%.4f", lambda), eps = String.format(Locale.ROOT, "%.4f", plateau.epsG());
        PlotFigure plot = new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) generalisation error", "t", "ε_g", false, true, List.of(
                        Series.line("committee_theory_vs_sim", "t", "eps_g_ode", "ODE (mean over seeds)", BLACK, false),
                        Series.markers("committee_theory_vs_sim", "t", "eps_g_sim", "eps_g_sim_se", "SGD (mean ± s.e.)", BLACK),
                        Series.line("ode_large_n", "t", "eps_g", "ODE from N = 10⁵ starts", BLUE, false),
                        Series.line("plateau", "t", "eps_g", "plateau ε_g = " + eps + " (analyse)", ORANGE, true))),
                new PlotPanel("(b) asymmetry of the student units", "t", "|(Q, R) − symmetrised (Q, R)|", false, true, List.of(
                        Series.line("asymmetry", "t", "asym_ode", "ODE (mean over seeds)", BLACK, false),
                        Series.markers("asymmetry", "t", "asym_sim", "asym_sim_se", "SGD (mean ± s.e.)", BLACK),
                        Series.line("ode_large_n", "t", "asym", "ODE from N = 10⁵ starts", BLUE, false),
                        Series.line("asymmetry", "t", "guide", "∝ exp(λt), λ = " + lam + " (analyse)", ORANGE, true),
                        Series.line("ode_large_n", "t", "guide", "∝ exp(λt), λ = " + lam + " (analyse)", ORANGE, true)))));
        List<String> params = List.of(
                "soft committee machine: bp, erf, K = M = " + c.K() + ", η = " + c.eta() + ", η_v = 0 (v = v* = 1), σ = 0, T = I",
                "simulations: N = " + c.N() + ", " + c.seeds() + " seeds from seed " + c.seed() + "; each seed's draw (NetworkDraw) "
                        + "changed before training: v = v* = 1, teacher vectors orthogonalised to |w*|² = N",
                "ODE from each seed's measured initial order parameters, averaged over seeds (as compare does); and the ODE "
                        + "from " + LARGE_N_DRAWS + " draws at N = " + LARGE_N + " (seeds 1…), averaged: the plateau as N grows",
                "plateau: the symmetric stationary point pepita analyse finds for this config with T = I, v = v* = 1: ε_g = "
                        + eps + ", leading eigenvalue λ = " + lam + " (" + plateau.nUnstable() + " unstable directions)",
                "asymmetry: the Euclidean distance of (Q, R) from its symmetrised copy (each of Q_kk, Q_kl (k < l), R_km "
                        + "replaced by its mean), per seed, then averaged; the guide has slope λ and passes through the ODE curve "
                        + "at the plateau's centre (where ε_g of the ODE moves slowest), up to " + GUIDE_TOP + " of its largest value");
        return new FigureData(tables, plot, params);
    }

    /**
     * The plateau's centre: the sample where the ODE's ε_g (seed mean) moves slowest in relative terms,
     * |d ln ε_g/dt| least (central differences), among the samples with ε_g above half the plateau height (so not the
     * tail, where ln ε_g falls at a constant rate).
     */
    static int plateauCentre(double[] t, double[] epsOde, double height) {
        int best = -1;
        double slowest = Double.POSITIVE_INFINITY;
        for (int i = 1; i + 1 < t.length; i++) {
            if (!(epsOde[i] > height / 2)) continue;
            double rate = Math.abs(Math.log(epsOde[i + 1] / epsOde[i - 1])) / (t[i + 1] - t[i - 1]);
            if (rate < slowest) {
                slowest = rate;
                best = i;
            }
        }
        return best;
    }

    /**
     * t, asym_ode (seed mean), asym_sim, asym_sim_se (seed mean and standard error), and guide: the ODE's asymmetry
     * at the plateau's centre ({@link #plateauCentre}) times e^{λ(t − t_centre)}, from there until it passes
     * {@value #GUIDE_TOP} of the largest asymmetry (where growth is no longer linear), NaN elsewhere.
     */
    static DataTable asymmetries(ExperimentConfig c, FixedPoint plateau, DataTable curves, List<Trajectory> odePerSeed,
                                 Simulation.Result sim) {
        double[] t = sim.times();
        int n = t.length;
        double[] ode = mean(odePerSeed, c, n);
        List<Trajectory> sims = new ArrayList<>();
        for (SeedRun.Result s : sim.seeds()) sims.add(s.trajectory());
        double[] simMean = mean(sims, c, n);
        double[] se = new double[n];
        for (int i = 0; i < n; i++) {
            double s2 = 0;
            int k = 0;
            for (Trajectory tr : sims) {
                if (i >= tr.size()) continue;
                double d = asymmetry(tr, i, c) - simMean[i];
                s2 += d * d;
                k++;
            }
            se[i] = k > 1 ? Math.sqrt(s2 / (k - 1) / k) : Double.NaN;
        }
        double[] guide = guide(t, ode, plateauCentre(t, curves.column("eps_g_ode"), plateau.epsG()), plateau.lambdaMax());
        return new DataTable(AfaAccuracy.orderedMap("t", t.clone(), "asym_ode", ode, "asym_sim", simMean, "asym_sim_se", se, "guide", guide));
    }

    /**
     * t, eps_g, asym and guide of the ODE from {@value #LARGE_N_DRAWS} committee machines drawn at N = {@value #LARGE_N}
     * (seed means); the guide as in {@link #asymmetries}, through this curve at its own plateau centre.
     */
    static DataTable largeN(ExperimentConfig c, FixedPoint plateau, double[] times) {
        List<Trajectory> odes = new ArrayList<>();
        for (long seed = 1; seed <= LARGE_N_DRAWS; seed++) odes.add(CommitteeMachine.odeFromDraw(c, LARGE_N, seed, times));
        int n = times.length;
        double[] eps = new double[n];
        for (Trajectory tr : odes) for (int i = 0; i < n; i++) eps[i] += tr.rows()[i][tr.indexOf("eps_g")] / odes.size();
        double[] asym = mean(odes, c, n);
        return new DataTable(AfaAccuracy.orderedMap("t", times.clone(), "eps_g", eps, "asym", asym,
                "guide", guide(times, asym, plateauCentre(times, eps, plateau.epsG()), plateau.lambdaMax())));
    }

    /** anchor's value times e^{λ(t − t_anchor)} from the anchor until it passes {@value #GUIDE_TOP} of the largest value; NaN elsewhere. */
    static double[] guide(double[] t, double[] curve, int anchor, double lambda) {
        double[] guide = new double[t.length];
        java.util.Arrays.fill(guide, Double.NaN);
        double max = 0;
        for (double d : curve) if (Double.isFinite(d)) max = Math.max(max, d);
        if (anchor < 0) return guide;
        for (int i = anchor; i < t.length; i++) {
            double g = curve[anchor] * Math.exp(lambda * (t[i] - t[anchor]));
            if (g > GUIDE_TOP * max) break;
            guide[i] = g;
        }
        return guide;
    }

    private static double[] mean(List<Trajectory> perSeed, ExperimentConfig c, int n) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int k = 0;
            for (Trajectory tr : perSeed) {
                if (i >= tr.size()) continue;
                s += asymmetry(tr, i, c);
                k++;
            }
            m[i] = k > 0 ? s / k : Double.NaN;
        }
        return m;
    }

    /**
     * The asymmetry of the student units at row i: the distance of (Q, R) from its symmetrised copy (every Q_kk, every
     * Q_kl with k &lt; l and every R_km replaced by their means; the symmetric plateau lies in that subspace), over
     * the Q and R columns (docs/columns.md).
     */
    static double asymmetry(Trajectory tr, int i, ExperimentConfig c) {
        int K = c.K(), M = c.M();
        double[] row = tr.rows()[i];
        double qd = 0, qo = 0, r = 0;
        for (int k = 0; k < K; k++) {
            qd += row[tr.indexOf("Q_" + (k + 1) + "_" + (k + 1))] / K;
            for (int l = k + 1; l < K; l++) qo += row[tr.indexOf("Q_" + (k + 1) + "_" + (l + 1))] / (K * (K - 1) / 2.0);
            for (int m = 0; m < M; m++) r += row[tr.indexOf("R_" + (k + 1) + "_" + (m + 1))] / (K * M);
        }
        double s = 0;
        for (int k = 0; k < K; k++) {
            s += sq(row[tr.indexOf("Q_" + (k + 1) + "_" + (k + 1))] - qd);
            for (int l = k + 1; l < K; l++) s += sq(row[tr.indexOf("Q_" + (k + 1) + "_" + (l + 1))] - qo);
            for (int m = 0; m < M; m++) s += sq(row[tr.indexOf("R_" + (k + 1) + "_" + (m + 1))] - r);
        }
        return Math.sqrt(s);
    }

    private static double sq(double x) {
        return x * x;
    }
}
