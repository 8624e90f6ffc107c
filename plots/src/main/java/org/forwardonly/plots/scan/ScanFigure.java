package org.forwardonly.plots.scan;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.Palette;
import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.spec.RunKind;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The line families of a scan: final ε_g against the last swept key (x), one line per value of
 * the keys between the first and the last, one panel per value of the first key when three or
 * more keys are swept (with one or two keys: one panel). Every line is drawn solid, except the
 * simulation's when the scan ran both engines (dashed); a diverged point is missing from its line. Each line's numbers are a table
 * {@code data/<line>.csv} with columns x, eps_g_final, t_threshold, plateau_length, plateau_height,
 * alignment_final (NaN where missing).
 */
public final class ScanFigure {

    private static final List<Palette> CYCLE = List.of(Palette.BLUE, Palette.VERMILLION, Palette.BLUISH_GREEN,
            Palette.ORANGE, Palette.REDDISH_PURPLE, Palette.SKY_BLUE, Palette.BLACK);

    private ScanFigure() {}

    /**
     * The figure of a finished scan, or empty (with the reason) when its last swept key is not
     * numeric and so cannot be an x axis.
     *
     * @param spec    the scan
     * @param results one per point, any order
     * @param reason  receives why there is no figure
     */
    public static Optional<FigureData> build(ScanSpec spec, List<PointResult> results, StringBuilder reason) {
        List<String> keys = spec.sweptKeys();
        String x = keys.get(keys.size() - 1);
        for (ScanPoint p : spec.points()) {
            if (!p.values().get(x).isNumber()) {
                reason.append("the last swept key '").append(x).append("' is not numeric, so it cannot be the x axis");
                return Optional.empty();
            }
        }
        String panelKey = keys.size() >= 3 ? keys.get(0) : null;
        List<String> lineKeys = keys.subList(panelKey == null ? 0 : 1, keys.size() - 1);

        Map<Integer, PointResult> byIndex = new LinkedHashMap<>();
        for (PointResult r : results) byIndex.put(r.index(), r);
        // panel label → line label (with engine) → rows of numbers, in grid order
        Map<String, Map<String, List<double[]>>> panels = new LinkedHashMap<>();
        Map<String, String> lineColours = new LinkedHashMap<>();
        Map<String, String> lineEngines = new LinkedHashMap<>();
        Map<String, String> lineOf = new LinkedHashMap<>();
        for (ScanPoint p : spec.points()) {
            PointResult r = byIndex.get(p.index());
            if (r == null) continue;
            String panel = panelKey == null ? "" : label(panelKey, p.values().get(panelKey));
            String line = lineKeys.stream().map(k -> label(k, p.values().get(k))).reduce((a, b) -> a + ", " + b).orElse("");
            for (PointSummary s : r.rows()) {
                String name = (line.isEmpty() ? "" : line + " ") + "(" + s.engine() + ")";
                panels.computeIfAbsent(panel, k -> new LinkedHashMap<>()).computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new double[] {p.values().get(x).asDouble(), num(s.epsGFinal()), num(s.tThreshold()),
                                num(s.plateauLength()), num(s.plateauHeight()), num(s.alignmentFinal())});
                lineEngines.put(name, s.engine());
                lineOf.put(name, line);
                if (!lineColours.containsKey(line)) {
                    JsonNode rule = lineKeys.contains("rule") ? p.values().get("rule") : null;
                    Palette c = rule != null ? Palette.forRule(rule.asText()) : CYCLE.get(lineColours.size() % CYCLE.size());
                    lineColours.put(line, c.hex());
                }
            }
        }

        boolean xLog = positiveWideRange(spec, x);
        Map<String, DataTable> tables = new LinkedHashMap<>();
        List<PlotPanel> plotPanels = new ArrayList<>();
        for (var panel : panels.entrySet()) {
            List<PlotSeries> series = new ArrayList<>();
            for (var line : panel.getValue().entrySet()) {
                String table = tableName(panel.getKey(), line.getKey(), tables.size());
                tables.put(table, DataTable.of(List.of(x, "eps_g_final", "t_threshold", "plateau_length", "plateau_height",
                        "alignment_final"), line.getValue().toArray(new double[0][])));
                boolean dashed = spec.run() == RunKind.BOTH && "sim".equals(lineEngines.get(line.getKey()));
                series.add(new PlotSeries(FigureData.csv(table), x, "eps_g_final", null, line.getKey(),
                        lineColours.get(lineOf.get(line.getKey())), PlotSeries.Style.LINE, dashed));
            }
            String title = panel.getKey();
            plotPanels.add(new PlotPanel(title, x, "final ε_g", xLog, true, series));
        }
        String description = spec.source().path("description").asText("");
        PlotFigure plot = new PlotFigure("final ε_g against " + x, Math.min(3, plotPanels.size()), plotPanels);
        List<String> parameters = new ArrayList<>();
        parameters.add("swept: " + String.join(", ", keys) + " (" + spec.size() + " points, run: " + spec.run().key() + ")");
        parameters.add("base config: " + spec.source().get("base"));
        if (!description.isEmpty()) parameters.add(description);
        parameters.add("diverged points are left out of their line; the full table is scan.csv");
        return Optional.of(new FigureData(tables, plot, parameters));
    }

    private static String label(String key, JsonNode v) {
        return key + " = " + (v.isTextual() ? v.asText() : v.toString());
    }

    private static double num(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static boolean positiveWideRange(ScanSpec spec, String x) {
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (ScanPoint p : spec.points()) {
            double v = p.values().get(x).asDouble();
            if (!(v > 0)) return false;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max / min >= 10;
    }

    /** A file-safe, unique table name from the panel and line labels. */
    private static String tableName(String panel, String line, int n) {
        String raw = (panel.isEmpty() ? "" : panel + "_") + line;
        String safe = raw.replace(" = ", "").replaceAll("[^A-Za-z0-9.+-]+", "_").replaceAll("^_+|_+$", "");
        return String.format("%02d_%s", n, safe);
    }
}
