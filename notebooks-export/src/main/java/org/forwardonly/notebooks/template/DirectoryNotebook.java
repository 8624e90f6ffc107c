package org.forwardonly.notebooks.template;

import org.forwardonly.notebooks.format.Cell;
import org.forwardonly.notebooks.format.Notebook;
import org.forwardonly.notebooks.plot.MatplotlibCode;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The notebook of any output directory of the project (a run, a comparison, a scan): it finds
 * the CSVs (up to three levels down) and the JSON files that describe how they were made, shows
 * the command and parameters in a markdown cell, loads every CSV with pandas and draws
 * <ul>
 *   <li>ε_g against t on log-log axes for every CSV with columns {@code t} and {@code eps_g}
 *       (markers with error bars when it has {@code eps_g_se}: a multi-seed simulation; a line
 *       otherwise: an ODE), or {@code eps_g_ode} and {@code eps_g_sim} (a comparison: both);</li>
 *   <li>for a scan's {@code scan.csv}, the final ε_g against the last numeric swept key, one line
 *       per value of the other swept keys and engine;</li>
 *   <li>for every other CSV (a verdict table), each numeric column against the first one.</li>
 * </ul>
 */
public final class DirectoryNotebook {
    /** How deep below the directory CSVs are looked for. */
    static final int MAX_DEPTH = 3;

    private DirectoryNotebook() {}

