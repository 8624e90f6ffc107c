package org.forwardonly.plots.scan;

import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanFigureTest {

    static ScanSpec spec(String json) throws Exception {
        return ScanSpecParser.parse(ConfigParser.mapper().readTree(json.replace('\'', '"')));
    }

    /** Point i gets eps_g_final = i + 1 (so every number can be traced), and the last point diverges. */
    static List<PointResult> results(ScanSpec s, String... engines) {
        List<PointResult> out = new ArrayList<>();
        for (ScanPoint p : s.points()) {
            List<PointSummary> rows = new ArrayList<>();
            for (String e : engines) {
                boolean div = p.index() == s.size() - 1;
                rows.add(new PointSummary(e, div ? null : p.index() + 1.0, null, null, null, null, null, 0.5, div, 10));
            }
            out.add(new PointResult(p.index(), p.values(), rows));
        }
        return out;
    }

    @Test
    void panelsByTheFirstKeyLinesByTheMiddleOnesXByTheLast() throws Exception {
        ScanSpec s = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2}, 'grid': {'eta': [1, 2], 'rule': ['afa', 'pepita'],"
                + " 'sigmaF': [0.1, 1, 10]}, 'run': 'both'}");
        FigureData f = ScanFigure.build(s, results(s, "ode", "sim"), new StringBuilder()).orElseThrow();
        List<PlotPanel> panels = f.plot().panels();
        // keys and rules in the model's symbols, not the config's names
        assertEquals(List.of("η = 1", "η = 2"), panels.stream().map(PlotPanel::title).toList());
        assertEquals("σ_F", panels.get(0).xLabel());
        List<PlotSeries> lines = panels.get(0).series();
        assertEquals(List.of("AFA (ODE)", "AFA (simulation)", "PEPITA (exact ODE)", "PEPITA (simulation)"),
                lines.stream().map(PlotSeries::label).toList());
        assertEquals(PlotSeries.Style.LINE, lines.get(0).style());
        assertEquals(PlotSeries.Style.LINE_MARKERS, lines.get(1).style(), "simulations: markers with error bars");
        assertEquals(ScanColumns.se(ScanColumns.EPS_G_FINAL), lines.get(1).err());
        assertTrue(panels.get(0).xLog() && panels.get(0).yLog(), "sigmaF spans two decades");
        assertTrue(f.plot().sharedY(), "panels share one vertical range");
        // eta = 2, rule = pepita, (ode): points 9, 10, 11; the last one diverged and is marked, not dropped
        List<PlotSeries> second = panels.get(1).series();
        String csv = second.get(2).csv();
        DataTable t = f.tables().get(csv.substring("data/".length(), csv.length() - ".csv".length()));
        assertArrayEquals(new double[] {0.1, 1, 10}, t.column("sigmaF"));
        assertArrayEquals(new double[] {10, 11, Double.NaN}, t.column(ScanColumns.EPS_G_FINAL));
        assertArrayEquals(new double[] {0, 0, 1}, t.column(ScanColumns.DIVERGED));
        // the cross sits above every value of the figure (the largest is 11, point 10)
        double[] at = t.column(ScanFigure.DIVERGED_AT);
        assertTrue(Double.isNaN(at[0]) && Double.isNaN(at[1]) && at[2] > 11, java.util.Arrays.toString(at));
        List<PlotSeries> crosses = second.stream().filter(x -> x.style() == PlotSeries.Style.CROSSES).toList();
        assertEquals(List.of("PEPITA (exact ODE) diverged", "PEPITA (simulation) diverged"),
                crosses.stream().map(PlotSeries::label).toList());
        assertTrue(panels.get(0).series().stream().noneMatch(x -> x.style() == PlotSeries.Style.CROSSES),
                "nothing diverged at η = 1");
        assertEquals(8, f.tables().size(), "2 panels x 2 rules x 2 engines");
    }

    @Test
    void standardErrorsOfTheSimulationAreItsColumn() throws Exception {
        ScanSpec s = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2}, 'grid': {'sigmaF': [0.1, 1]}, 'run': 'sim'}");
        FigureData f = ScanFigure.build(s, results(s, "sim"), java.util.Map.of(0, 0.25), new StringBuilder()).orElseThrow();
        DataTable t = f.tables().values().iterator().next();
        assertArrayEquals(new double[] {0.25, Double.NaN}, t.column(ScanColumns.se(ScanColumns.EPS_G_FINAL)));
    }

    @Test
    void aNonNumericLastKeyHasNoFigureAndSaysWhy() throws Exception {
        ScanSpec s = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2}, 'grid': {'rule': ['afa', 'bp']}}");
        StringBuilder why = new StringBuilder();
        Optional<FigureData> f = ScanFigure.build(s, results(s, "ode"), why);
        assertTrue(f.isEmpty());
        assertTrue(why.toString().contains("'rule' is not numeric"), why.toString());
    }
}
