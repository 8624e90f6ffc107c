package org.forwardonly.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.notebooks.format.Cell;
import org.forwardonly.notebooks.format.Notebook;
import org.forwardonly.notebooks.plot.MatplotlibCode;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notebook of what the explorer shows: each curve's config and CSV inline (so the one file
 * is enough), and the page's panels (ε_g on log axes, then Q, R, v, c, d, P, cos∠(v, b), |c|) redrawn with
 * matplotlib, legends beside the panels (a colour bar for more than {@value #LIST_MAX} columns).
 * Input: {@code {"curves": [{"name", "kind": "ode"|"simulation", "config": {...}, "csv": "t,..."}]}}.
 */
final class ExplorerNotebook {
    private ExplorerNotebook() {}

    /** Builds the notebook; {@link ConfigException} for a malformed request. */
    static Notebook build(JsonNode request) {
        JsonNode curves = request == null ? null : request.get("curves");
        if (curves == null || !curves.isArray() || curves.isEmpty()) {
            throw new ConfigException("notebook request: 'curves' must be a non-empty array of {name, kind, config, csv}");
        }
        Map<String, String> csvs = new LinkedHashMap<>();
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
            kinds.add(kind);
            configs.append("\n**").append(name).append("** (").append(kind).append("):\n\n```json\n")
                    .append(ConfigParser.pretty(ConfigParser.toJson(resolved))).append("```\n");
        }
        StringBuilder load = new StringBuilder("import io\n# each curve's CSV, as the page received it\ndata = {\n");
        csvs.forEach((k, v) -> load.append("    ").append(MatplotlibCode.str(k)).append(": pd.read_csv(io.StringIO(")
                .append(MatplotlibCode.str(v)).append(")),\n"));
        load.append("}\n");
        // t = 0 cannot sit on a log axis: drop it, as the page does
        load.append("data = {k: d[d[\"t\"] > 0] for k, d in data.items()}\n");
        StringBuilder kindsPy = new StringBuilder("kinds = {");
        for (int i = 0; i < kinds.size(); i++) {
            String key = new ArrayList<>(csvs.keySet()).get(i);
            kindsPy.append(i == 0 ? "" : ", ").append(MatplotlibCode.str(key)).append(": ").append(MatplotlibCode.str(kinds.get(i)));
        }
        kindsPy.append("}\n");
        return new Notebook(List.of(
                Cell.markdown("# pepita serve: the explorer's view\n\n" + configs),
                Cell.code(MatplotlibCode.imports()),
                Cell.code(load.toString()),
                Cell.code(kindsPy + DRAW)));
    }

    /**
     * The page's panels in matplotlib, drawn as the page draws them: one colour per column (a palette entry
     * each up to {@value #LIST_MAX} columns, a viridis scale with a colour bar beyond, so that K = M = 10 has
     * no 100-entry legend), set A solid, B dashed, simulations as markers (filled for A, open for B); each
     * panel's legend beside it, and the line styles once above the panels.
     */
    static final int LIST_MAX = 8;

    private static final String DRAW = """
            import re
            import matplotlib.lines as mlines
            from matplotlib import cm, colors as mcolors

            PANELS = [  # title, the columns it draws (a regular expression), log y
                ("ε_g, generalisation error", r"eps_g", True),
                ("Q (student-student)", r"Q_\\d+_\\d+", False),
                ("R (student-teacher)", r"R_\\d+_\\d+", False),
                ("v (second layer)", r"v_\\d+", False),
                ("c (student-feedback)", r"c_\\d+", False),
                ("d (teacher-feedback)", r"d_\\d+", False),
                ("P = |F|²", r"P", False),
                ("cos∠(v, b), alignment", r"cos_v_feedback", False),
                ("|c|", r"c_norm", False),
            ]
            LIST_MAX = %d
            PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
            shown = []
            for title, pattern, logy in PANELS:
                cols = []
                for d in data.values():
                    cols += [c for c in d.columns if re.fullmatch(pattern, c) and c not in cols]
                if cols:
                    shown.append((title, cols, logy))
            ncols = 3
            nrows = (len(shown) + ncols - 1) // ncols
            fig, axes = plt.subplots(nrows, ncols, figsize=(5.0 * ncols, 3.3 * nrows), squeeze=False, constrained_layout=True)
            for ax in axes.flat[len(shown):]:
                ax.axis("off")
            styles = {}  # the line styles of the view, one legend above the panels
            for ax, (title, cols, logy) in zip(axes.flat, shown):
                few = len(cols) <= LIST_MAX
                # the scale stops short of viridis' palest yellow, as on the page
                color = {c: PALETTE[i] if few else cm.viridis(0.88 * i / (len(cols) - 1)) for i, c in enumerate(cols)}
                for name, d in data.items():
                    sim, b = kinds[name] == "simulation", name.startswith("B") or name.startswith("simB")
                    for c in cols:
                        if c not in d.columns:
                            continue
                        if sim:
                            ax.plot(d["t"], d[c], "o", markersize=3, color=color[c], markerfacecolor="white" if b else color[c])
                        else:
                            ax.plot(d["t"], d[c], "--" if b else "-", color=color[c], linewidth=1.6 if few else 1.0)
                    label = ("B" if b else "A") + (": simulation" if sim else ": ODE")
                    styles[label] = mlines.Line2D([], [], color="#333", linestyle="none" if sim else ("--" if b else "-"),
                                                  marker="o" if sim else None, markerfacecolor="white" if sim and b else "#333")
                ax.set_xscale("log")
                if logy:
                    ax.set_yscale("log")
                ax.set_title(title)
                ax.set_xlabel("t")
                ax.grid(True, alpha=0.3)
                if few and len(cols) > 1:
                    handles = [mlines.Line2D([], [], color=color[c], label=c) for c in cols]
                    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
                elif not few:
                    bar = fig.colorbar(cm.ScalarMappable(mcolors.Normalize(0, 0.88), cm.viridis), ax=ax, ticks=[0, 0.88])
                    bar.ax.set_yticklabels([cols[0], cols[-1]], fontsize=7)
                    bar.set_label(f"{len(cols)} columns, in header order", fontsize=7)
            # the line styles beside the ε_g panel (one column, so its side is free); a figure legend would be
            # left out of constrained_layout by matplotlib 3.6
            axes.flat[0].legend(styles.values(), styles.keys(), loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7,
                                frameon=False)
            plt.show()
            """.formatted(LIST_MAX);

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) throw new ConfigException("notebook request: every curve needs a text '" + key + "'");
        return v.asText();
    }
}
