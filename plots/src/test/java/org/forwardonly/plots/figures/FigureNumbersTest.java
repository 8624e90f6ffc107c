package org.forwardonly.plots.figures;

import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureRunner;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.catalogue.WorkMeter;
import org.forwardonly.plots.chart.FigureCanvas;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.LabelMarkup;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.trajectory.Trajectory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The numbers drawn by the figures of {@code pepita reproduce} beyond Fig. 2 (PaperFig2Test has those), at the quick
 * size: every point of every curve is the number in the CSV the figure directory holds, and the CSVs hold what the
 * engines give when run directly on the figure's configs ({@link DirectRuns}), not only well-formed tables.
 */
class FigureNumbersTest {
    /**
     * ODE columns: each figure integrates from the order parameters its simulation measured at t = 0, the direct runs
     * from each seed's draw; the same network, integrated to the same sample times, so the same numbers up to the
     * rounding of the order parameters (measured ≤ 6e-14 on ε_g and on cos∠(v, b); the sample times once differed by
     * up to 1/(2N) and gave 1e-3 in an early cosine, which this tolerance catches).
     */
    private static final double ODE_TOL = 1e-12;

    @TempDir
    static Path dir;
    private static final Map<String, Map<String, ExperimentConfig>> configs = new LinkedHashMap<>();
    private static final Map<String, FigureData> data = new LinkedHashMap<>();
    private static final Map<String, Map<String, DataTable>> csv = new LinkedHashMap<>();

    @BeforeAll
    static void compute() throws IOException {
        FigureEngines engines = new FigureEngines(2, new WorkMeter(d -> { }));
        for (FigureDefinition f : FigureCatalogue.all()) {
            if (f.name().startsWith("fig2")) continue;
            Map<String, ExperimentConfig> c = f.configs(FigureSize.QUICK);
            FigureData d = f.compute(c, engines);
            configs.put(f.name(), c);
            data.put(f.name(), d);
            // the figure directory as reproduce writes it, and its CSVs read back
            Path out = dir.resolve(f.name());
            FigureRunner.write(f.name(), f.caption(c), d, c, "test", "test", out);
            Map<String, DataTable> read = new LinkedHashMap<>();
            for (String table : d.tables().keySet()) read.put(table, DataTable.read(out.resolve(FigureData.csv(table))));
            csv.put(f.name(), read);
        }
    }

