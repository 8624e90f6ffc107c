package org.forwardonly.plots.scan;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.style.ModelLabels;
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
 * more keys are swept (with one or two keys: one panel). Keys and rules are written in the model's
 * symbols (σ_F, η, AFA). ODE lines are drawn solid; simulations as markers joined by a thin line,
 * with standard-error bars over seeds when they are known. A diverged point has no final ε_g: it
 * is drawn as a cross at the top of its panel, above every value. Every panel shows the same
 * vertical range, so that panels can be compared. Each line's numbers are a table
 * {@code data/<line>.csv} with columns x, the {@link ScanColumns} metrics, the standard error of
 * the final ε_g and {@code diverged_at} (where the cross is drawn; NaN for a point that did not
 * diverge); NaN where missing.
 */
public final class ScanFigure {

    private static final List<Palette> CYCLE = List.of(Palette.BLUE, Palette.VERMILLION, Palette.BLUISH_GREEN,
            Palette.ORANGE, Palette.REDDISH_PURPLE, Palette.SKY_BLUE, Palette.BLACK);
    /** Where the crosses of diverged points go: this factor above the largest value (on a log axis). */
    private static final double DIVERGED_ABOVE = 1.3;

    private ScanFigure() {}

    /**
     * The figure of a finished scan without standard errors (a scan keeps seed means only), or
     * empty (with the reason) when its last swept key is not numeric.
     *
     * @see #build(ScanSpec, List, Map, StringBuilder)
     */
    public static Optional<FigureData> build(ScanSpec spec, List<PointResult> results, StringBuilder reason) {
        return build(spec, results, Map.of(), reason);
    }

    /**
     * The figure of a finished scan, or empty (with the reason) when its last swept key is not
     * numeric and so cannot be an x axis.
     *
     * @param spec    the scan
     * @param results one per point, any order
     * @param simSe   standard error over seeds of the simulated final ε_g, by point index (may miss points)
     * @param reason  receives why there is no figure
     */
    public static Optional<FigureData> build(ScanSpec spec, List<PointResult> results, Map<Integer, Double> simSe,
                                             StringBuilder reason) {
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
        Map<String, String> asciiOf = new LinkedHashMap<>();   // panel or line label → its file-name form
        double top = 0;
        for (ScanPoint p : spec.points()) {
            PointResult r = byIndex.get(p.index());
            if (r == null) continue;
            String panel = panelKey == null ? "" : label(panelKey, p.values().get(panelKey));
            String line = lineKeys.stream().map(k -> label(k, p.values().get(k))).reduce((a, b) -> a + ", " + b).orElse("");
            String rule = p.values().has("rule") ? p.values().get("rule").asText() : spec.source().path("base").path("rule").asText("");
            String asciiPanel = panelKey == null ? "" : panelKey + p.values().get(panelKey).asText();
            String asciiLine = lineKeys.stream().map(k -> ("rule".equals(k) ? "" : k) + p.values().get(k).asText())
                    .reduce((a, b) -> a + "_" + b).orElse("");
            asciiOf.put(panel, asciiPanel);
            for (PointSummary s : r.rows()) {
                String engine = ModelLabels.engine(s.engine(), rule);
                String name = line.isEmpty() ? engine : line + " (" + engine + ")";
                double se = "sim".equals(s.engine()) ? simSe.getOrDefault(p.index(), Double.NaN) : Double.NaN;
                double eps = num(s.epsGFinal());
                if (Double.isFinite(eps)) top = Math.max(top, eps + (Double.isFinite(se) ? se : 0));
                panels.computeIfAbsent(panel, k -> new LinkedHashMap<>()).computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new double[] {p.values().get(x).asDouble(), eps, se, num(s.tThreshold()),
                                num(s.plateauLength()), num(s.plateauHeight()), num(s.alignmentFinal()), s.diverged() ? 1 : 0, Double.NaN});
                lineEngines.put(name, s.engine());
                asciiOf.put(name, (asciiLine.isEmpty() ? "" : asciiLine + "_") + s.engine());
                lineOf.put(name, line);
                if (!lineColours.containsKey(line)) {
                    JsonNode ruleKey = lineKeys.contains("rule") ? p.values().get("rule") : null;
                    Palette c = ruleKey != null ? Palette.forRule(ruleKey.asText()) : CYCLE.get(lineColours.size() % CYCLE.size());
                    lineColours.put(line, c.hex());
                }
            }
        }
        double divergedAt = (top > 0 ? top : 1) * DIVERGED_ABOVE;

        boolean xLog = positiveWideRange(spec, x);
        Map<String, DataTable> tables = new LinkedHashMap<>();
        List<PlotPanel> plotPanels = new ArrayList<>();
        int diverged = 0;
        for (var panel : panels.entrySet()) {
            List<PlotSeries> series = new ArrayList<>();
            List<PlotSeries> crosses = new ArrayList<>();
            for (var line : panel.getValue().entrySet()) {
                String table = tableName(asciiOf.get(panel.getKey()), asciiOf.get(line.getKey()), tables.size());
                boolean anyDiverged = false;
                for (double[] row : line.getValue()) {
                    if (row[7] == 1) {
                        row[8] = divergedAt;
                        anyDiverged = true;
                        diverged++;
                    }
                }
                tables.put(table, DataTable.of(List.of(x, ScanColumns.EPS_G_FINAL, ScanColumns.se(ScanColumns.EPS_G_FINAL),
                        ScanColumns.T_THRESHOLD, ScanColumns.PLATEAU_LENGTH, ScanColumns.PLATEAU_HEIGHT, ScanColumns.ALIGNMENT_FINAL,
                        ScanColumns.DIVERGED, DIVERGED_AT), line.getValue().toArray(new double[0][])));
                String colour = lineColours.get(lineOf.get(line.getKey()));
                boolean sim = "sim".equals(lineEngines.get(line.getKey()));
                series.add(new PlotSeries(FigureData.csv(table), x, ScanColumns.EPS_G_FINAL,
                        sim ? ScanColumns.se(ScanColumns.EPS_G_FINAL) : null, line.getKey(), colour,
                        sim ? PlotSeries.Style.LINE_MARKERS : PlotSeries.Style.LINE, false));
                if (anyDiverged) {
                    crosses.add(new PlotSeries(FigureData.csv(table), x, DIVERGED_AT, null, line.getKey() + " diverged", colour,
                            PlotSeries.Style.CROSSES, false));
                }
            }
            series.addAll(crosses);
            plotPanels.add(new PlotPanel(panel.getKey(), ModelLabels.key(x), "final ε_g", xLog, true, series));
        }
        String description = spec.source().path("description").asText("");
        PlotFigure plot = new PlotFigure("Final ε_g against " + ModelLabels.key(x), Math.min(3, plotPanels.size()), plotPanels, true);
        List<String> parameters = new ArrayList<>();
        parameters.add("swept: " + String.join(", ", keys) + " (" + spec.size() + " points, run: " + spec.run().key() + ")");
        parameters.add("base config: " + spec.source().get("base"));
        if (!description.isEmpty()) parameters.add(description);
        parameters.add(diverged + " diverged point(s), drawn as × at the top of their panel (column " + DIVERGED_AT
                + "); the full table is scan.csv");
        return Optional.of(new FigureData(tables, plot, parameters));
    }

    /** The column with the height at which a diverged point's cross is drawn. */
    public static final String DIVERGED_AT = "diverged_at";

    private static String label(String key, JsonNode v) {
        if ("rule".equals(key)) return ModelLabels.rule(v.asText());
        return ModelLabels.key(key) + " = " + (v.isTextual() ? v.asText() : v.toString());
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
