package org.forwardonly.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.notebooks.format.Cell;
import org.forwardonly.notebooks.format.Notebook;
import org.forwardonly.notebooks.plot.MatplotlibCode;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ConfigParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebook of what the explorer shows: each curve's config and CSV inline (so the one file
 * is enough), and the page's panels (ε_g on log axes, then Q, R, v, c) redrawn with matplotlib.
 * Input: {@code {"curves": [{"name", "kind": "ode"|"simulation", "config": {...}, "csv": "t,..."}]}}.
 */
final class ExplorerNotebook {
    private ExplorerNotebook() {}

    /** The panels of the page: title, the column prefix they plot, log-log or log-linear. */
    private record Panel(String title, String prefix, String yLabel, boolean yLog) { }

    private static final List<Panel> PANELS = List.of(
            new Panel("generalisation error", "eps_g", "ε_g", true),
            new Panel("Q (student-student overlaps)", "Q_", "Q", false),
            new Panel("R (student-teacher overlaps)", "R_", "R", false),
            new Panel("v (second layer)", "v_", "v", false),
            new Panel("c (student-feedback overlaps)", "c_", "c", false));

    /** Builds the notebook; {@link ConfigException} for a malformed request. */
    static Notebook build(JsonNode request) {
        JsonNode curves = request == null ? null : request.get("curves");
        if (curves == null || !curves.isArray() || curves.isEmpty()) {
            throw new ConfigException("notebook request: 'curves' must be a non-empty array of {name, kind, config, csv}");
        }
        Map<String, String> csvs = new LinkedHashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        StringBuilder configs = new StringBuilder("The curves shown by `pepita serve`, each with its resolved config "
                + "(run it again with `pepita ode CONFIG --out DIR`, or `pepita simulate` for a simulation).\n");
        List<String> kinds = new ArrayList<>();
        for (JsonNode c : curves) {
            String name = text(c, "name");
            String kind = text(c, "kind");
            if (!kind.equals("ode") && !kind.equals("simulation")) {
                throw new ConfigException("notebook request: 'kind' must be ode or simulation (got '" + kind + "')");
            }
            JsonNode config = c.get("config");
            var resolved = ConfigParser.parse(config); // the config shown is the one that ran
            String csv = text(c, "csv");
            if (!csv.startsWith("t,")) throw new ConfigException("notebook request: curve '" + name + "': csv must start with 't,'");
            String key = name + ".csv";
            if (csvs.containsKey(key)) throw new ConfigException("notebook request: two curves named '" + name + "'");
            csvs.put(key, csv);
            columns.put(key, List.of(csv.substring(0, csv.indexOf('\n') < 0 ? csv.length() : csv.indexOf('\n')).split(",")));
            kinds.add(kind);
            configs.append("\n**").append(name).append("** (").append(kind).append("):\n\n```json\n")
                    .append(ConfigParser.pretty(ConfigParser.toJson(resolved))).append("```\n");
        }
        List<PlotPanel> panels = new ArrayList<>();
        for (Panel p : PANELS) {
            List<PlotSeries> series = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, List<String>> e : columns.entrySet()) {
                boolean sim = kinds.get(i++).equals("simulation");
                String curve = e.getKey().substring(0, e.getKey().length() - 4);
                for (String col : e.getValue()) {
                    if (col.equals(p.prefix) || (p.prefix.endsWith("_") && col.startsWith(p.prefix))) {
                        series.add(new PlotSeries(e.getKey(), "t", col, null, curve + " " + col, null,
                                sim ? PlotSeries.Style.MARKERS : PlotSeries.Style.LINE, curve.startsWith("B")));
                    }
                }
            }
            if (!series.isEmpty()) panels.add(new PlotPanel(p.title, "t", p.yLabel, true, p.yLog, series));
        }
        StringBuilder load = new StringBuilder("import io\n# each curve's CSV, as the page received it\ndata = {\n");
        csvs.forEach((k, v) -> load.append("    ").append(MatplotlibCode.str(k)).append(": pd.read_csv(io.StringIO(")
                .append(MatplotlibCode.str(v)).append(")),\n"));
        load.append("}\n");
        // t = 0 cannot sit on a log axis: drop it, as the page does
        load.append("data = {k: d[d[\"t\"] > 0] for k, d in data.items()}\n");
        PlotFigure figure = new PlotFigure("pepita serve", 2, panels);
        return new Notebook(List.of(
                Cell.markdown("# pepita serve: the explorer's view\n\n" + configs),
                Cell.code(MatplotlibCode.imports()),
                Cell.code(load.toString()),
                Cell.code(MatplotlibCode.draw(figure))));
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) throw new ConfigException("notebook request: every curve needs a text '" + key + "'");
        return v.asText();
    }
}
