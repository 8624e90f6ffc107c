package org.forwardonly.plots.figures;

import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.catalogue.WorkMeter;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.theory.analysis.FixedPoint;
import org.forwardonly.theory.analysis.StationaryPoints;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The figure {@code plateau-escape} at the quick size (N = 300, 2 seeds): its plateau line is analyse's symmetric
 * point, its guide has analyse's slope λ, the simulated and integrated curves sit on that line, and the units' asymmetry
 * grows on it at about that rate.
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
        DataTable d = data.tables().get("asymmetry");
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
     * The curves sit on the line: at the plateau's centre (where the ODE's ε_g moves slowest) the ODE is within 2 % of
     * it, and SGD's mean over the 7 samples around the centre (t ± 15) is within 10 % of it (N = 300, 2 seeds: the
     * order parameters fluctuate by O(1/√N) and the seeds escape at different times; measured 0.5 % and 1 % when
     * written). The check says no for a line 10 % too high.
     */
    @Test
    void curvesSitOnThePlateauLine() {
        DataTable curves = data.tables().get("committee_theory_vs_sim");
        double height = data.tables().get("plateau").column("eps_g")[0];
        double[] t = curves.column("t"), ode = curves.column("eps_g_ode"), sim = curves.column("eps_g_sim");
        int centre = PlateauEscape.plateauCentre(t, ode, height);
        assertTrue(centre >= 3 && centre + 3 < t.length, "plateau centre at sample " + centre);
        double simMean = 0;
        for (int i = centre - 3; i <= centre + 3; i++) simMean += sim[i] / 7;
        String msg = String.format(Locale.ROOT, "plateau %.5f: centre t = %s, ODE %.5f, SGD around it %.5f", height, t[centre],
                ode[centre], simMean);
        assertEquals(height, ode[centre], 0.02 * height, msg);
        assertEquals(height, simMean, 0.10 * height, msg);
        assertNotEquals(1.1 * height, ode[centre], 0.02 * 1.1 * height, "a line 10 % too high is not on the curve");
    }

    /**
     * From starts drawn at N = 10⁵ (asymmetry ~0.01) the ODE sits on the line and its asymmetry grows at the rate λ:
     * at its plateau centre ε_g is within 0.5 % of the line, and the least-squares slope of ln(asymmetry) over the
     * guide's span (from the centre until half the largest asymmetry, more than a decade) is within 5 % of λ
     * (measured 3 % below λ at the default size when written: the growth is not yet purely linear at the span's end).
     * From the N = 300 starts of the simulations the slope is 15 % below λ (their asymmetry, ~0.2 on the plateau, is
     * not small), which the figure shows with the same guide.
     */
    @Test
    void largeNOdeSitsOnThePlateauAndLeavesItAtTheEscapeRate() {
        FixedPoint p = analysed();
        double lambda = p.lambdaMax();
        DataTable d = data.tables().get("ode_large_n");
        double[] t = d.column("t"), g = d.column("guide"), asym = d.column("asym"), eps = d.column("eps_g");
        int centre = PlateauEscape.plateauCentre(t, eps, p.epsG());
        assertEquals(p.epsG(), eps[centre], 0.005 * p.epsG(), "large-N ODE at its plateau centre t = " + t[centre]);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (!Double.isFinite(g[i])) continue;
            double y = Math.log(asym[i]);
            sx += t[i];
            sy += y;
            sxx += t[i] * t[i];
            sxy += t[i] * y;
            n++;
        }
        assertTrue(n >= 10, "the guide spans " + n + " samples");
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertEquals(lambda, slope, 0.05 * lambda, "slope of ln asymmetry over " + n + " samples");
    }
}
