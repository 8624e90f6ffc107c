package org.forwardonly.notebooks.plot;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Python source (pandas + matplotlib) that loads the CSVs of a {@link PlotFigure} and redraws it:
 * lines for theory, markers with error bars for simulations, the same scales and labels.
 */
public final class MatplotlibCode {
    private MatplotlibCode() {}

    /** The imports cell. */
    public static String imports() {
        return """
                from pathlib import Path
                import json
                import pandas as pd
                import matplotlib.pyplot as plt
                """;
    }

    /** A cell that reads every CSV the figure uses into the dict {@code data}, keyed by path. */
    public static String loadData(PlotFigure figure) {
        Set<String> files = new LinkedHashSet<>();
        figure.panels().forEach(p -> p.series().forEach(s -> files.add(s.csv())));
        return loadData(files);
    }

    /** A cell that reads the given CSVs (paths relative to the notebook) into the dict {@code data}. */
    public static String loadData(Collection<String> files) {
        StringBuilder sb = new StringBuilder("# Every CSV behind the figure, keyed by its path relative to this notebook.\n");
        sb.append("data = {\n");
        for (String f : files) sb.append("    ").append(str(f)).append(": pd.read_csv(").append(str(f)).append("),\n");
        sb.append("}\n");
        sb.append("for name, frame in data.items():\n");
        sb.append("    print(f\"{name}: {len(frame)} rows, columns {list(frame.columns)}\")\n");
        return sb.toString();
    }

    /**
     * A cell that draws the figure from {@code data} as the PNG is drawn: theory lines (dashed ones on
     * top of solid ones), simulations as markers with error bars on top, one legend for the figure
     * (each entry once) in the grid's empty cell or under the panels, a shared vertical range when
     * the figure asks for it.
     */
    public static String draw(PlotFigure figure) {
        StringBuilder sb = new StringBuilder();
        int rows = figure.rows(), cols = figure.usedColumns();
        boolean below = !figure.legendInGrid();
        sb.append(String.format(Locale.ROOT,
                "fig, axes = plt.subplots(%d, %d, figsize=(%.1f, %.1f), squeeze=False, sharey=%s, constrained_layout=True)%n",
                rows, cols, 5.2 * cols, 4.0 * rows, figure.sharedY() ? "True" : "False"));
        sb.append("fig.suptitle(").append(str(mathtext(figure.title()))).append(")\n");
        sb.append("legend = {}  # label -> handle: one legend entry per curve of the figure\n");
        sb.append("\ndef errors(d, column):\n");
        sb.append("    \"\"\"Error bars, or none when the column has no value (one seed): matplotlib 3.6 fails on all-NaN bars.\"\"\"\n");
        sb.append("    return d[column] if d[column].notna().any() else None\n");
        for (int i = 0; i < figure.panels().size(); i++) {
            PlotPanel p = figure.panels().get(i);
            sb.append("\n# panel ").append(i + 1).append(": ").append(p.title()).append('\n');
            sb.append("ax = axes[").append(i / cols).append("][").append(i % cols).append("]\n");
            int dots = (int) p.series().stream().filter(x -> x.style() == PlotSeries.Style.MARKERS || x.style() == PlotSeries.Style.DIAMONDS
                    || x.style() == PlotSeries.Style.LINE_MARKERS).count(), dot = 0;
            for (PlotSeries s : p.series()) {
                sb.append("d = data[").append(str(s.csv())).append("]\n");
                String label = str(mathtext(s.label()));
                switch (s.style()) {
                    case LINE -> sb.append("h, = ax.plot(d[").append(str(s.x())).append("], d[").append(str(s.y())).append("]")
                            .append(color(s)).append(", linestyle=").append(s.dashed() ? "(0, (4, 2.5))" : str("-"))
                            .append(", linewidth=").append(s.dashed() ? "1.6" : "1.8")
                            .append(", zorder=").append(s.dashed() ? "2.5" : "2").append(")\n");
                    case MARKERS, LINE_MARKERS, DIAMONDS -> sb.append("h = ax.errorbar(d[").append(str(s.x())).append("], d[").append(str(s.y()))
                            .append("], yerr=").append(s.err() == null ? "None" : "errors(d, " + str(s.err()) + ")")
                            .append(", fmt=").append(str(s.style() == PlotSeries.Style.LINE_MARKERS ? "o-" : s.style() == PlotSeries.Style.DIAMONDS ? "D" : "o"))
                            .append(", linewidth=1.2, markersize=").append(String.format(Locale.ROOT, "%.2f",
                                    4.5 * (dots < 2 ? 1 : 1 + 0.4 * (dots - 1 - dot++) / (dots - 1.0))))
                            .append(", markeredgecolor=\"white\", markeredgewidth=0.6, elinewidth=1, capsize=2")
                            .append(color(s)).append(", zorder=3)\n");
                    case CROSSES -> sb.append("h, = ax.plot(d[").append(str(s.x())).append("], d[").append(str(s.y()))
                            .append("], linestyle=\"none\", marker=\"x\", markersize=7, markeredgewidth=1.8")
                            .append(color(s)).append(", zorder=4)\n");
                }
                sb.append("legend.setdefault(").append(label).append(", h)\n");
            }
            if (p.xLog()) sb.append("ax.set_xscale(\"log\")\n");
            if (p.yLog()) sb.append("ax.set_yscale(\"log\")\n");
            sb.append("ax.set_xlabel(").append(str(mathtext(p.xLabel()))).append(")\n");
            sb.append("ax.set_ylabel(").append(str(mathtext(p.yLabel()))).append(")\n");
            sb.append("ax.set_title(").append(str(mathtext(p.title()))).append(")\n");
            sb.append("ax.grid(True, which=\"major\", alpha=0.3)\n");
        }
        for (int i = figure.panels().size(); i < rows * cols; i++) {
            sb.append("axes[").append(i / cols).append("][").append(i % cols).append("].axis(\"off\")\n");
        }
        if (below) {
            // under the panels (the inline backend saves with bbox_inches="tight", so it is kept)
            sb.append("fig.legend(legend.values(), legend.keys(), loc=\"upper center\", bbox_to_anchor=(0.5, 0.0), ncol=min(len(legend), ")
                    .append(2 * cols + 1).append("), frameon=False)\n");
        } else {
            int last = rows * cols - 1;
            sb.append("axes[").append(last / cols).append("][").append(last % cols)
                    .append("].legend(legend.values(), legend.keys(), loc=\"center\", frameon=False)\n");
        }
        sb.append("plt.show()\n");
        return sb.toString();
    }

    private static String color(PlotSeries s) {
        return s.color() == null ? "" : ", color=" + str(s.color());
    }

    /**
     * Turns the project's label markup ({@code ε_g}, {@code η_{wm}}) into matplotlib mathtext
     * ({@code ε$_{g}$}), leaving the rest as it is.
     */
    public static String mathtext(String label) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char ch = label.charAt(i);
            if (ch == '$') {
                sb.append("\\$");
            } else if (ch == '_' && i + 1 < label.length()) {
                String sub;
                if (label.charAt(i + 1) == '{') {
                    int end = label.indexOf('}', i);
                    if (end < 0) end = label.length();
                    sub = label.substring(i + 2, end);
                    i = end;
                } else {
                    sub = String.valueOf(label.charAt(i + 1));
                    i++;
                }
                sb.append("$_{\\mathrm{").append(sub).append("}}$");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** A Python string literal. */
    public static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
