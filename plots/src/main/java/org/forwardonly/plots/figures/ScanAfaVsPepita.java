package org.forwardonly.plots.figures;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.scan.ScanFigure;
import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.metrics.SummaryMetrics;
import org.forwardonly.scan.run.OdeRunner;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.run.SimRunner;
import org.forwardonly.scan.spec.RunKind;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.simulation.training.DivergedException;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundled scan {@code examples/scan-afa-vs-pepita.json} as a figure: final ε_g of PEPITA and
 * AFA against σ_F, one panel per η, so that one sees where AFA is a good approximation of PEPITA.
 * {@link FigureSize#QUICK} keeps the grid and shrinks N, tMax and the seeds.
 */
public final class ScanAfaVsPepita implements FigureDefinition {

    /** The spec's classpath resource (copied from examples/ at build time). */
    static final String SPEC = "/examples/scan-afa-vs-pepita.json";

    @Override
    public String name() {
        return "scan-afa-vs-pepita";
    }

    @Override
    public String title() {
        return "Where AFA approximates PEPITA";
    }

    @Override
    public String description() {
        return "Final generalisation error of PEPITA and of its linearisation AFA against the feedback norm σ_F, one panel "
                + "per learning rate η (parameter scan examples/scan-afa-vs-pepita.json; simulations: mean ± standard error over "
                + "seeds, a cross at the top of a panel marks a run that diverged). "
                + "The two agree for small σ_F; for larger σ_F PEPITA escapes the random start and AFA does not.";
    }

    /** The bundled spec, at {@code size}. */
    static ScanSpec spec(FigureSize size) {
        try (InputStream in = ScanAfaVsPepita.class.getResourceAsStream(SPEC)) {
            if (in == null) throw new IllegalStateException("missing resource " + SPEC);
            ObjectNode root = (ObjectNode) ConfigParser.mapper().readTree(in);
            if (size == FigureSize.QUICK) {
                ObjectNode base = (ObjectNode) root.get("base");
                base.put("N", 200);
                base.put("tMax", 20);
                base.put("seeds", 1);
                base.put("nTimes", 30);
            }
            return ScanSpecParser.parse(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, ExperimentConfig> configs(FigureSize size) {
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        for (ScanPoint p : spec(size).points()) m.put(runId(p), ConfigParser.parse(p.config()));
        return m;
    }

    private static String runId(ScanPoint p) {
        return String.format("point%03d", p.index());
    }

    /** The standard error over seeds of ε_g at the last sample (NaN with one seed). */
    static double finalEpsGStandardError(Simulation.Result sim) {
        List<SeedRun.Result> seeds = sim.seeds();
        int n = seeds.size();
        if (n < 2) return Double.NaN;
        double sum = 0, sum2 = 0;
        for (SeedRun.Result s : seeds) {
            Trajectory tr = s.trajectory();
            double e = tr.rows()[tr.size() - 1][tr.indexOf("eps_g")];
            sum += e;
            sum2 += e * e;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, (sum2 - n * mean * mean) / (n - 1)) / n);
    }

    /** The ODE row as the mean of the ODEs from each simulated seed's start (a diverged one shorter), as scans do. */
    private static PointSummary odeOfEachSeed(ExperimentConfig c, Simulation.Result sim, FigureEngines engines,
                                              SummaryMetrics metrics) {
        List<Trajectory> runs = engines.odeFromEachSeed(c, sim);
        List<Boolean> diverged = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            diverged.add(runs.get(i).size() < sim.times().length);
            b.add(sim.seeds().get(i).initial().b());
        }
        return new OdeRunner(metrics).summarizeSeeds(c, runs, diverged, b);
    }

    @Override
    public FigureData compute(Map<String, ExperimentConfig> configs, FigureEngines engines) {
        ScanSpec spec = spec(FigureSize.DEFAULT);   // swept keys and values: the same at every size
        SummaryMetrics metrics = SummaryMetrics.of(spec);
        List<PointResult> results = new ArrayList<>();
        Map<Integer, Double> simSe = new LinkedHashMap<>();
        for (ScanPoint p : spec.points()) {
            ExperimentConfig c = configs.get(runId(p));
            List<PointSummary> rows = new ArrayList<>();
            Simulation.Result sim = null;
            PointSummary simRow = null;
            if (spec.run() != RunKind.ODE) {
                try {
                    sim = engines.simulate(c);
                    simRow = new SimRunner(metrics).summarize(c, sim);
                    simSe.put(p.index(), finalEpsGStandardError(sim));
                } catch (DivergedException e) {
                    simRow = SimRunner.diverged();
                }
            }
            if (spec.run() != RunKind.SIM) {
                rows.add(sim == null ? new OdeRunner(metrics).summarize(c, engines.ode(c), Experiments.initialConditions(c, c.seed()).b())
                        : odeOfEachSeed(c, sim, engines, metrics)); // like for like: the mean of each seed's ODE
            }
            if (simRow != null) rows.add(simRow);
            results.add(new PointResult(p.index(), p.values(), rows));
        }
        StringBuilder why = new StringBuilder();
        return ScanFigure.build(spec, results, simSe, why).orElseThrow(() -> new IllegalStateException(why.toString()));
    }
}