    /**
     * Builds the notebook for {@code dir}.
     *
     * @param dir      the output directory (the notebook is meant to be written into it)
     * @param fallbackCommand the command to show when the directory does not record one (a
     *                 {@code command.txt} file or a {@code "command"} field in a top-level JSON)
     * @throws IOException when the directory cannot be read or holds no CSV
     */
    public static Notebook build(Path dir, String fallbackCommand) throws IOException {
        List<Path> csvs = find(dir, ".csv");
        if (csvs.isEmpty()) throw new IOException("no CSV file in " + dir + " (nothing to load)");
        List<Path> jsons = find(dir, ".json").stream().filter(p -> p.getParent().equals(dir)).toList();
        String command = recordedCommand(dir, jsons);

        List<PlotSeries> curves = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (Path csv : csvs) {
            String rel = relative(dir, csv);
            List<String> header = header(csv);
            if (header.contains("t") && header.contains("eps_g_ode") && header.contains("eps_g_sim")) {
                // a comparison: the ODE as a line, the simulation as markers
                curves.add(new PlotSeries(rel, "t", "eps_g_ode", null, rel + " (ODE)", null, PlotSeries.Style.LINE, false));
                curves.add(new PlotSeries(rel, "t", "eps_g_sim", header.contains("eps_g_sim_se") ? "eps_g_sim_se" : null,
                        rel + " (simulation)", null, PlotSeries.Style.MARKERS, false));
            } else if (header.contains("t") && header.contains("eps_g")) {
                boolean sim = header.contains("eps_g_se");
                // compare's metrics.csv holds the simulation compare.csv already draws: drawn once
                if (sim && csv.getFileName().toString().equals("metrics.csv") && Files.isRegularFile(csv.resolveSibling("compare.csv"))) {
                    continue;
                }
                curves.add(new PlotSeries(rel, "t", "eps_g", sim ? "eps_g_se" : null, rel, null,
                        sim ? PlotSeries.Style.MARKERS : PlotSeries.Style.LINE, false));
            } else {
                tables.add(rel);
            }
        }

        StringBuilder md = new StringBuilder("# ").append(dir.toAbsolutePath().normalize().getFileName()).append("\n\n");
        md.append("Data of a pepita output directory: ").append(csvs.size()).append(" CSV file(s)");
        md.append(jsons.isEmpty() ? "." : ", described by " + String.join(", ", jsons.stream().map(p -> "`" + relative(dir, p)
                + "`").toList()) + ".");
        md.append("\n\nMade by:\n\n```\n").append(command != null ? command : fallbackCommand).append("\n```\n");
        for (Path json : jsons) {
            md.append("\n### `").append(relative(dir, json)).append("`\n\n```json\n")
                    .append(Files.readString(json, StandardCharsets.UTF_8).strip()).append("\n```\n");
        }

        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.markdown(md.toString()));
        cells.add(Cell.code(MatplotlibCode.imports()));
        cells.add(Cell.code(MatplotlibCode.loadData(csvs.stream().map(p -> relative(dir, p)).toList())));
        if (!curves.isEmpty()) {
            PlotFigure fig = new PlotFigure("generalisation error", 1,
                    List.of(new PlotPanel("ε_g(t)", "t", "ε_g", true, true, curves)));
            cells.add(Cell.code(MatplotlibCode.draw(fig)));
        }
        boolean gridHelpers = false;
        for (Path csv : csvs) {
            List<String> header = header(csv);
            String rel = relative(dir, csv);
            boolean comparison = header.contains("eps_g_ode") && header.contains("eps_g_diff_se");
            boolean extrapolated = header.contains("eps_g_diff_extrapolated");
            if (!comparison && !extrapolated) continue;
            if (!gridHelpers) {
                cells.add(Cell.code(GRID_HELPERS));
                gridHelpers = true;
            }
            cells.add(Cell.code(comparison ? differenceGridCell(rel) : extrapolatedGridCell(rel)));
        }
        for (String table : tables) {
            if (scanTable(header(dir.resolve(table)))) {
                cells.add(Cell.code(scanCell(table)));
                continue;
            }
            if (header(dir.resolve(table)).contains("eps_g_diff_extrapolated")) continue; // drawn as a grid above
            // at most MAX_LEGEND columns against the first, legend beside the axes (a wider table is shown, not drawn whole)
            cells.add(Cell.code("frame = data[" + MatplotlibCode.str(table) + "]\n"
                    + "numeric = frame.select_dtypes(\"number\")\n"
                    + "if numeric.shape[1] >= 2:\n"
                    + "    shown = list(numeric.columns[1:" + (MAX_LEGEND + 1) + "])\n"
                    + "    more = numeric.shape[1] - 1 - len(shown)\n"
                    + "    fig, ax = plt.subplots(figsize=(6, 4), constrained_layout=True)\n"
                    + "    numeric.plot(x=numeric.columns[0], y=shown, marker=\"o\", ax=ax, title="
                    + MatplotlibCode.str(table) + " + (f\" (+ {more} more columns)\" if more else \"\"))\n"
                    + "    ax.legend(fontsize=\"x-small\", loc=\"upper left\", bbox_to_anchor=(1.01, 1.0))\n"
                    + "    plt.show()\n"
                    + "frame.head(20)\n"));
        }
        return new Notebook(cells);
    }

    /** The most legend entries a panel of a directory notebook shows; further curves are counted in its title. */
    public static final int MAX_LEGEND = 12;

    /**
     * Python helpers of the comparison grids: columns grouped by order parameter family (eps_g, Q, R,
     * v, c, d, P, the derived columns), and a grid of small panels, one per family, each curve with
     * its error bars, at most {@link #MAX_LEGEND} legend entries per panel (the rest drawn, counted
     * as "+ N more"), legends beside the axes, t on a symmetric-log axis (t = 0 included).
     */
    static final String GRID_HELPERS = """
            import re

            MAX_LEGEND = %d

            def families(columns, suffix):
                \"\"\"The columns ending in suffix, by family: {"Q": ["Q_1_1", ...], ...}, names without the suffix.\"\"\"
                groups = {}
                for col in columns:
                    if col.endswith(suffix):
                        base = col[: -len(suffix)]
                        groups.setdefault(re.sub(r"(_\\d+)+$", "", base), []).append(base)
                return groups

            def grid(frame, groups, curves, title):
                \"\"\"One small panel per family; curves(base) gives [(label suffix, y, yerr), ...] for a column.\"\"\"
                n = len(groups)
                ncols = min(3, n)
                nrows = -(-n // ncols)
                fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 2.8 * nrows), squeeze=False,
                                         constrained_layout=True)
                t = frame["t"]
                positive = t[t > 0]
                for ax, (family, bases) in zip(axes.flat, groups.items()):
                    entries = 0
                    for base in bases:
                        for suffix, y, yerr in curves(base):
                            label = base + suffix if entries < MAX_LEGEND else "_nolegend_"
                            ax.errorbar(t, y, yerr=yerr, lw=0.8, marker="o", ms=2.5, capsize=0, label=label)
                            entries += 1
                    ax.axhline(0, color="k", lw=0.6)
                    if len(positive):
                        ax.set_xscale("symlog", linthresh=positive.min())
                        ax.set_xlim(0, t.max())
                    more = entries - MAX_LEGEND
                    ax.set_title(family + (f" (+ {more} more curves)" if more > 0 else ""), fontsize="small")
                    ax.set_xlabel("t", fontsize="small")
                    ax.tick_params(labelsize="x-small")
                    ax.legend(fontsize="xx-small", loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
                for ax in list(axes.flat)[n:]:
                    ax.set_visible(False)
                fig.suptitle(title)
                plt.show()
            """.formatted(MAX_LEGEND);

    /** compare.csv: simulation − ODE per order parameter with the paired standard error, one panel per family. */
    private static String differenceGridCell(String table) {
        return "frame = data[" + MatplotlibCode.str(table) + "]\n"
                + "grid(frame, families(frame.columns, \"_diff_se\"),\n"
                + "     lambda b: [(\"\", frame[b + \"_sim\"] - frame[b + \"_ode\"], frame[b + \"_diff_se\"])],\n"
                + "     " + MatplotlibCode.str(table + ": simulation − ODE (± paired standard error)") + ")\n";
    }

    /** extrapolated.csv: the differences extrapolated to 1/N = 0, plain and drift-aligned, one panel per family. */
    private static String extrapolatedGridCell(String table) {
        return "frame = data[" + MatplotlibCode.str(table) + "]\n"
                + "def extrapolated(b):\n"
                + "    out = [(\"\", frame[b + \"_diff_extrapolated\"], frame[b + \"_diff_extrapolated_se\"])]\n"
                + "    if b + \"_diff_aligned_extrapolated\" in frame:\n"
                + "        out.append((\" aligned\", frame[b + \"_diff_aligned_extrapolated\"], frame[b + "
                        + "\"_diff_aligned_extrapolated_se\"]))\n"
                + "    return out\n"
                + "grid(frame, families(frame.columns, \"_diff_extrapolated\"), extrapolated,\n"
                + "     " + MatplotlibCode.str(table + ": simulation − ODE extrapolated to 1/N = 0 (± standard error)") + ")\n";
    }

    /** A scan's tidy table: point, the swept keys, engine, eps_g_final, ... (docs/scans.md). */
    private static boolean scanTable(List<String> header) {
        return !header.isEmpty() && header.get(0).equals("point") && header.contains("engine") && header.contains("eps_g_final");
    }

    /** Final ε_g against the last numeric swept key, one line per value of the other keys and engine. */
    private static String scanCell(String table) {
        return "frame = data[" + MatplotlibCode.str(table) + "]\n"
                + "swept = list(frame.columns[1:list(frame.columns).index(\"engine\")])\n"
                + "numeric = [k for k in swept if pd.api.types.is_numeric_dtype(frame[k])]\n"
                + "x = numeric[-1] if numeric else \"point\"\n"
                + "others = [k for k in swept if k != x] + [\"engine\"]\n"
                + "fig, ax = plt.subplots(figsize=(7, 4.5), constrained_layout=True)\n"
                + "for name, group in frame.groupby(others):\n"
                + "    ax.plot(group[x], group[\"eps_g_final\"], marker=\"o\", label=\", \".join(f\"{k}={v}\" for k, v in zip(others, "
                        + "name if isinstance(name, tuple) else (name,))))\n"
                + "ax.set_xlabel(x)\n"
                + "ax.set_ylabel(\"final ε$_g$\")\n"
                + "if (frame[\"eps_g_final\"].dropna() > 0).all():\n"
                + "    ax.set_yscale(\"log\")\n"
                + "if numeric and (frame[x] > 0).all() and frame[x].max() / frame[x].min() > 20:\n"
                + "    ax.set_xscale(\"log\")\n"
                + "ax.set_title(" + MatplotlibCode.str(table + ": final generalisation error") + ")\n"
                + "ax.legend(fontsize=\"x-small\", ncol=2)\n"
                + "plt.show()\n"
                + "frame.head(20)\n";
    }

    private static String recordedCommand(Path dir, List<Path> jsons) throws IOException {
        Path txt = dir.resolve("command.txt");
        if (Files.isRegularFile(txt)) return Files.readString(txt, StandardCharsets.UTF_8).strip();
        for (Path json : jsons) {
            String text = Files.readString(json, StandardCharsets.UTF_8);
            int i = text.indexOf("\"command\"");
            if (i >= 0) {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).findValue("command");
                if (node != null && node.isTextual()) return node.asText();
            }
        }
        return null;
    }

    private static List<Path> find(Path dir, String ext) throws IOException {
        try (Stream<Path> s = Files.walk(dir, MAX_DEPTH)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(ext)).sorted().toList();
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static List<String> header(Path csv) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first == null ? List.of() : Arrays.stream(first.split(",")).map(String::strip).toList();
        }
    }
}
