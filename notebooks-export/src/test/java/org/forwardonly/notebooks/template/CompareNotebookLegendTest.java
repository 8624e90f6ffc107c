package org.forwardonly.notebooks.template;

import org.forwardonly.notebooks.format.Cell;
import org.forwardonly.notebooks.format.Notebook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notebook of a {@code compare} directory at K = M = 10 (compare.csv, extrapolated.csv,
 * metrics.csv with their real column names): its code, run headless, draws ε_g of the ODE and the
 * simulation once each, and the differences in a grid of small panels with at most 12 legend
 * entries per panel.
 */
class CompareNotebookLegendTest {
    @TempDir
    Path dir;

    /** The order-parameter columns of an afa run at K = M = 10, then the derived ones. */
    private static List<String> columns(int K, int M) {
        List<String> c = new ArrayList<>(List.of("eps_g"));
        for (int k = 1; k <= K; k++) for (int l = k; l <= K; l++) c.add("Q_" + k + "_" + l);
        for (int k = 1; k <= K; k++) for (int m = 1; m <= M; m++) c.add("R_" + k + "_" + m);
        for (int k = 1; k <= K; k++) c.add("v_" + k);
        for (int k = 1; k <= K; k++) c.add("c_" + k);
        for (int m = 1; m <= M; m++) c.add("d_" + m);
        c.add("P");
        c.add("cos_v_feedback");
        c.add("c_norm");
        return c;
    }

    private static void writeCsv(Path file, List<String> header, int rows) throws IOException {
        StringBuilder sb = new StringBuilder("t");
        for (String h : header) sb.append(',').append(h);
        sb.append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? 0.0 : Math.pow(10, -1 + 3.0 * i / rows));
            for (int j = 0; j < header.size(); j++) sb.append(',').append(String.format(Locale.ROOT, "%.6f", 0.5 + 0.01 * ((i * 7
                    + j * 3) % 11)));
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    private void writeCompareDirectory() throws IOException {
        List<String> base = columns(10, 10);
        List<String> cmp = new ArrayList<>(), ext = new ArrayList<>(), met = new ArrayList<>(base);
        for (String b : base) {
            cmp.addAll(List.of(b + "_ode", b + "_sim", b + "_sim_se", b + "_diff_se"));
            ext.addAll(List.of(b + "_diff_extrapolated", b + "_diff_extrapolated_se",
                    b + "_diff_aligned_extrapolated", b + "_diff_aligned_extrapolated_se"));
        }
        for (String b : base) met.add(b + "_se");
        writeCsv(dir.resolve("compare.csv"), cmp, 12);
        writeCsv(dir.resolve("extrapolated.csv"), ext, 12);
        writeCsv(dir.resolve("metrics.csv"), met, 12);
        Files.writeString(dir.resolve("config.json"), "{\"command\": \"pepita compare c.json --out x\"}\n");
    }

    /** Counts, for every figure left open after {@code code}, the legend entries of each axes and figure legend. */
    private static final String COUNT = """

            import matplotlib.pyplot as _plt
            for _n in _plt.get_fignums():
                _fig = _plt.figure(_n)
                for _leg in [a.get_legend() for a in _fig.axes] + list(_fig.legends):
                    if _leg is not None:
                        print("LEGEND", _n, len(_leg.get_texts()))
                print("PANELS", _n, sum(1 for a in _fig.axes if a.get_visible()))
            """;

    /** Runs Python code headless (Agg: plt.show() keeps the figures open); its output, or null when it cannot run here. */
    private String run(String code) throws Exception {
        Path script = dir.resolve("check.py");
        Files.writeString(script, "import matplotlib\nmatplotlib.use(\"Agg\")\n" + code + COUNT);
        NotebookExecution.Result r = NotebookExecution.run(List.of("bash", "-c",
                "cd '" + dir + "' && " + NotebookExecution.PYTHON + " check.py"), Duration.ofMinutes(5));
        assertEquals(0, r.exitCode(), r.output());
        return r.output();
    }

    private void assumeMatplotlib() throws Exception {
        String why = NotebookExecution.unavailableReason();
        if ("1".equals(System.getenv("PEPITA_REQUIRE_NOTEBOOKS"))) assertEquals(null, why);
        Assumptions.assumeTrue(why == null, "skipped: " + why);
    }

    private static int maxLegend(String output) {
        return output.lines().filter(l -> l.startsWith("LEGEND")).mapToInt(l -> Integer.parseInt(l.split(" ")[2])).max().orElse(0);
    }

    @Test
    void compareNotebookPanelsHaveAtMostTwelveLegendEntries() throws Exception {
        assumeMatplotlib();
        writeCompareDirectory();
        Notebook nb = DirectoryNotebook.build(dir, "x");
        StringBuilder code = new StringBuilder();
        for (Cell c : nb.cells()) if (c.kind() == Cell.Kind.CODE) code.append(c.source()).append('\n');
        String all = code.toString();
        // ε_g: the ODE and the simulation once each (compare's metrics.csv is that same simulation)
        assertEquals(1, all.split("\"eps_g_ode\"", -1).length - 1, all);
        assertTrue(!all.contains("d[\"eps_g\"]"), "metrics.csv's simulation is not drawn a second time");
        String out = run(all);
        int max = maxLegend(out);
        assertTrue(max <= DirectoryNotebook.MAX_LEGEND, "a panel has " + max + " legend entries:\n" + out);
        // the grids: one panel per family (eps_g, Q, R, v, c, d, P, cos_v_feedback, c_norm) for each of the two tables
        long gridPanels = out.lines().filter(l -> l.startsWith("PANELS") && Integer.parseInt(l.split(" ")[2]) == 9).count();
        assertEquals(2, gridPanels, out);
    }

    /** The count can say no: a panel with 13 labelled curves is counted as 13. */
    @Test
    void theCountSeesAnOverfullLegend() throws Exception {
        assumeMatplotlib();
        String out = run("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\n"
                + "for i in range(13):\n    ax.plot([0, 1], [i, i], label=str(i))\nax.legend()\n");
        assertEquals(13, maxLegend(out), out);
    }
}
