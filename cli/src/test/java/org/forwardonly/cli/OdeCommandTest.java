package org.forwardonly.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pepita ode} driven in-process, as tools and checks drive it. */
class OdeCommandTest {
    static final Path REFERENCE = Path.of("..", "reference");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) { }

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = PepitaCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Path config(String json) throws Exception {
        Path f = Files.createTempFile(tmp, "config", ".json");
        Files.writeString(f, json);
        return f;
    }

    /**
     * An integrator's failure is not a divergence: bp at η = 50 from the seed-0 draw. dp853's first trial step of
     * 0.01 leaves the domain of the averages (a NaN right-hand side, which Hipparchus throws on); the run used to
     * stop at t = 0 with exit 3 "diverged". It now restarts with smaller first steps and integrates to the
     * Euler dt = 5e-4 result (0.08650 at t = 50; the N = 2000 simulation converges too). Tolerance 2 %: Euler's
     * own truncation error at dt = 5e-4 (first order, ~η dt relative) is about that size at η = 50.
     */
    @Test
    void anAdaptiveStepThatLeavesTheDomainIsRetriedNotCalledADivergence() throws Exception {
        String json = "{\"rule\":\"bp\",\"K\":2,\"M\":2,\"eta\":50,\"tMax\":50}";
        Run adaptive = run("ode", config(json).toString(), "--out", tmp.resolve("dp853").toString(), "--no-progress");
        assertEquals(0, adaptive.exit(), adaptive.err());
        Run euler = run("ode", config(json.replace("}", ",\"integrator\":\"euler\",\"dt\":5e-4}")).toString(),
                "--out", tmp.resolve("euler").toString(), "--no-progress");
        assertEquals(0, euler.exit(), euler.err());
        double[] a = TrajectoryCsv.read(tmp.resolve("dp853/metrics.csv")).column("eps_g");
        double[] e = TrajectoryCsv.read(tmp.resolve("euler/metrics.csv")).column("eps_g");
        assertEquals(e[e.length - 1], a[a.length - 1], 0.02 * e[e.length - 1], "final eps_g against Euler dt = 5e-4");
    }

    @Test
    void writesMetricsAndSelfDescribingConfig() throws Exception {
        Path out = tmp.resolve("k2m2");
        Run r = run("ode", REFERENCE.resolve("bp_k2m2.json").toString(), "--out", out.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals("t,eps_g,Q_1_1,Q_1_2,Q_2_2,R_1_1,R_1_2,R_2_1,R_2_2,v_1,v_2,cos_v_feedback", lines.get(0));
        // eps_g against the independent implementation's curve of the same config (reference/bp_k2m2_eps.csv,
        // 6 significant digits, so rounding <= 5e-7; tolerance 1e-6): equal at t = 0; at t = 100, between its
        // samples at t = 99.18 and 101.47, where it decreases by 9e-6
        Trajectory reference = TrajectoryCsv.read(REFERENCE.resolve("bp_k2m2_eps.csv"));
        double[] refT = reference.times(), refEps = reference.column("eps_g");
        String[] first = lines.get(1).split(","), last = lines.get(lines.size() - 1).split(",");
        assertEquals(0.0, Double.parseDouble(first[0]));
        assertEquals(refEps[0], Double.parseDouble(first[1]), 1e-6);
        assertEquals(100.0, Double.parseDouble(last[0]));
        int after = 0;
        while (refT[after] < 100) after++;
        double eps100 = Double.parseDouble(last[1]);
        assertTrue(eps100 <= refEps[after - 1] + 1e-6 && eps100 >= refEps[after] - 1e-6,
                "eps_g(100) = " + eps100 + " outside the reference's [" + refEps[after] + ", " + refEps[after - 1] + "]");
        JsonNode json = ConfigParser.mapper().readTree(out.resolve("config.json").toFile());
        assertEquals(Version.get(), json.get("version").asText());
        // the build's commit: the tests run from a git checkout (CI clones one), so a SHA, not "unknown"
        String commit = json.get("commit").asText();
        assertTrue(commit.matches(Files.exists(Path.of("..", ".git")) ? "[0-9a-f]{40}(-dirty)?" : "[0-9a-f]{40}(-dirty)?|unknown"), commit);
        assertEquals(0, json.get("seed").asLong());
        assertTrue(json.get("command").asText().startsWith("pepita ode "), json.get("command").asText());
        // the resolved config reads back to the same config
        assertEquals(ConfigParser.pretty(ConfigParser.toJson(ConfigParser.read(REFERENCE.resolve("bp_k2m2.json")))),
                ConfigParser.pretty(ConfigParser.toJson(ConfigParser.parse(json.get("config")))));
        assertEquals("", r.err());
    }

    @Test
    void sameConfigAndSeedGiveByteIdenticalMetrics() throws Exception {
        String json = "{\"rule\":\"afa\",\"K\":2,\"M\":2,\"N\":400,\"sigmaF\":0.5,\"eta\":1,\"tMax\":20,\"nTimes\":30,\"seed\":%d}";
        Path cfg7 = config(String.format(json, 7));
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
        assertEquals(0, run("ode", cfg7.toString(), "--out", a.toString()).exit());
        assertEquals(0, run("ode", cfg7.toString(), "--out", b.toString()).exit());
        assertEquals(0, run("ode", config(String.format(json, 8)).toString(), "--out", c.toString()).exit());
        byte[] ma = Files.readAllBytes(a.resolve("metrics.csv"));
        assertArrayEquals(ma, Files.readAllBytes(b.resolve("metrics.csv")));
        assertFalse(java.util.Arrays.equals(ma, Files.readAllBytes(c.resolve("metrics.csv"))), "the seed changes the draw");
        assertTrue(new String(ma).startsWith("t,eps_g,Q_1_1,Q_1_2,Q_2_2,R_1_1,R_1_2,R_2_1,R_2_2,v_1,v_2,c_1,c_2,d_1,d_2,P,cos_v_feedback,c_norm\n"));
    }

    static final String INIT_OK = "\"Q\":[[1,0.1],[0.1,1]],\"R\":[[0.1,0],[0,0.1]],\"T\":[[1,0],[0,1]],\"v\":[0.5,0.5],\"vStar\":[1,1]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key       | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"etta\":1}                  | 'etta'",
            "missing key       | {\"K\":2,\"M\":2}                                             | 'rule'",
            "K < 1             | {\"rule\":\"bp\",\"K\":0,\"M\":2}                             | 'K'",
            "negative rate     | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"eta\":-0.5}               | 'eta'",
            "non-finite rate   | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"etaV\":1e999}             | 'etaV'",
            "bad integrator    | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"integrator\":\"rk45\"}     | 'integrator'",
            "grid too large    | {\"rule\":\"pepita\",\"K\":4,\"M\":4,\"quadraturePoints\":30,\"averaging\":{\"method\":\"tensor\"}}  | "
                    + "'quadraturePoints'",
            "bad odeEngine     | {\"rule\":\"ff\",\"K\":2,\"M\":2,\"odeEngine\":\"fast\"}        | 'odeEngine'",
            "relu closed form  | {\"rule\":\"bp\",\"activation\":\"relu\",\"K\":2,\"M\":2,\"odeEngine\":\"closedForm\"} | 'odeEngine'",
            "mirroring on bp   | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"mirroring\":{}}             | 'mirroring'",
            "non-symmetric Q   | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"init\":{\"Q\":[[1,0.1],[0.2,1]],\"R\":[[0,0],[0,0]],\"T\":[[1,0],[0,1]],\"v\":[1,1],\"vStar\":[1,1]}} | 'init.Q'",
            "non-PD Q          | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"init\":{\"Q\":[[1,2],[2,1]],\"R\":[[0,0],[0,0]],\"T\":[[1,0],[0,1]],\"v\":[1,1],\"vStar\":[1,1]}} | 'init.Q'",
            "shape of R        | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"init\":{\"Q\":[[1,0],[0,1]],\"R\":[[0],[0]],\"T\":[[1,0],[0,1]],\"v\":[1,1],\"vStar\":[1,1]}} | 'init.R'",
            "length of v       | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"init\":{\"Q\":[[1,0],[0,1]],\"R\":[[0,0],[0,0]],\"T\":[[1,0],[0,1]],\"v\":[1],\"vStar\":[1,1]}} | 'init.v'",
            "R too large       | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"init\":{\"Q\":[[1,0],[0,1]],\"R\":[[2,0],[0,0]],\"T\":[[1,0],[0,1]],\"v\":[1,1],\"vStar\":[1,1]}} | 'init'",
            "fa without b      | {\"rule\":\"fa\",\"K\":2,\"M\":2,\"init\":{\"Q\":[[1,0],[0,1]],\"R\":[[0,0],[0,0]],\"T\":[[1,0],[0,1]],\"v\":[1,1],\"vStar\":[1,1]}} | 'init.b'",
            "not JSON          | {\"rule\":\"bp\",                                             | JSON",
    })
    void badInputExits2WithOneLineAndWritesNothing(String what, String json, String expected) throws Exception {
        Path out = tmp.resolve("out");
        Run r = run("ode", config(json.strip()).toString(), "--out", out.toString());
        assertEquals(2, r.exit(), what + ": " + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains(expected.strip()), "names " + expected + ": " + err);
        assertFalse(Files.exists(out), "nothing written for bad input");
        assertEquals("", r.out());
    }

    @Test
    void missingConfigFileOrOutIsAFile() throws Exception {
        Path out = tmp.resolve("out");
        Run r = run("ode", tmp.resolve("nope.json").toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));

        Path file = Files.writeString(tmp.resolve("afile"), "x");
        r = run("ode", REFERENCE.resolve("bp_k2m2.json").toString(), "--out", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not a directory"), r.err());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void divergingRunStopsWithExit3AndKeepsMetrics() throws Exception {
        // linear K=M=1, η v² = 5 > 2: Q grows like e^{15 t} (LinearAnalyticTest's γ = 2a − a² < 0)
        String json = "{\"rule\":\"bp\",\"activation\":\"linear\",\"K\":1,\"M\":1,\"eta\":5,\"etaV\":0,\"integrator\":\"dp853\","
                + "\"tMax\":10,\"timeSpacing\":\"linear\",\"nTimes\":101,\"init\":{\"Q\":[[1]],\"R\":[[0]],\"T\":[[1]],\"v\":[1],\"vStar\":[1]}}";
        Path out = tmp.resolve("div");
        Run r = run("ode", config(json).toString(), "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("diverged at t = ") && err.contains("epsGBound") && err.contains("smaller eta")
                && err.contains("rtol"), err);
        List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(lines.size() > 3, "metrics up to the divergence are kept");
        for (String line : lines.subList(1, lines.size())) {
            double eps = Double.parseDouble(line.split(",")[1]);
            assertTrue(Double.isFinite(eps) && eps <= 100, line);
        }
        assertTrue(Files.exists(out.resolve("config.json")));
    }

    @Test
    void threadCountChangesNoByteOfTheOutput() throws Exception {
        // K = M = 10 splits the I4 sums by default; 100 Euler steps and 20 samples
        Path cfg = config("{\"rule\":\"bp\",\"K\":10,\"M\":10,\"sigma\":0.1,\"integrator\":\"euler\",\"dt\":0.01,"
                + "\"tMax\":1,\"nTimes\":20,\"timeSpacing\":\"linear\"}");
        String[][] options = {{"--threads", "1"}, {"--threads", "2"}, {"--threads=3"}, {}};
        byte[] metrics = null, configJson = null;
        for (int i = 0; i < options.length; i++) {
            Path out = tmp.resolve("t" + i);
            List<String> args = new java.util.ArrayList<>(List.of("ode", cfg.toString(), "--out", out.toString(), "--no-progress"));
            args.addAll(List.of(options[i]));
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            byte[] m = Files.readAllBytes(out.resolve("metrics.csv"));
            // config.json records the command line, which names --out: compare with it renamed
            byte[] c = Files.readString(out.resolve("config.json")).replace(out.toString(), "OUT").getBytes();
            assertEquals(21, new String(m).lines().count());
            // the helper threads of the split are stopped when the run ends
            assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("pepita-i4") && t.isAlive()).count(), "leaked helper threads");
            if (metrics == null) {
                metrics = m;
                configJson = c;
            } else {
                assertArrayEquals(metrics, m, String.join(" ", options[i]));
                assertArrayEquals(configJson, c, String.join(" ", options[i]));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void badThreadCountExits2WithOneLine(String threads) {
        Path out = tmp.resolve("out");
        Run r = run("ode", REFERENCE.resolve("bp_k2m2.json").toString(), "--out", out.toString(), "--threads", threads);
        assertEquals(2, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("'--threads'") && err.contains(">= 1"), err);
        assertFalse(Files.exists(out));
    }

    @Test
    void helpDescribesEveryOption() {
        Run r = run("ode", "--help");
        assertEquals(0, r.exit());
        for (String option : List.of("CONFIG", "--out", "--no-progress", "--threads", "Exit codes")) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
    }
}
