package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.Palette;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.analysis.FixedPoint;
import org.forwardonly.theory.analysis.ParameterContinuation;
import org.forwardonly.theory.analysis.StationaryPoints;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.forwardonly.plots.style.Palette.*;

/**
 * The largest stable learning rate of the soft committee machine (docs/analysis.md): λ_max of the learning solution
 * against η from {@code pepita analyse --continue eta}, with η_max (where it crosses 0) and η_fastest marked; and
 * ε_g(t) of SGD and of the ODE started next to the learning solution at learning rates below and above η_max.
 */
public final class EtaMaxFigure implements FigureDefinition {
    /** Student units (K = M). */
    static final int K = 2;
    /** The continuation grid in η (FROM, TO, STEP). */
    static final double FROM = 0.1, TO = 2.8, STEP = 0.05;
    /**
     * η_max of K = M = 2 as docs/analysis.md gives it: the simulated learning rates are fixed multiples of it (so that
     * the runs are known before the continuation); the figure marks the η_max it computes, and EtaMaxFigureTest checks
     * that the two agree.
     */
    static final double ETA_MAX_DOCUMENTED = 2.3068;
    /** The simulated learning rates, as multiples of η_max. */
    static final double[] FACTORS = {0.5, 0.9, 1.1, 1.2};
    /** The start: w_k = w*_k + a·(drawn w_k), next to the learning solution (Q_kk ≈ 1 + a², R ≈ T). */
    static final double NEAR_TEACHER = 0.1;
    private static final Palette[] COLORS = {BLUE, SKY_BLUE, ORANGE, VERMILLION};

    @Override
    public String name() {
        return "eta-max";
    }

    @Override
    public String title() {
        return "The largest stable learning rate η_{max}";
    }

    @Override
    public String description() {
        return "The soft committee machine (bp, erf, K = M = 2, v = v* = 1 fixed, T = I): the largest real part λ_max of the "
                + "spectrum at the learning solution against η (pepita analyse --continue eta), zero at η_max and least at "
                + "η_fastest (a); ε_g(t) from a start next to the learning solution at learning rates below and above η_max, "
                + "ODE from each seed's start (lines) against SGD (markers: mean ± standard error over seeds): it converges "
                + "below η_max; above it the learning solution is unstable and ε_g rises to a finite value (b).";
    }

    static String runId(double factor) {
        return String.format(Locale.ROOT, "eta_%.2f_etamax", factor);
    }

    @Override
    public Map<String, ExperimentConfig> configs(FigureSize size) {
        boolean quick = size == FigureSize.QUICK;
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        for (double f : FACTORS) {
            double eta = f * ETA_MAX_DOCUMENTED;
            m.put(runId(f), quick ? CommitteeMachine.config(K, eta, 300, 2, 40, 41) : CommitteeMachine.config(K, eta, 2000, 4, 100, 51));
        }
        return m;
    }

    @Override
    public String caption(Map<String, ExperimentConfig> configs) {
        ExperimentConfig c = configs.values().iterator().next();
        return description() + String.format(Locale.ROOT, " Setting: bp, erf, K = M = %d, η_v = 0, σ = 0; simulations at N = %d, "
                + "%d seeds from seed %d, each seed's drawn network changed to v = v* = 1, T = I and w_k = w*_k + %s·w_k; t ≤ %s.",
                c.K(), c.N(), c.seeds(), c.seed(), NEAR_TEACHER, c.tMax());
    }

    /** The config at another learning rate. */
    static ExperimentConfig atEta(ExperimentConfig c, double eta) {
        return ConfigParser.edit(ConfigParser.mapper().createObjectNode().put("eta", eta), c);
    }

    /** analyse's continuation in η of the committee machine (T = I, v = v* = 1) from the learning solution. */
    static ParameterContinuation.Result continuation() {
        ExperimentConfig c = CommitteeMachine.withInit(CommitteeMachine.config(K, FROM, 1000, 1, 100, 2));
        OrderParameters constants = OrderParameters.fromInit(c.init());
        List<FixedPoint> first;
        try (StationaryPoints sp = new StationaryPoints(c, constants)) {
            first = sp.solveAll(List.of(sp.starts().get(0))); // the specialised start (analyse's learning solution)
        }
        return ParameterContinuation.run(ParameterContinuation.grid(FROM, TO, STEP), v -> atEta(c, v), constants, first);
    }

    /** λ_max of the learning branch (the lowest-ε_g point) at each grid value: columns eta, lambda_max. */
    static DataTable learningBranch(ParameterContinuation.Result r) {
        Map<Double, FixedPoint> best = new LinkedHashMap<>();
        for (ParameterContinuation.Row row : r.rows()) {
            FixedPoint b = best.get(row.value());
            if (b == null || row.point().epsG() < b.epsG()) best.put(row.value(), row.point());
        }
        double[] eta = new double[best.size()], lambda = new double[best.size()];
        int i = 0;
        for (var e : best.entrySet()) {
            eta[i] = e.getKey();
            lambda[i++] = e.getValue().lambdaMax();
        }
        return new DataTable(AfaAccuracy.orderedMap("eta", eta, "lambda_max", lambda));
    }

