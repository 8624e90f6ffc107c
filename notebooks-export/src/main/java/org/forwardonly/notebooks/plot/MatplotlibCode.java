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

    /** A cell that draws the figure from {@code data}. */
    public static String draw(PlotFigure figure) {
        StringBuilder sb = new StringBuilder();
        int rows = figure.rows(), cols = Math.min(figure.columns(), Math.max(1, figure.panels().size()));
        sb.append(String.format(Locale.ROOT,
                "fig, axes = plt.subplots(%d, %d, figsize=(%.1f, %.1f), squeeze=False, constrained_layout=True)%n",
                rows, cols, 5.2 * cols, 4.0 * rows));
        sb.append("fig.suptitle(").append(str(mathtext(figure.title()))).append(")\n");
        for (int i = 0; i < figure.panels().size(); i++) {
            PlotPanel p = figure.panels().get(i);
            sb.append("\n# panel ").append(i + 1).append(": ").append(p.title()).append('\n');
            sb.append("ax = axes[").append(i / cols).append("][").append(i % cols).append("]\n");
            for (PlotSeries s : p.series()) {
                sb.append("d = data[").append(str(s.csv())).append("]\n");
                if (s.style() == PlotSeries.Style.LINE) {
                    sb.append("ax.plot(d[").append(str(s.x())).append("], d[").append(str(s.y())).append("]")
                            .append(color(s)).append(", linestyle=").append(str(s.dashed() ? "--" : "-"))
                            .append(", linewidth=1.8, label=").append(str(mathtext(s.label()))).append(")\n");
                } else {
                    sb.append("ax.errorbar(d[").append(str(s.x())).append("], d[").append(str(s.y())).append("], yerr=")
                            .append(s.err() == null ? "None" : "d[" + str(s.err()) + "]")
                            .append(", fmt=\"o\", markersize=4.5, markeredgecolor=\"white\", markeredgewidth=0.6, elinewidth=1, capsize=2")
                            .append(color(s)).append(", label=").append(str(mathtext(s.label()))).append(", zorder=3)\n");
                }
            }
            if (p.xLog()) sb.append("ax.set_xscale(\"log\")\n");
            if (p.yLog()) sb.append("ax.set_yscale(\"log\")\n");
            sb.append("ax.set_xlabel(").append(str(mathtext(p.xLabel()))).append(")\n");
            sb.append("ax.set_ylabel(").append(str(mathtext(p.yLabel()))).append(")\n");
            sb.append("ax.set_title(").append(str(mathtext(p.title()))).append(")\n");
            sb.append("ax.grid(True, which=\"major\", alpha=0.3)\n");
            sb.append("ax.legend(fontsize=\"small\", framealpha=0.8)\n");
        }
        for (int i = figure.panels().size(); i < rows * cols; i++) {
            sb.append("axes[").append(i / cols).append("][").append(i % cols).append("].axis(\"off\")\n");
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
