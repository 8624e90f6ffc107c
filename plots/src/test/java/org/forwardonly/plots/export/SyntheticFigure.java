package org.forwardonly.plots.export;

import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.Palette;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A two-panel learning-curve figure on made-up data (no engine involved), for export tests. */
final class SyntheticFigure {
    private SyntheticFigure() {}

    static final Map<String, DataTable> DATA = new LinkedHashMap<>();

    static {
        int n = 40;
        double[] t = new double[n], eps = new double[n], epsSim = new double[n], se = new double[n], cos = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = Math.pow(10, -2 + 4.0 * i / (n - 1));
            eps[i] = 0.5 / (1 + t[i]) + 1e-3;
            epsSim[i] = eps[i] * (1 + 0.05 * Math.sin(i));
            se[i] = 0.1 * epsSim[i];
            cos[i] = Math.tanh(t[i] / 10);
        }
        DATA.put("ode.csv", new DataTable(Map.of("t", t, "eps_g", eps, "cos_v_b", cos)));
        DATA.put("sim.csv", new DataTable(Map.of("t", t, "eps_g", epsSim, "eps_g_se", se, "cos_v_b", cos)));
    }

    static PlotFigure figure() {
        PlotPanel curves = new PlotPanel("(a) learning curves", "t", "ε_g", true, true, List.of(
                new PlotSeries("ode.csv", "t", "eps_g", null, "afa (ODE)", Palette.BLUE.hex(), PlotSeries.Style.LINE, false),
                new PlotSeries("sim.csv", "t", "eps_g", "eps_g_se", "pepita (simulation)", Palette.VERMILLION.hex(),
                        PlotSeries.Style.MARKERS, false)));
        PlotPanel align = new PlotPanel("(b) alignment", "t", "cos∠(v, b)", true, false, List.of(
                new PlotSeries("ode.csv", "t", "cos_v_b", null, "afa (ODE)", Palette.BLUE.hex(), PlotSeries.Style.LINE, true)));
        return new PlotFigure("A synthetic figure", 2, List.of(curves, align));
    }
}