    @Override
    public FigureData compute(Map<String, ExperimentConfig> configs, FigureEngines engines) {
        ParameterContinuation.Result r = continuation();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        DataTable branch = learningBranch(r);
        tables.put("continuation", branch);
        double lo = Arrays.stream(branch.column("lambda_max")).min().orElse(-1), hi = Arrays.stream(branch.column("lambda_max")).max().orElse(1);
        tables.put("eta_max", new DataTable(AfaAccuracy.orderedMap("eta", new double[] {r.critical(), r.critical()},
                "lambda_max", new double[] {lo, hi})));
        tables.put("eta_fastest", new DataTable(AfaAccuracy.orderedMap("eta", new double[] {r.fastest(), r.fastest()},
                "lambda_max", new double[] {lo, hi})));
        List<PlotSeries> curves = new ArrayList<>();
        for (int i = 0; i < FACTORS.length; i++) {
            String id = runId(FACTORS[i]);
            ExperimentConfig c = configs.get(id);
            Simulation.Result sim = engines.other(c, "committee machine next to the learning solution",
                    () -> CommitteeMachine.simulate(c, NEAR_TEACHER));
            tables.put(id, table(sim, engines.odeFromEachSeed(c, sim)));
            String eta = String.format(Locale.ROOT, "η = %.3f (%s η_{max})", c.eta(), FACTORS[i]);
            curves.add(Series.line(id, "t", "eps_g_ode", eta + ", ODE", COLORS[i], false));
            curves.add(Series.markers(id, "t", "eps_g_sim", "eps_g_sim_se", eta + ", SGD", COLORS[i]));
        }
        String etaMax = String.format(Locale.ROOT, "%.4f", r.critical()), fastest = String.format(Locale.ROOT, "%.3f", r.fastest());
        PlotFigure plot = new PlotFigure(title(), 2, List.of(
                new PlotPanel("(a) stability of the learning solution", "η", "λ_{max}", false, false, List.of(
                        Series.line("continuation", "eta", "lambda_max", "λ_{max} (analyse --continue eta)", BLACK, false),
                        Series.line("eta_max", "eta", "lambda_max", "η_{max} = " + etaMax, VERMILLION, true),
                        Series.line("eta_fastest", "eta", "lambda_max", "η_{fastest} = " + fastest, BLUISH_GREEN, true))),
                new PlotPanel("(b) from next to the learning solution", "t", "ε_g", false, true, curves)));
        ExperimentConfig c = configs.values().iterator().next();
        List<String> params = List.of(
                "soft committee machine: bp, erf, K = M = " + K + ", η_v = 0 (v = v* = 1), σ = 0, T = I",
                "continuation: η from " + FROM + " to " + TO + " step " + STEP + " from the specialised (learning) solution; η_max = "
                        + etaMax + " (bisection to 1e-10), η_fastest = " + fastest + " (golden section), as pepita analyse --continue",
                "simulations: N = " + c.N() + ", " + c.seeds() + " seeds from seed " + c.seed() + " at η = " + Arrays.toString(FACTORS)
                        + " × " + ETA_MAX_DOCUMENTED + "; each seed's draw changed to v = v* = 1, teacher orthogonalised (T = I) and "
                        + "w_k = w*_k + " + NEAR_TEACHER + "·w_k",
                "ODE from each seed's measured initial order parameters, averaged over seeds");
        return new FigureData(tables, plot, params);
    }

    /** t, eps_g_ode (mean of each seed's ODE), eps_g_sim and eps_g_sim_se (over the seeds that have the row). */
    static DataTable table(Simulation.Result sim, List<Trajectory> odes) {
        double[] t = sim.times();
        int n = t.length;
        double[] ode = new double[n], mean = new double[n], se = new double[n];
        for (int i = 0; i < n; i++) {
            ode[i] = meanAt(odes, i)[0];
            List<Trajectory> sims = new ArrayList<>();
            for (SeedRun.Result s : sim.seeds()) sims.add(s.trajectory());
            double[] m = meanAt(sims, i);
            mean[i] = m[0];
            se[i] = m[1];
        }
        return new DataTable(AfaAccuracy.orderedMap("t", t.clone(), "eps_g_ode", ode, "eps_g_sim", mean, "eps_g_sim_se", se));
    }

    /** {mean, standard error} of eps_g at row i over the trajectories that reach it (NaN when none, or one for the error). */
    private static double[] meanAt(List<Trajectory> trs, int i) {
        double s = 0, s2 = 0;
        int k = 0;
        for (Trajectory tr : trs) {
            if (i >= tr.size()) continue;
            double e = tr.rows()[i][tr.indexOf("eps_g")];
            s += e;
            s2 += e * e;
            k++;
        }
        double m = k > 0 ? s / k : Double.NaN;
        return new double[] {m, k > 1 ? Math.sqrt(Math.max(0, (s2 - k * m * m) / (k - 1)) / k) : Double.NaN};
    }
}