    @Test
    void everyPointDrawnIsTheNumberInItsCsv() {
        // the charts are built from the tables in memory (as FigureRunner draws them); each series' points must be the
        // rows of the CSV written next to the figure that the series names, exactly (the CSV writes Double.toString,
        // which reads back to the same double): the rows whose x and y can be drawn (finite; positive on a log axis),
        // in order, and for markers the upper end of the error bar y + |se|
        assertEquals(9, data.size(), "the figures beyond Fig. 2: " + data.keySet());
        for (var e : data.entrySet()) {
            FigureData d = e.getValue();
            FigureCanvas canvas = new FigureCanvas(d.plot(), name -> table(d.tables(), name));
            List<JFreeChart> charts = canvas.charts();
            List<PlotPanel> panels = d.plot().panels();
            assertEquals(panels.size(), charts.size());
            int points = 0;
            for (int p = 0; p < panels.size(); p++) {
                PlotPanel panel = panels.get(p);
                XYSeriesCollection lines = (XYSeriesCollection) charts.get(p).getXYPlot().getDataset(0);
                YIntervalSeriesCollection markers = (YIntervalSeriesCollection) charts.get(p).getXYPlot().getDataset(1);
                // the chart holds solid lines, then dashed ones (drawn on top), and the markers in the panel's order
                List<PlotSeries> lineOrder = new ArrayList<>(), markerOrder = new ArrayList<>();
                for (PlotSeries s : panel.series()) if (s.style() == PlotSeries.Style.LINE && !s.dashed()) lineOrder.add(s);
                for (PlotSeries s : panel.series()) if (s.style() == PlotSeries.Style.LINE && s.dashed()) lineOrder.add(s);
                for (PlotSeries s : panel.series()) if (s.style() != PlotSeries.Style.LINE) markerOrder.add(s);
                assertEquals(lineOrder.size(), lines.getSeriesCount());
                assertEquals(markerOrder.size(), markers.getSeriesCount());
                for (int k = 0; k < lineOrder.size(); k++) {
                    PlotSeries s = lineOrder.get(k);
                    String where = e.getKey() + " panel " + panel.title() + ", " + s.label();
                    assertEquals(LabelMarkup.plain(s.label()), lines.getSeriesKey(k).toString(), where);
                    List<double[]> expected = drawable(csv.get(e.getKey()), s, panel);
                    assertEquals(expected.size(), lines.getItemCount(k), where + ": points drawn");
                    for (int i = 0; i < expected.size(); i++) {
                        assertEquals(expected.get(i)[0], lines.getXValue(k, i), 0.0, where);
                        assertEquals(expected.get(i)[1], lines.getYValue(k, i), 0.0, where);
                    }
                    points += expected.size();
                }
                for (int k = 0; k < markerOrder.size(); k++) {
                    PlotSeries s = markerOrder.get(k);
                    String where = e.getKey() + " panel " + panel.title() + ", " + s.label();
                    assertEquals(LabelMarkup.plain(s.label()), markers.getSeriesKey(k).toString(), where);
                    List<double[]> expected = drawable(csv.get(e.getKey()), s, panel);
                    assertEquals(expected.size(), markers.getItemCount(k), where + ": points drawn");
                    for (int i = 0; i < expected.size(); i++) {
                        assertEquals(expected.get(i)[0], markers.getXValue(k, i), 0.0, where);
                        assertEquals(expected.get(i)[1], markers.getYValue(k, i), 0.0, where);
                        double se = expected.get(i)[2];
                        if (Double.isFinite(se) && s.style() != PlotSeries.Style.CROSSES) {
                            assertEquals(expected.get(i)[1] + Math.abs(se), markers.getEndYValue(k, i), 1e-15, where + ": error bar");
                        }
                    }
                    points += expected.size();
                }
            }
            assertTrue(points > 0, e.getKey() + " draws nothing");
        }
    }

