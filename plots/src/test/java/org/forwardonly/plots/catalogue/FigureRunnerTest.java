package org.forwardonly.plots.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.forwardonly.notebooks.plot.PlotFigure;
import org.forwardonly.notebooks.plot.PlotPanel;
import org.forwardonly.notebooks.plot.PlotSeries;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The layout of a figure directory, on a figure whose data are made up (no engine runs). */
class FigureRunnerTest {

    @TempDir
    Path tmp;

    /** A figure that computes y = 1/(1+t) without running an engine; fails on demand. */
    static final class Fake implements FigureDefinition {
        final boolean fail;

        Fake(boolean fail) {
            this.fail = fail;
        }

        public String name() { return "fake"; }
        public String title() { return "Fake figure"; }
        public String description() { return "A made-up curve."; }

        public Map<String, ExperimentConfig> configs(FigureSize size) {
            return Map.of("bp_ode", ConfigParser.parse("{\"rule\":\"bp\",\"K\":1,\"M\":1,\"N\":10,\"tMax\":1}"));
        }

        public FigureData compute(Map<String, ExperimentConfig> configs, FigureEngines engines) {
            if (fail) throw new IllegalStateException("made to fail");
            double[] t = {0, 1, 10, 100}, y = new double[4];
            for (int i = 0; i < 4; i++) y[i] = 1 / (1 + t[i]);
            Map<String, DataTable> tables = new LinkedHashMap<>();
            Map<String, double[]> columns = new LinkedHashMap<>();
            columns.put("t", t);
            columns.put("eps_g", y);
            tables.put("curve", new DataTable(columns));
            PlotFigure plot = new PlotFigure(title(), 1, List.of(new PlotPanel("", "t", "ε_g", true, true, List.of(
                    new PlotSeries("data/curve.csv", "t", "eps_g", null, "curve", "#000000", PlotSeries.Style.LINE, false)))));
            return new FigureData(tables, plot, List.of("nothing"));
        }
    }

    private FigureRunner runner() {
        return new FigureRunner(new FigureEngines(1, new WorkMeter(d -> { })), "test", "pepita figure fake --out X");
    }

    @Test
    void writesFiguresDataConfigsAndANotebookThatReadsThem() throws Exception {
        Path out = tmp.resolve("fig");
        runner().run(new Fake(false), FigureSize.QUICK, out);
        for (String f : new String[] {"fake.png", "fake.svg", "fake.pdf", "fake.ipynb", "data/curve.csv", "configs/bp_ode.json",
                "command.txt", "figure.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertNotNull(ImageIO.read(out.resolve("fake.png").toFile()));
        JsonNode cfg = new ObjectMapper().readTree(out.resolve("configs/bp_ode.json").toFile());
        assertEquals("bp", cfg.get("config").get("rule").asText());
        assertEquals("pepita figure fake --out X", cfg.get("command").asText());
        String nb = Files.readString(out.resolve("fake.ipynb"));
        assertTrue(nb.contains("pd.read_csv(\\\"data/curve.csv\\\")"), "the notebook loads the CSV by its relative path");
        assertTrue(nb.contains("pepita figure fake --out X"), "and shows the command");
        assertEquals(List.of("t,eps_g", "0.0,1.0"), Files.readAllLines(out.resolve("data/curve.csv")).subList(0, 2));
        // the lock of DIR is held until the command returns (docs/reliability.md); this test is the command
        OutputDirectory.releaseLocks();
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "no staging directory or lock file left behind");
        }
    }

    @Test
    void aFailedFigureLeavesNothingBehind() {
        Path out = tmp.resolve("fig");
        assertThrows(IllegalStateException.class, () -> runner().run(new Fake(true), FigureSize.QUICK, out));
        assertFalse(Files.exists(out));
        assertEquals(0, tmp.toFile().list().length);
    }

    @Test
    void rerunningReplacesTheFiguresFiles() throws Exception {
        Path out = tmp.resolve("fig");
        runner().run(new Fake(false), FigureSize.QUICK, out);
        Files.writeString(out.resolve("mine.txt"), "kept");
        runner().run(new Fake(false), FigureSize.QUICK, out);
        assertTrue(Files.isRegularFile(out.resolve("fake.png")));
        assertEquals("kept", Files.readString(out.resolve("mine.txt")), "files that are not the figure's are left alone");
    }
}
