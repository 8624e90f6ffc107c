package org.forwardonly.plots.figures;

import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.catalogue.WorkMeter;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.theory.analysis.FixedPoint;
import org.forwardonly.theory.analysis.StationaryPoints;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The figure {@code plateau-escape} at the quick size (N = 300, 2 seeds): its plateau line is analyse's symmetric
 * point, its guide has analyse's slope λ, and the simulated and integrated curves do sit on that line and leave it
 * at that rate.
 */
class PlateauEscapeTest {
    private static Map<String, ExperimentConfig> configs;
    private static FigureData data;

    @BeforeAll
    static void compute() {
        PlateauEscape f = new PlateauEscape();
        configs = f.configs(FigureSize.QUICK);
        data = f.compute(configs, new FigureEngines(2, new WorkMeter(d -> { })));
    }

    /** analyse on the committee machine written out by hand here: bp, erf, K = M = 3, η = 1, T = I, v = v* = 1. */
    private static FixedPoint analysed() {
        String json = "{\"rule\":\"bp\",\"activation\":\"erf\",\"K\":3,\"M\":3,\"eta\":1,\"etaV\":0,\"sigma\":0,\"tMax\":300,"
                + "\"init\":{\"Q\":[[1,0.01,0.01],[0.01,1,0.01],[0.01,0.01,1]],\"R\":[[0,0.005,0.003],[0.003,0.001,0.006],"
                + "[0.006,0.004,0.002]],\"T\":[[1,0,0],[0,1,0],[0,0,1]],\"v\":[1,1,1],\"vStar\":[1,1,1]}}";
        ExperimentConfig c = ConfigParser.parse(json);
        try (StationaryPoints sp = new StationaryPoints(c, OrderParameters.fromInit(c.init()))) {
            return sp.analyse().stream().filter(p -> p.origin().equals("symmetric")).findFirst().orElseThrow();
        }
    }

    /**
     * The dashed line is the ε_g of the symmetric saddle analyse finds (to 1e-9: the same Newton solve from a
     * slightly different start converges to the same root to ~1e-12), which is docs/analysis.md's 0.0661 with λ = 0.0297.
     */
    @Test
    void plateauLineIsAnalysesSymmetricSaddle() {
        FixedPoint p = analysed();
        assertEquals("saddle", p.stability());
        double[] line = data.tables().get("plateau").column("eps_g");
        for (double e : line) assertEquals(p.epsG(), e, 1e-9);
        assertEquals(0.0661, p.epsG(), 5e-5);
        assertEquals(0.0297, p.lambdaMax(), 5e-5);
    }

    /** The guide is e^{λt}: ln(g(t₂)/g(t₁))/(t₂ − t₁) = λ to round-off (1e-9 relative), over at least 5 samples. */
    @Test
    void guideHasTheSlopeOfTheEscapeRate() {
        double lambda = analysed().lambdaMax();
        DataTable d = data.tables().get("distance_from_plateau");
        double[] t = d.column("t"), g = d.column("guide");
        int first = -1, n = 0;
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(g[i])) continue;
            if (first < 0) first = i;
            else assertEquals(lambda, Math.log(g[i] / g[first]) / (t[i] - t[first]), 1e-9 * lambda);
            n++;
        }
        assertTrue(n >= 5, "the guide spans " + n + " samples");
    }

    /**
     * The rows where the seed-mean ODE is on the plateau: ε_g within 2 % of {@code height} (PlateauLengthTest's
     * definition); {mean of the SGD's ε_g over those rows, their number}.
     */
    static double[] simulationOnPlateau(DataTable curves, double height) {
        double[] ode = curves.column("eps_g_ode"), sim = curves.column("eps_g_sim");
        double s = 0;
        int n = 0;
        for (int i = 0; i < ode.length; i++) {
            if (Math.abs(ode[i] - height) <= 0.02 * height) {
                s += sim[i];
                n++;
            }
        }
        return new double[] {n > 0 ? s / n : Double.NaN, n};
    }

    /**
     * The curves sit on the line: the ODE is within 2 % of it for at least 10 samples (t ≥ 50 at Δt = 5), and SGD's
     * mean over those samples is within 5 % of it (N = 300: order parameters fluctuate by O(1/√N) and the two seeds
     * escape at different times; measured 2.2 % when written). The check says no for a line 10 % off: then the ODE is
     * never within 2 % of it.
     */
    @Test
    void curvesSitOnThePlateauLine() {
        DataTable curves = data.tables().get("committee_theory_vs_sim");
        double height = data.tables().get("plateau").column("eps_g")[0];
        double[] on = simulationOnPlateau(curves, height);
        String msg = String.format(Locale.ROOT, "plateau %.5f: %d samples on it, SGD mean there %.5f", height, (int) on[1], on[0]);
        assertTrue(on[1] >= 10, msg);
        assertEquals(height, on[0], 0.05 * height, msg);
        assertEquals(0, simulationOnPlateau(curves, 1.1 * height)[1], "a line 10 % too high has no samples near it");
    }

    /**
     * After the closest approach the ODE's distance from the plateau grows at the rate λ: the least-squares slope of
     * ln(distance) over the guide's span is within 15 % of λ (the stable directions still decay at the start of the span,
     * and the seed mean of two shifted exponentials is exponential only while both are; measured 4 % when written).
     */
    @Test
    void odeLeavesThePlateauAtTheEscapeRate() {
        double lambda = analysed().lambdaMax();
        DataTable d = data.tables().get("distance_from_plateau");
        double[] t = d.column("t"), g = d.column("guide"), ode = d.column("dist_ode");
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(g[i])) continue;
            double y = Math.log(ode[i]);
            sx += t[i];
            sy += y;
            sxx += t[i] * t[i];
            sxy += t[i] * y;
            n++;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertEquals(lambda, slope, 0.15 * lambda, "slope of ln distance over " + n + " samples");
    }
}