    /** The rows of the series' CSV that can be drawn: {x, y, se or NaN}. */
    private static List<double[]> drawable(Map<String, DataTable> tables, PlotSeries s, PlotPanel panel) {
        DataTable t = table(tables, s.csv());
        double[] x = t.column(s.x()), y = t.column(s.y()), se = s.err() == null ? null : t.column(s.err());
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean ok = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!panel.xLog() || x[i] > 0) && (!panel.yLog() || y[i] > 0);
            if (ok) out.add(new double[] {x[i], y[i], se == null ? Double.NaN : se[i]});
        }
        return out;
    }

    private static DataTable table(Map<String, DataTable> tables, String csvPath) {
        for (var e : tables.entrySet()) if (FigureData.csv(e.getKey()).equals(csvPath)) return e.getValue();
        throw new AssertionError("no table for " + csvPath);
    }

    private static DataTable csv(String figure, String table) {
        return csv.get(figure).get(table);
    }

    /** cos∠(v, b) with b = −s c, from a trajectory row (K = 2), as docs/figures.md defines cos_v_feedback_ode. */
    private static double cosVFeedback(Trajectory tr, double[] row, int s) {
        double v1 = row[tr.indexOf("v_1")], v2 = row[tr.indexOf("v_2")];
        double b1 = -s * row[tr.indexOf("c_1")], b2 = -s * row[tr.indexOf("c_2")];
        return (v1 * b1 + v2 * b2) / (Math.hypot(v1, v2) * Math.hypot(b1, b2));
    }

    private static double[] cosMean(List<Trajectory> perSeed, int s) {
        Trajectory first = perSeed.get(0);
        return DirectRuns.mean(perSeed, row -> cosVFeedback(first, row, s));
    }

    @Test
    void learningCurvesAndAlignmentAreTheEnginesNumbers() {
        Map<String, ExperimentConfig> c = configs.get("learning-curves");
        assertEquals(c, configs.get("alignment"), "the two figures draw the same runs");
        Simulation.Result pepita = DirectRuns.simulate(c.get("pepita_sim")), afa = DirectRuns.simulate(c.get("afa_sim"));
        // simulations: same config and seeds give the same bits on any thread count; equal up to the summation order
        assertArrayEquals(DirectRuns.seedMean(pepita, "eps_g"), csv("learning-curves", "pepita_sim").column("eps_g"), 1e-15);
        assertArrayEquals(DirectRuns.seedMean(afa, "eps_g"), csv("learning-curves", "afa_sim").column("eps_g"), 1e-15);
        assertArrayEquals(DirectRuns.seedMean(pepita, "cos_v_feedback"), csv("alignment", "pepita_sim").column("cos_v_feedback"), 1e-15);
        double[] times = afa.times();
        // the dashed references: BP and FA ODEs from each AFA seed's draw
        for (String rule : new String[] {"bp", "fa"}) {
            assertArrayEquals(DirectRuns.mean(DirectRuns.odeFromEachSeedsDraw(c.get(rule + "_ode"), times), "eps_g"),
                    csv("learning-curves", rule + "_ode").column("eps_g"), ODE_TOL, rule);
        }
        List<Trajectory> afaOde = DirectRuns.odeFromEachSeedsDraw(c.get("afa_ode"), times);
        List<Trajectory> exactOde = DirectRuns.odeFromEachSeedsDraw(c.get("pepita_ode"), pepita.times());
        assertArrayEquals(DirectRuns.mean(afaOde, "eps_g"), csv("learning-curves", "afa_theory_vs_afa_sim").column("eps_g_ode"), ODE_TOL);
        assertArrayEquals(DirectRuns.mean(exactOde, "eps_g"),
                csv("learning-curves", "pepita_theory_vs_pepita_sim").column("eps_g_ode"), ODE_TOL);
        // alignment: the per-seed cosine averaged
        int s = c.get("pepita_ode").modulationSign();
        assertArrayEquals(cosMean(exactOde, s), csv("alignment", "pepita_theory_vs_pepita_sim").column("cos_v_feedback_ode"), ODE_TOL);
        assertArrayEquals(cosMean(afaOde, s), csv("alignment", "afa_theory_vs_afa_sim").column("cos_v_feedback_ode"), ODE_TOL);
    }

    @Test
    void afaAccuracyGapsAreTheEnginesGaps() {
        Map<String, ExperimentConfig> c = configs.get("afa-accuracy");
        DataTable gaps = csv("afa-accuracy", "gap_vs_sigmaF");
        double[] sigmas = gaps.column("sigmaF");
        assertEquals(2, sigmas.length);
        for (int i = 0; i < sigmas.length; i++) {
            String tag = AfaAccuracy.tag(sigmas[i]);
            Simulation.Result sim = DirectRuns.simulate(c.get("pepita_sim_" + tag));
            double[] simEps = DirectRuns.seedMean(sim, "eps_g");
            double[] exact = DirectRuns.mean(DirectRuns.odeFromEachSeedsDraw(c.get("pepita_ode_" + tag), sim.times()), "eps_g");
            double[] afa = DirectRuns.mean(DirectRuns.odeFromEachSeedsDraw(c.get("afa_ode_" + tag), sim.times()), "eps_g");
            DataTable t = csv("afa-accuracy", "pepita_theory_vs_sim_" + tag);
            assertArrayEquals(simEps, t.column("eps_g_sim"), 1e-15);
            assertArrayEquals(exact, t.column("eps_g_ode"), ODE_TOL);
            assertArrayEquals(afa, csv("afa-accuracy", "afa_theory_vs_pepita_sim_" + tag).column("eps_g_ode"), ODE_TOL);
            // the last panel: largest gaps over time
            assertEquals(DirectRuns.maxGap(exact, afa), gaps.column("max_gap_exact_afa")[i], 2 * ODE_TOL, "sigmaF " + sigmas[i]);
            assertEquals(DirectRuns.maxGap(simEps, afa), gaps.column("max_gap_sim_afa")[i], ODE_TOL, "sigmaF " + sigmas[i]);
            assertEquals(DirectRuns.maxGap(simEps, exact), gaps.column("max_gap_sim_exact")[i], ODE_TOL, "sigmaF " + sigmas[i]);
        }
    }

    /** First time a curve reaches {@code target}, linear in (t, ln ε) between the samples around the crossing. */
    private static double firstCrossing(double[] t, double[] eps, double target) {
        if (eps[0] <= target) return t[0];
        for (int i = 1; i < t.length; i++) {
            if (eps[i] <= target) {
                double f = Math.log(eps[i - 1] / target) / Math.log(eps[i - 1] / eps[i]);
                return t[i - 1] + f * (t[i] - t[i - 1]);
            }
        }
        return Double.NaN;
    }

    @Test
    void weightMirroringCurvesAndTimesAreTheEnginesNumbers() {
        Map<String, ExperimentConfig> c = configs.get("weight-mirroring");
        DataTable times = csv("weight-mirroring", "time_to_target");
        for (String run : new String[] {"pepita", "pepita_wm"}) {
            Simulation.Result sim = DirectRuns.simulate(c.get(run + "_sim"));
            DataTable t = csv("weight-mirroring", run + "_theory_vs_sim");
            assertArrayEquals(DirectRuns.seedMean(sim, "eps_g"), t.column("eps_g_sim"), 1e-15, run);
            double[] ode = DirectRuns.mean(DirectRuns.odeFromEachSeedsDraw(c.get(run + "_ode"), sim.times()), "eps_g");
            assertArrayEquals(ode, t.column("eps_g_ode"), ODE_TOL, run);
            // time to each target on the ODE curve of the CSV, interpolated here independently
            String col = run.equals("pepita") ? "t_ode" : "t_wm_ode";
            int reached = 0;
            for (int i = 0; i < times.rows(); i++) {
                double expected = firstCrossing(t.column("t"), t.column("eps_g_ode"), times.column("target")[i]);
                if (Double.isNaN(expected)) {
                    assertTrue(Double.isNaN(times.column(col)[i]), run + " target " + i + " is never reached");
                    continue;
                }
                assertEquals(expected, times.column(col)[i], 1e-9 * Math.max(1, Math.abs(expected)), run + " target " + i);
                reached++;
            }
            assertTrue(reached > 0, run + ": no target reached, the panel checks nothing");
        }
    }

    @Test
    void ffFormIsTheEnginesNumbers() {
        Map<String, ExperimentConfig> c = configs.get("ff-form");
        for (String rule : new String[] {"pepita", "ff"}) {
            Simulation.Result sim = DirectRuns.simulate(c.get(rule + "_sim"));
            assertArrayEquals(DirectRuns.seedMean(sim, "eps_g"), csv("ff-form", rule + "_theory_vs_sim").column("eps_g_sim"), 1e-15, rule);
            assertArrayEquals(DirectRuns.seedMean(sim, "cos_v_feedback"), csv("ff-form", rule + "_sim").column("cos_v_feedback"), 1e-15,
                    rule);
            List<Trajectory> ode = DirectRuns.odeFromEachSeedsDraw(c.get(rule + "_ode"), sim.times());
            assertArrayEquals(DirectRuns.mean(ode, "eps_g"), csv("ff-form", rule + "_theory_vs_sim").column("eps_g_ode"), ODE_TOL, rule);
            assertArrayEquals(cosMean(ode, c.get(rule + "_ode").modulationSign()),
                    csv("ff-form", rule + "_theory_vs_sim").column("cos_v_feedback_ode"), ODE_TOL, rule);
        }
    }

    /**
     * plateau-length: the seed means in the CSV are {@link org.forwardonly.simulation.compare.PlateauLength#run}'s on the
     * figure's configs, run here on one thread (the figure ran on two: the numbers must not depend on it).
     */
    @Test
    void plateauLengthsAreTheEnginesNumbers() {
        Map<String, ExperimentConfig> c = configs.get("plateau-length");
        DataTable t = csv("plateau-length", "plateau_length");
        var p = org.forwardonly.simulation.compare.PlateauLength.predict(c.values().iterator().next());
        int i = 0;
        for (ExperimentConfig config : c.values()) {
            var r = org.forwardonly.simulation.compare.PlateauLength.run(config, p, 1, n -> { });
            assertEquals(config.N(), t.column("N")[i], 0.0);
            assertEquals(r.simMean(), t.column("sim_mean")[i], 0.0, "N = " + config.N());
            assertEquals(r.odeMean(), t.column("ode_mean")[i], 0.0, "N = " + config.N());
            i++;
        }
        assertEquals(c.size(), i);
    }
}
