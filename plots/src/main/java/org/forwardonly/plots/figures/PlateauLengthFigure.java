package org.forwardonly.plots.figures;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.simulation.compare.PlateauLength;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.rules.Rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.forwardonly.plots.style.Palette.*;

/**
 * The length of the symmetric plateau of the soft committee machine against ln N (docs/analysis.md, "Plateau length
 * and escape rate"): SGD simulations and the ODE from each simulated seed's start, against the slope 1/(2λ) predicted
 * from the plateau's escape rate λ ({@code pepita analyse}).
 */
public final class PlateauLengthFigure implements FigureDefinition {
    /** K = M of the committee machine. */
    static final int K = 2;
    /** The learning rate: below η_max (2.31 at K = 2), large enough that the plateau is short to simulate. */
    static final double ETA = 1.5;
    /** The input dimensions and seeds per N at each size. */
    static final int[] SIZES_DEFAULT = {1000, 2000, 4000}, SIZES_QUICK = {100, 300};
    static final int SEEDS_DEFAULT = 8, SEEDS_QUICK = 2;
    /** The longest run: every seed at the largest default N escapes well before it. */
    static final double T_MAX = 400;

    @Override
    public String name() {
        return "plateau-length";
    }

    @Override
    public String title() {
        return "Plateau length against ln N";
    }

    @Override
    public String description() {
        return "The time SGD spends on the symmetric plateau of the soft committee machine (bp, erf, v = v* = 1) against "
                + "ln N: simulations (markers: mean ± standard error over seeds) and the ODE from each seed's start "
                + "(diamonds), against the slope 1/(2λ) predicted from the plateau's escape rate λ (line; its intercept "
                + "fitted to the simulations).";
    }

    /** The committee machine's config at input dimension N. */
    static ExperimentConfig config(int N, int seeds) {
        ObjectNode o = ConfigParser.mapper().createObjectNode();
        o.put("rule", Rules.BP.name());
        o.put("activation", org.forwardonly.theory.activation.Activation.ERF.configName());
        o.put("K", K);
        o.put("M", K);
        o.put("eta", ETA);
        o.put("etaV", 0.0);
        o.put("sigma", 0.0);
        o.put("seed", 1);
        o.put("N", N);
        o.put("seeds", seeds);
        o.put("tMax", T_MAX);
        return FigureConfigs.parse(o);
    }

    @Override
    public Map<String, ExperimentConfig> configs(FigureSize size) {
        boolean quick = size == FigureSize.QUICK;
        Map<String, ExperimentConfig> m = new LinkedHashMap<>();
        for (int N : quick ? SIZES_QUICK : SIZES_DEFAULT) m.put("sim_N" + N, config(N, quick ? SEEDS_QUICK : SEEDS_DEFAULT));
        return m;
    }

    @Override
    public FigureData compute(Map<String, ExperimentConfig> c, FigureEngines engines) {
        ExperimentConfig first = c.values().iterator().next();
        PlateauLength.Prediction p = PlateauLength.predict(first);
        int n = c.size();
        int[] sizes = new int[n];
        double[] lnN = new double[n], simMean = new double[n], simSe = new double[n], odeMean = new double[n],
                odeSe = new double[n], seeds = new double[n], predicted = new double[n];
        List<double[]> perSeed = new ArrayList<>();
        int i = 0;
        for (ExperimentConfig config : c.values()) {
            PlateauLength.SizeResult r = engines.plateauLength(config, p);
            sizes[i] = config.N();
            lnN[i] = Math.log(config.N());
            simMean[i] = r.simMean();
            simSe[i] = r.simSe();
            odeMean[i] = r.odeMean();
            odeSe[i] = r.odeSe();
            seeds[i] = config.seeds();
            for (int s = 0; s < r.sim().length; s++) perSeed.add(new double[] {config.N(), config.seed() + s, r.sim()[s], r.ode()[s]});
            i++;
        }
        // the predicted line: slope 1/(2λ), intercept by least squares on the simulated means (only the slope is predicted)
        double intercept = 0;
        for (int j = 0; j < n; j++) intercept += (simMean[j] - p.slope() * lnN[j]) / n;
        for (int j = 0; j < n; j++) predicted[j] = intercept + p.slope() * lnN[j];
        double[] simSlope = PlateauLength.slope(sizes, simMean, simSe), odeSlope = PlateauLength.slope(sizes, odeMean, odeSe);
        Map<String, DataTable> tables = new LinkedHashMap<>();
        tables.put("plateau_length", new DataTable(AfaAccuracy.orderedMap(
                "N", java.util.Arrays.stream(sizes).asDoubleStream().toArray(), "ln_N", lnN, "seeds", seeds,
                "sim_mean", simMean, "sim_se", simSe, "ode_mean", odeMean, "ode_se", odeSe, "predicted", predicted)));
        tables.put("per_seed", DataTable.of(List.of("N", "seed", "sim", "ode"), perSeed.toArray(new double[0][])));
        PlotFigure plot = new PlotFigure(title(), 1, List.of(
                new PlotPanel("plateau length", "ln N", "time on the plateau", false, false, List.of(
                        Series.line("plateau_length", "ln_N", "predicted", "slope 1/(2λ) (analyse)", BLACK, false),
                        Series.markers("plateau_length", "ln_N", "sim_mean", "sim_se", "SGD simulations", VERMILLION),
                        Series.diamonds("plateau_length", "ln_N", "ode_mean", "ode_se", "ODE from each seed's start", BLUE)))));
        List<String> params = List.of(
                "bp, g = erf, K = M = " + first.K() + ", η = " + first.eta() + ", η_v = 0, v = v* = 1 (the seed's draw with v set to v*)",
                String.format(Locale.ROOT, "analyse: symmetric plateau ε_g = %.5f, escape rate λ = %.5f, predicted slope 1/(2λ) = %.3f",
                        p.height(), p.lambda(), p.slope()),
                String.format(Locale.ROOT, "measured slope against ln N: simulations %.3f ± %.3f, ODE from the seeds' starts %.3f ± %.3f",
                        simSlope[0], simSlope[1], odeSlope[0], odeSlope[1]),
                "plateau length: from ε_g first down to " + Math.round(PlateauLength.ENTRY * 100) + " % above the plateau height to ε_g "
                        + "below half of it; N in " + java.util.Arrays.toString(sizes) + ", " + first.seeds() + " seeds each from seed "
                        + first.seed() + " (mean ± standard error)");
        return new FigureData(tables, plot, params);
    }
}
