package org.forwardonly.plots.figures;

import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.catalogue.WorkMeter;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The figure {@code eta-max} at the quick size (N = 300, 2 seeds): the η_max it marks is where the plotted λ_max
 * crosses zero and is docs/analysis.md's value, the simulated learning rates lie on the sides of it they are meant
 * to, and the runs converge below η_max and move away above it.
 */
class EtaMaxFigureTest {
    private static Map<String, ExperimentConfig> configs;
    private static FigureData data;

    @BeforeAll
    static void compute() {
        EtaMaxFigure f = new EtaMaxFigure();
        configs = f.configs(FigureSize.QUICK);
        data = f.compute(configs, new FigureEngines(2, new WorkMeter(d -> { })));
    }

    private static double etaMax() {
        return data.tables().get("eta_max").column("eta")[0];
    }

    /**
     * The marked η_max is docs/analysis.md's 2.3068 (analyse --continue eta=0.25:6:0.25; here another grid, the same
     * bisection to 1e-10, so to the 4 decimals printed there: 5e-5), and the plotted λ_max is negative at every grid
     * value below it and positive at every one above (the crossing the line marks; a line at the trace's zero or one
     * grid step off would fail).
     */
    @Test
    void markedEtaMaxIsWhereLambdaMaxCrossesZero() {
        double etaMax = etaMax();
        assertEquals(EtaMaxFigure.ETA_MAX_DOCUMENTED, etaMax, 5e-5);
        DataTable c = data.tables().get("continuation");
        double[] eta = c.column("eta"), lambda = c.column("lambda_max");
        int below = 0, above = 0;
        for (int i = 0; i < eta.length; i++) {
            if (eta[i] < etaMax) {
                assertTrue(lambda[i] < 0, "lambda_max " + lambda[i] + " at eta " + eta[i] + " below eta_max");
                below++;
            } else {
                assertTrue(lambda[i] > 0, "lambda_max " + lambda[i] + " at eta " + eta[i] + " above eta_max");
                above++;
            }
        }
        assertTrue(below > 10 && above >= 5, below + " grid values below, " + above + " above");
        double fastest = data.tables().get("eta_fastest").column("eta")[0];
        assertTrue(fastest > EtaMaxFigure.FROM && fastest < etaMax, "eta_fastest " + fastest);
    }

    /**
     * Below η_max SGD and the ODE converge: ε_g at the end below a tenth of its start; above it they move away: ε_g at
     * the end above twice its start (measured when written, quick size: see the messages). The learning rates are the
     * documented η_max times the factors, so the test first checks that each factor's side of the computed η_max is right.
     */
    @Test
    void runsConvergeBelowEtaMaxAndNotAbove() {
        double etaMax = etaMax();
        for (double f : EtaMaxFigure.FACTORS) {
            String id = EtaMaxFigure.runId(f);
            double eta = configs.get(id).eta();
            assertEquals(f < 1, eta < etaMax, id);
            DataTable t = data.tables().get(id);
            for (String col : new String[] {"eps_g_sim", "eps_g_ode"}) {
                double[] e = t.column(col);
                double ratio = e[e.length - 1] / e[0];
                String msg = String.format(Locale.ROOT, "%s %s: eps_g %.3g -> %.3g (ratio %.3g)", id, col, e[0], e[e.length - 1], ratio);
                if (f < 1) assertTrue(ratio < 0.1, msg);
                else assertTrue(ratio > 2, msg);
            }
        }
    }
}
