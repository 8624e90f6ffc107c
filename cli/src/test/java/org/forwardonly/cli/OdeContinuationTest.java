package org.forwardonly.cli;

import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pepita ode --from DIR}: a run to t = 10 continued to t = 20 is the run to t = 20. */
class OdeContinuationTest {
    @TempDir
    Path tmp;

    static OdeCommandTest.Run run(String... args) {
        return OdeCommandTest.run(args);
    }

    /** afa (so c, d, P evolve too), erf, K = M = 2, a random start drawn at N = 1000. */
    static final String AFA = "{\"rule\": \"afa\", \"K\": 2, \"M\": 2, \"sigmaF\": 0.5, \"timeSpacing\": \"linear\", %s}";

    /** Largest |a − b| / max(1, |b|) over the rows of {@code part} and the rows of {@code whole} at the same times. */
    static double worstDifference(Trajectory part, Trajectory whole) {
        double worst = 0;
        int matched = 0;
        for (int i = 0; i < part.size(); i++) {
            for (int j = 0; j < whole.size(); j++) {
                if (whole.times()[j] != part.times()[i]) continue;
                matched++;
                for (int c = 0; c < part.columns().size(); c++) {
                    double a = part.rows()[i][c], b = whole.rows()[j][c];
                    worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(b)));
                }
            }
        }
        assertEquals(part.size(), matched, "every row of the continued run is at a time of the whole run");
        return worst;
    }

    double continueAndCompare(String keys, double tolerance) throws Exception {
        Path whole = tmp.resolve("whole-" + keys.hashCode()), first = tmp.resolve("first-" + keys.hashCode()),
                rest = tmp.resolve("rest-" + keys.hashCode());
        Path c20 = Files.writeString(tmp.resolve("c20.json"), String.format(AFA, keys + ", \"tMax\": 20, \"nTimes\": 21"));
        Path c10 = Files.writeString(tmp.resolve("c10.json"), String.format(AFA, keys + ", \"tMax\": 10, \"nTimes\": 11"));
        assertEquals(0, run("ode", c20.toString(), "--out", whole.toString(), "--no-progress").exit());
        assertEquals(0, run("ode", c10.toString(), "--out", first.toString(), "--no-progress").exit());
        OdeCommandTest.Run r = run("ode", "--from", first.toString(), "--set", "tMax=20", "--set", "nTimes=21",
                "--out", rest.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        Trajectory a = TrajectoryCsv.read(first.resolve("metrics.csv"));
        Trajectory b = TrajectoryCsv.read(rest.resolve("metrics.csv"));
        Trajectory all = TrajectoryCsv.read(whole.resolve("metrics.csv"));
        assertEquals(a.columns(), b.columns());
        // the continued run starts with the earlier run's last row, bit for bit, then t = 11 ... 20
        assertEquals(10.0, b.times()[0]);
        assertArrayEquals(a.rows()[a.size() - 1], b.rows()[0]);
        assertEquals(11, b.size());
        assertEquals(20.0, b.times()[b.size() - 1]);
        double worst = worstDifference(b, all);
        assertTrue(worst <= tolerance, "continued run differs from the whole run by " + worst + " > " + tolerance);
        String json = Files.readString(rest.resolve("config.json"));
        assertTrue(json.contains("\"from\" : \"" + first + "\"") && json.contains("\"fromTime\" : 10.0"), json);
        return worst;
    }

    @Test
    void eulerContinuesToRoundingError() throws Exception {
        // Euler's steps from t = 10 are the steps the whole run takes after t = 10 (the ODE is autonomous and
        // 10 is a multiple of dt), on a time grid counted from 10 instead of 0, whose last bits differ: the
        // 1000 steps then differ by rounding only, about 1000 x 1e-16 (measured 1.5e-14). Bound: 1e-12.
        continueAndCompare("\"integrator\": \"euler\", \"dt\": 0.01", 1e-12);
    }

    @Test
    void dp853ContinuesWithinItsTolerance() throws Exception {
        // dp853 restarts its step-size control at t = 10, so the two runs take different steps; each is within
        // its global error of the exact solution, which at rtol = 1e-9 is below 1e-7 on such curves
        // (AdaptiveIntegratorTest: 8.1e-8 against Richardson-extrapolated Euler on k2m2 to t = 100). Bound: 1e-7.
        continueAndCompare("\"rtol\": 1e-9", 1e-7); // measured 2.9e-10
    }

    @Test
    void aContinuationThatCannotBeExactIsRefused() throws Exception {
        Path c10 = Files.writeString(tmp.resolve("c10.json"), String.format(AFA, "\"tMax\": 10, \"nTimes\": 11"));
        Path first = tmp.resolve("first");
        assertEquals(0, run("ode", c10.toString(), "--out", first.toString(), "--no-progress").exit());
        for (List<String> bad : List.of(List.of("--set", "N=500"), List.of("--set", "K=3"), List.of("--set", "tMax=5"),
                List.of(c10.toString()))) {
            Path out = tmp.resolve("never");
            var args = new java.util.ArrayList<>(List.of("ode", "--from", first.toString(), "--out", out.toString()));
            args.addAll(bad);
            OdeCommandTest.Run r = run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), bad + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out), "nothing written on bad input");
        }
    }
}
