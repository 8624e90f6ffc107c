package org.forwardonly.cli.serve;

import org.forwardonly.notebooks.format.Cell;
import org.forwardonly.notebooks.format.Notebook;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notebook of the explorer's view at K = M = 10 (sets A and B, A's simulation, pepita ode's real column
 * names): its code, run headless, draws the nine panels with at most {@link ExplorerNotebook#LIST_MAX} legend
 * entries per panel (issue 28: about 100 before) and no matplotlib warning. Without python3 and matplotlib it
 * skips, unless {@code PEPITA_REQUIRE_NOTEBOOKS=1} (CI), where it fails.
 */
class ExplorerNotebookTest {
    static final String PYTHON = System.getProperty("pepita.python", "/usr/bin/python3");

    @TempDir
    Path dir;

    private static List<String> columns(int K, int M, boolean sim) {
        List<String> c = new ArrayList<>(List.of("eps_g"));
        for (int k = 1; k <= K; k++) for (int l = k; l <= K; l++) c.add("Q_" + k + "_" + l);
        for (int k = 1; k <= K; k++) for (int m = 1; m <= M; m++) c.add("R_" + k + "_" + m);
        for (int k = 1; k <= K; k++) c.add("v_" + k);
        for (int k = 1; k <= K; k++) c.add("c_" + k);
        for (int m = 1; m <= M; m++) c.add("d_" + m);
        c.addAll(List.of("P", "cos_v_feedback", "c_norm"));
        if (sim) for (String s : new ArrayList<>(c)) c.add(s + "_se");
        return c;
    }

    private static String csv(List<String> header, int rows) {
        StringBuilder sb = new StringBuilder("t");
        for (String h : header) sb.append(',').append(h);
        sb.append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "0.0" : String.format(Locale.ROOT, "%.6g", Math.pow(10, -2 + 4.0 * i / rows)));
            for (int j = 0; j < header.size(); j++) {
                sb.append(',').append(String.format(Locale.ROOT, "%.6f", 0.1 + 0.5 * Math.exp(-0.1 * i) + 0.01 * (j % 13)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static final String COUNT = """

            import matplotlib.pyplot as _plt
            _fig = _plt.figure(_plt.get_fignums()[-1])
            for _a in _fig.axes:
                _leg = _a.get_legend()
                print("LEGEND", _a.get_title() or _a.get_ylabel(), 0 if _leg is None else len(_leg.get_texts()))
            print("PANELS", sum(1 for a in _fig.axes if a.get_visible() and a.axison and a.get_title()))
            _fig.savefig("view.png", dpi=60)
            """;

    @Test
    void theViewAtKEquals10DrawsWithSmallLegends() throws Exception {
        String why = null;
        if (!Files.isExecutable(Path.of(PYTHON))) why = PYTHON + " is missing";
        else {
            Process p = new ProcessBuilder(PYTHON, "-c", "import pandas, matplotlib").redirectErrorStream(true).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) why = "no pandas and matplotlib for " + PYTHON;
        }
        if ("1".equals(System.getenv("PEPITA_REQUIRE_NOTEBOOKS"))) assertEquals(null, why);
        Assumptions.assumeTrue(why == null, "skipped: " + why);

        var mapper = ConfigParser.mapper();
        var request = mapper.createObjectNode();
        var curves = request.putArray("curves");
        for (String[] c : new String[][] {{"A", "ode"}, {"B", "ode"}, {"simA", "simulation"}}) {
            var o = curves.addObject();
            o.put("name", c[0]);
            o.put("kind", c[1]);
            o.set("config", mapper.readTree("{\"rule\": \"afa\", \"K\": 10, \"M\": 10}"));
            o.put("csv", csv(columns(10, 10, c[1].equals("simulation")), 30));
        }
        Notebook nb = ExplorerNotebook.build(request);
        StringBuilder code = new StringBuilder("import warnings\nwarnings.simplefilter(\"error\")\nimport matplotlib\nmatplotlib.use(\"Agg\")\n");
        for (Cell c : nb.cells()) if (c.kind() == Cell.Kind.CODE) code.append(c.source()).append('\n');
        code.append("_plt_fig = None\n").append(COUNT);
        Path script = dir.resolve("view.py");
        Files.writeString(script, code);
        Process p = new ProcessBuilder(PYTHON, script.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "python ended");
        // warnings are errors above: "constrained_layout not applied" (a legend too big for the figure) fails here
        assertEquals(0, p.exitValue(), out);
        int max = out.lines().filter(l -> l.startsWith("LEGEND")).mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1)))
                .max().orElse(-1);
        assertTrue(max >= 2 && max <= ExplorerNotebook.LIST_MAX, "legend entries per panel: " + max + "\n" + out);
        assertTrue(out.contains("PANELS 9"), "the nine panels of the page:\n" + out);
        Files.createDirectories(Path.of("target"));
        Files.copy(dir.resolve("view.png"), Path.of("target", "explorer-notebook.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
