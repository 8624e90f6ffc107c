package org.forwardonly.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pepita simulate} and {@code pepita compare} driven in-process. */
class SimulateCommandTest {
    @TempDir
    Path tmp;

    private Path config(String json) throws Exception {
        Path f = Files.createTempFile(tmp, "config", ".json");
        Files.writeString(f, json);
        return f;
    }

    private static final String SMALL = "{\"rule\":\"pepita\",\"K\":2,\"M\":2,\"N\":200,\"seeds\":3,\"tMax\":2,\"nTimes\":6,"
            + "\"testSize\":100,\"sigma\":0.1}";

    @Test
    void writesSeedMeansWithStandardErrorsAndASelfDescribingConfig() throws Exception {
        Path out = tmp.resolve("sim");
        OdeCommandTest.Run r = OdeCommandTest.run("simulate", config(SMALL).toString(), "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        Trajectory t = TrajectoryCsv.read(out.resolve("metrics.csv"));
        // the ODE's columns first, then the simulation's own, then the standard errors
        List<String> ode = List.of("eps_g", "Q_1_1", "Q_1_2", "Q_2_2", "R_1_1", "R_1_2", "R_2_1", "R_2_2", "v_1", "v_2",
                "c_1", "c_2", "d_1", "d_2", "P");
        assertEquals(ode, t.columns().subList(0, ode.size()));
        assertEquals(List.of("eps_test", "cos_v_feedback", "c_norm", "eps_g_se"), t.columns().subList(ode.size(), ode.size() + 4));
        assertEquals(2 * (ode.size() + 3), t.columns().size());
        assertEquals(0.0, t.times()[0]);
        assertEquals(2.0, t.times()[t.size() - 1]);
        assertTrue(t.rows()[3][t.indexOf("eps_g_se")] > 0, "3 seeds give a standard error");
        JsonNode json = ConfigParser.mapper().readTree(out.resolve("config.json").toFile());
        assertEquals("[0,1,2]", json.get("seeds").toString());
        assertTrue(json.get("command").asText().startsWith("pepita simulate "), json.get("command").asText());
        assertEquals(3, ConfigParser.parse(json.get("config")).seeds());
    }

    @Test
    void outputIsByteIdenticalForAnyThreadCount() throws Exception {
        Path cfg = config(SMALL);
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertEquals(0, OdeCommandTest.run("simulate", cfg.toString(), "--out", a.toString(), "--threads", "1").exit());
        assertEquals(0, OdeCommandTest.run("simulate", cfg.toString(), "--out", b.toString(), "--threads", "3").exit());
        assertArrayEquals(Files.readAllBytes(a.resolve("metrics.csv")), Files.readAllBytes(b.resolve("metrics.csv")));
    }

    @Test
    void perSeedIsTheLongFormOfEverySeedWhoseMeanIsMetricsAndIsByteIdenticalForAnyThreadCount() throws Exception {
        Path cfg = config(SMALL);
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        assertEquals(0, OdeCommandTest.run("simulate", cfg.toString(), "--out", a.toString(), "--threads", "1",
                "--no-progress", "--per-seed").exit());
        assertEquals(0, OdeCommandTest.run("simulate", cfg.toString(), "--out", b.toString(), "--threads", "3",
                "--no-progress", "--per-seed").exit());
        assertArrayEquals(Files.readAllBytes(a.resolve("per_seed.csv")), Files.readAllBytes(b.resolve("per_seed.csv")));
        List<String> lines = Files.readAllLines(a.resolve("per_seed.csv"));
        Trajectory means = TrajectoryCsv.read(a.resolve("metrics.csv"));
        int C = means.columns().size() / 2;  // the means, then their _se
        assertEquals("seed,t," + String.join(",", means.columns().subList(0, C)), lines.get(0));
        assertEquals(1 + 3 * means.size(), lines.size(), "one row per seed (3) and time");
        // seed s's rows are lines 1 + s*T .. ; their mean over seeds is metrics.csv's mean exactly: both
        // files hold shortest round-trip decimals, and SeedStatistics sums the same three doubles in seed
        // order and divides by 3, as done here
        for (int i = 0; i < means.size(); i++) {
            for (int j = 0; j < C; j++) {
                double sum = 0;
                for (int s = 0; s < 3; s++) {
                    String[] cells = lines.get(1 + s * means.size() + i).split(",");
                    assertEquals(String.valueOf(s), cells[0]);
                    assertEquals(means.times()[i], Double.parseDouble(cells[1]));
                    sum += Double.parseDouble(cells[2 + j]);
                }
                double mean = means.rows()[i][j];
                assertEquals(mean, sum / 3, 0.0, means.columns().get(j) + " at row " + i);
            }
        }
        // without --per-seed, a rerun into the same directory (--overwrite) leaves no stale per_seed.csv
        assertEquals(0, OdeCommandTest.run("simulate", cfg.toString(), "--out", a.toString(), "--no-progress", "--overwrite").exit());
        assertFalse(Files.exists(a.resolve("per_seed.csv")));
    }

    @Test
    void withoutTestSizeThereIsNoEpsTestColumnRatherThanANaNOne() throws Exception {
        Path out = tmp.resolve("notest");
        String json = "{\"rule\":\"bp\",\"K\":2,\"M\":2,\"N\":200,\"seeds\":2,\"tMax\":1,\"nTimes\":3}";
        assertEquals(0, OdeCommandTest.run("simulate", config(json).toString(), "--out", out.toString(), "--no-progress").exit());
        Trajectory t = TrajectoryCsv.read(out.resolve("metrics.csv"));
        assertFalse(t.columns().contains("eps_test") || t.columns().contains("eps_test_se"), t.columns().toString());
        assertTrue(t.columns().contains("cos_v_feedback"));
        for (double[] row : t.rows()) for (double x : row) assertTrue(Double.isFinite(x), t.columns() + " has a non-finite value");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "simulate|{\"rule\":\"bp\",\"K\":2}|missing key 'M'",
            "simulate|{\"rule\":\"bp\",\"K\":2,\"M\":2,\"alignF\":2}|key 'alignF'",
            "simulate|{\"rule\":\"bp\",\"K\":2,\"M\":2,\"init\":{\"Q\":[[1,0],[0,1]],\"R\":[[0,0],[0,0]],\"T\":[[1,0],[0,1]],\"v\":[1,1],\"vStar\":[1,1]}}|key 'init'",
            "simulate|{\"rule\":\"bp\",\"K\":2,\"M\":2,\"mirroring\":{}}|key 'mirroring'",
            "simulate|{\"rule\":\"bp\",\"K\":4,\"M\":4,\"N\":2000000000}|key 'N'",
            "compare|{\"rule\":\"bp\",\"K\":2,\"M\":2,\"N\":100}|key 'seeds'",
            "compare|{\"rule\":\"pepita\",\"K\":4,\"M\":4,\"N\":100,\"seeds\":2,\"quadraturePoints\":40,\"averaging\":{\"method\":\"tensor\"}}|key 'quadraturePoints'",
            "compare|{\"rule\":\"bp\",\"activation\":\"relu\",\"K\":2,\"M\":2,\"N\":100,\"seeds\":2,\"odeEngine\":\"closedForm\"}|key 'odeEngine'"})
    void badInputIsOneLineExitTwoAndWritesNothing(String command, String json, String expected) throws Exception {
        Path out = tmp.resolve("never");
        OdeCommandTest.Run r = OdeCommandTest.run(command, config(json).toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("pepita " + command + ": ") && r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aDivergingSimulationStopsWithExitThreeAndWritesNothing() throws Exception {
        Path out = tmp.resolve("div");
        String json = "{\"rule\":\"bp\",\"activation\":\"linear\",\"K\":2,\"M\":2,\"N\":300,\"eta\":50,\"etaV\":50,"
                + "\"tMax\":5,\"nTimes\":4}";
        OdeCommandTest.Run r = OdeCommandTest.run("simulate", config(json).toString(), "--out", out.toString(), "--no-progress");
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().startsWith("pepita simulate: the simulation diverged: ") && r.err().contains("epsGBound"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void compareWritesTheTableAndAVerdict() throws Exception {
        Path out = tmp.resolve("cmp");
        String json = "{\"rule\":\"fa\",\"K\":2,\"M\":2,\"N\":300,\"seeds\":4,\"tMax\":3,\"nTimes\":6,\"sigma\":0.1}";
        OdeCommandTest.Run r = OdeCommandTest.run("compare", config(json).toString(), "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        Trajectory t = TrajectoryCsv.read(out.resolve("compare.csv"));
        assertEquals(List.of("eps_g_ode", "eps_g_sim", "eps_g_sim_se", "eps_g_diff_se", "Q_1_1_ode"), t.columns().subList(0, 5));
        // both start from the seeds' own draws: identical at t = 0
        assertEquals(t.rows()[0][0], t.rows()[0][1], 1e-12);
        List<String> lines = Files.readAllLines(out.resolve("agreement.txt"));
        String verdict = lines.get(lines.size() - 1);
        assertTrue(verdict.startsWith("AGREE: ") || verdict.startsWith("DISAGREE: "), verdict);
        assertTrue(r.out().strip().endsWith(verdict), r.out());
        assertTrue(Files.exists(out.resolve("metrics.csv")) && Files.exists(out.resolve("config.json")));
    }
}
