package org.forwardonly.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanCommandTest {

    /** The in-process runner of the ode command's tests. */
    static OdeCommandTest.Run run(String... args) {
        return OdeCommandTest.run(args);
    }

    static Path spec(Path dir, String json) throws Exception {
        Path p = dir.resolve("spec.json");
        Files.writeString(p, json.replace('\'', '"'));
        return p;
    }

    static final String BASE = "'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 20, 'nTimes': 40}";

    @Test
    void runsAnOdeScanAndWritesTheTidyTable(@TempDir Path tmp) throws Exception {
        Path spec = spec(tmp, "{" + BASE + ", 'grid': {'eta': [0.5, 1], 'sigmaF': [0.1, 1.0]}, 'threshold': 0.2}");
        OdeCommandTest.Run r = run("scan", spec.toString(), "--out", tmp.resolve("out").toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("4 points (4 computed, 0 resumed), 0 diverged"), r.out());
        assertTrue(r.err().contains("scan 100% points=4/4 elapsed"), "progress bar: " + r.err());
        List<String> csv = Files.readAllLines(tmp.resolve("out/scan.csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(1).startsWith("0,0.5,0.1,ode,"), csv.get(1));
        assertTrue(csv.get(4).startsWith("3,1,1.0,ode,"), csv.get(4));
        assertTrue(Files.size(tmp.resolve("out/scan.png")) > 0 && Files.exists(tmp.resolve("out/scan.ipynb")), "figure and notebook");
        assertTrue(Files.exists(tmp.resolve("out/data/00_eta0.5_ode.csv")), "one table per line");
        // rerun: resumes everything, computes nothing
        OdeCommandTest.Run again = run("scan", spec.toString(), "--out", tmp.resolve("out").toString());
        assertTrue(again.out().contains("(0 computed, 4 resumed)"), again.out());
    }

    /**
     * A scan killed by SIGKILL leaves its lock file beside DIR (nothing can remove it); the resume takes the lock over
     * and removes the file when it returns, as a fresh scan does. The hostile trial (scripts/hostile-trial, kills)
     * found the file left after the resume, which took only the scan's own DIR/.lock.
     */
    @Test
    void aResumeRemovesTheLockFileAKilledScanLeftBesideDir(@TempDir Path tmp) throws Exception {
        Path spec = spec(tmp, "{" + BASE + ", 'grid': {'eta': [0.5, 1]}}");
        Path out = tmp.resolve("out");
        assertEquals(0, run("scan", spec.toString(), "--out", out.toString(), "--no-plots").exit());
        Path stale = tmp.resolve(".out.pepita-lock");
        Files.writeString(stale, "pepita-lock pid 999999, since 2026-12-07T00:00:00Z, pepita scan (killed) [x]\n");
        OdeCommandTest.Run again = run("scan", spec.toString(), "--out", out.toString(), "--no-plots");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("(0 computed, 2 resumed)"), again.out());
        assertFalse(Files.exists(stale), "the killed scan's lock file is gone after the resume");
    }

    /**
     * Like for like: with run both, the ODE row is the mean of the ODEs from each simulated seed's own start, so it
     * equals the mean of {@code pepita ode} at seed 1 and at seed 2 (same N); the simulation row carries the
     * standard error of its seed mean. Tolerance 1e-9 relative: the same integrations, averaged (the sum of two
     * doubles halved is exact up to one rounding, 1e-16). K = M = 3 afa at σ_F = 1 is issue 24's case, where the
     * first seed's ODE alone (0.345 at N = 1000) was far from the simulations' mean (0.239).
     */
    @Test
    void runBothComparesTheSimulationWithTheMeanOfEachSeedsOde(@TempDir Path tmp) throws Exception {
        String base = "'rule': 'afa', 'K': 3, 'M': 3, 'sigmaF': 1, 'N': 300, 'seed': 1, 'seeds': 2, 'tMax': 30, 'nTimes': 20";
        Path spec = spec(tmp, "{'base': {" + base + "}, 'grid': {'eta': [1]}, 'run': 'both'}");
        OdeCommandTest.Run r = run("scan", spec.toString(), "--out", tmp.resolve("out").toString(), "--no-progress", "--no-plots");
        assertEquals(0, r.exit(), r.err());
        List<String> csv = Files.readAllLines(tmp.resolve("out/scan.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        String[] ode = csv.get(1).split(","), sim = csv.get(2).split(",");
        assertEquals("ode", ode[header.indexOf("engine")]);
        assertEquals("sim", sim[header.indexOf("engine")]);
        int e = header.indexOf("eps_g_final"), se = header.indexOf("eps_g_final_se");
        double mean = 0;
        for (int seed = 1; seed <= 2; seed++) {
            Path config = tmp.resolve("c" + seed + ".json");
            Files.writeString(config, ("{" + base.replace("'seed': 1", "'seed': " + seed) + ", 'eta': 1}").replace('\'', '"'));
            Path out = tmp.resolve("ode" + seed);
            OdeCommandTest.Run o = run("ode", config.toString(), "--out", out.toString());
            assertEquals(0, o.exit(), o.err());
            org.forwardonly.theory.trajectory.Trajectory t = org.forwardonly.theory.trajectory.TrajectoryCsv.read(out.resolve("metrics.csv"));
            mean += t.column("eps_g")[t.size() - 1] / 2;
        }
        double row = Double.parseDouble(ode[e]);
        assertEquals(mean, row, 1e-9 * mean, "the ODE row is the mean of pepita ode at seeds 1 and 2");
        double simSe = Double.parseDouble(sim[se]);
        assertTrue(simSe > 0 && Double.isFinite(simSe), "the simulation row's standard error: " + csv.get(2));
        assertTrue(Double.parseDouble(ode[se]) > 0, "the ODE mean has a spread over the two starts too: " + csv.get(1));
    }

    /**
     * --keep-trajectories: every point's ODE and simulation trajectories land in trajectories/NNNN/ENGINE/metrics.csv,
     * and the ODE one ends on the eps_g_final of its scan.csv row (exactly: the same doubles, printed shortest);
     * without the option there is no such folder, and with --spark it is refused (exit 2, one line).
     */
    @Test
    void keepTrajectoriesKeepsEachPointsMetrics(@TempDir Path tmp) throws Exception {
        String base = "'rule': 'afa', 'K': 2, 'M': 2, 'N': 200, 'seeds': 2, 'tMax': 10, 'nTimes': 12";
        Path spec = spec(tmp, "{'base': {" + base + "}, 'grid': {'eta': [0.5, 1]}, 'run': 'both'}");
        Path out = tmp.resolve("out");
        OdeCommandTest.Run r = run("scan", spec.toString(), "--out", out.toString(), "--no-progress", "--no-plots",
                "--keep-trajectories", "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("scan.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        for (int point = 0; point < 2; point++) {
            for (String engine : List.of("ode", "sim")) {
                Path file = org.forwardonly.scan.run.KeepingRunner.file(out, point, engine);
                assertTrue(Files.isRegularFile(file), file + " kept");
                var t = org.forwardonly.theory.trajectory.TrajectoryCsv.read(file);
                assertEquals(12, t.size(), file + ": every sample");
                if (engine.equals("sim")) assertTrue(t.columns().contains("eps_g_se"), "the simulation's standard errors");
            }
            var ode = org.forwardonly.theory.trajectory.TrajectoryCsv.read(org.forwardonly.scan.run.KeepingRunner.file(out, point, "ode"));
            String[] row = csv.get(1 + 2 * point).split(",");
            assertEquals("ode", row[header.indexOf("engine")]);
            assertEquals(Double.parseDouble(row[header.indexOf("eps_g_final")]), ode.column("eps_g")[ode.size() - 1], 0.0,
                    "point " + point + ": the kept ODE ends on scan.csv's eps_g_final");
        }
        // the rerun resumes (the trajectories folder is the scan's own)
        OdeCommandTest.Run again = run("scan", spec.toString(), "--out", out.toString(), "--no-progress", "--no-plots");
        assertEquals(0, again.exit(), again.err());
        Path plain = tmp.resolve("plain");
        assertEquals(0, run("scan", spec.toString(), "--out", plain.toString(), "--no-progress", "--no-plots").exit());
        assertTrue(!Files.exists(plain.resolve("trajectories")), "nothing kept without the option");
        OdeCommandTest.Run spark = run("scan", spec.toString(), "--out", tmp.resolve("s").toString(), "--spark", "local[1]",
                "--keep-trajectories");
        assertEquals(2, spark.exit(), spark.err());
        assertTrue(spark.err().contains("option '--keep-trajectories'"), spark.err());
    }

    @Test
    void aDivergingPointIsARowNotACrash(@TempDir Path tmp) throws Exception {
        // eta = 50 with linear units: the ODE leaves epsGBound at once (with erf units eta = 50 converges: a step of
        // the adaptive integrator that failed there was once read as divergence, OdeCommandTest)
        Path spec = spec(tmp, "{'base': {'rule': 'bp', 'activation': 'linear', 'K': 2, 'M': 2, 'tMax': 20, 'epsGBound': 10}, "
                + "'grid': {'eta': [1, 50]}}");
        OdeCommandTest.Run r = run("scan", spec.toString(), "--out", tmp.resolve("out").toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        List<String> csv = Files.readAllLines(tmp.resolve("out/scan.csv"));
        assertTrue(csv.get(1).contains(",false,20.0"), csv.get(1));
        assertTrue(csv.get(2).startsWith("1,50,ode,NaN,") && csv.get(2).contains(",true,"), csv.get(2));
    }

    static void badSpec(Path tmp, String json, String expected) throws Exception {
        Path out = tmp.resolve("out");
        OdeCommandTest.Run r = run("scan", spec(tmp, json).toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("pepita scan: ") && r.err().contains(expected), r.err());
        assertTrue(Files.notExists(out), "nothing written");
    }

    @Test
    void badSpecsFailAtOnceWithOneLineAndExitCode2(@TempDir Path tmp) throws Exception {
        badSpec(tmp, "{" + BASE + ", 'grid': {'etaa': [1, 2]}}",
                "grid key 'etaa' is not a config key (did you mean 'eta'? sweepable: rule,");
        badSpec(tmp, "{" + BASE + ", 'grid': {'eta': []}}", "grid key 'eta' must be a non-empty list of values");
        badSpec(tmp, "{" + BASE + ", 'grid': {'init': [1]}}", "grid key 'init' is not sweepable");
        badSpec(tmp, "{" + BASE + ", 'grid': {'eta': [1, -1]}}", "point 1 (eta=-1): key 'eta': must be >= 0");
        badSpec(tmp, "{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'mirroring': {'a': 1}}, 'grid': {'rule': ['afa', 'bp']}}",
                "point 1 (rule=bp): key 'mirroring': only for rules that use F");
        badSpec(tmp, "{" + BASE + ", 'grid': {'eta': [1]", "is not valid JSON");
    }

    @Test
    void sparkWithoutTheSparkModuleOnTheClasspathIsABadInput(@TempDir Path tmp) throws Exception {
        Path spec = spec(tmp, "{" + BASE + ", 'grid': {'eta': [1]}}");
        OdeCommandTest.Run r = run("scan", spec.toString(), "--out", tmp.resolve("out").toString(), "--spark", "local[2]");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("the Spark executor is not on the classpath"), r.err());
    }
}
