package org.forwardonly.theory.ode;

import org.forwardonly.theory.config.Averaging;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Does the exact engine's stated error cover its actual error (docs/model.md §8, docs/exact-pepita.md#coverage)?
 * Each config runs with default averaging and is compared over its whole run with a reference: bp, fa, afa forced
 * through the engine ({@code odeEngine: quadrature}) against their closed forms, from random starts that sit on a
 * plateau; pepita against the same engine with 64 times the points per replicate. A config covers when the largest
 * relative deviation of ε_g over the sampled times (less the 64x reference's own stated error) is at most
 * max(stated, tolerance) — the promise: either the
 * tolerance was met and holds, or the run said what it reached. The stated error is a 95 % bound per time, so one
 * miss among the configs can be chance; two or more mean the estimate no longer covers, and the test fails.
 * bp at K = M = 10 (seed 7, η = 0.5, N = 1000, t ≤ 30) is issue 24's case: the replicate-mean design stated
 * 4.0e-3 and was 10.5 % off; pooled, it states 9.3e-3 (tolerance not met, so said) and is 3.8e-3 off.
 * With {@code -Dpepita.coverage=wide} the table of docs/exact-pepita.md (K = M = 4 … 10, ff, mirroring, ReLU, and issue
 * 29's hard start against a stored reference) is run; the hard start is not in the default set because its run costs
 * about 35 s of CPU and its reference, the best affordable, is itself only good to 2.8e-3.
 */
class ExactCoverageTest {

    /**
     * Issue 29's hard start: exact pepita at K = M = 10 from a random start at N = 1000, seed 7 (examples/pepita-k10.json
     * with N and seed changed), whose plateau escape at t ≈ 20 is where the estimate peaks.
     */
    static final String HARD_START = "\"rule\": \"pepita\", \"K\": 10, \"M\": 10, \"eta\": 0.5, \"etaV\": 0.5, \"sigmaF\": 0.5, "
            + "\"N\": 1000, \"seed\": 7, \"tMax\": 100, \"nTimes\": 60, \"rtol\": 1e-5, \"atol\": 1e-8";

    /**
     * The hard start's reference, computed once (too dear for every build) and stored: ε_g at its 60 sampled times
     * from one pool of 16 replicates × 32,768 Sobol points (replicates 5000-5015, none of them the run's), with
     * its own estimate from 8 groups of that pool as the first line (docs/exact-pepita.md#coverage).
     */
    static final String HARD_REFERENCE = "pepita-k10-hard-reference.csv";

    /**
     * name | config of the run | the reference: "closed" (the closed form), "64x" (64 × the points) or "stored"
     * ({@link #HARD_REFERENCE}).
     */
    static final String[][] CONFIGS = {
            {"bp K=M=10 (issue 24)", "\"rule\": \"bp\", \"K\": 10, \"M\": 10, \"eta\": 0.5, \"N\": 1000, \"seed\": 7, \"tMax\": 30",
                    "closed"},
            {"bp K=M=4", "\"rule\": \"bp\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"N\": 1000, \"seed\": 7, \"tMax\": 50", "closed"},
            {"fa K=M=6", "\"rule\": \"fa\", \"K\": 6, \"M\": 6, \"eta\": 0.5, \"N\": 1000, \"seed\": 3, \"tMax\": 30", "closed"},
            {"afa K=M=4", "\"rule\": \"afa\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"sigmaF\": 0.5, \"N\": 1000, \"seed\": 5, \"tMax\": 50",
                    "closed"},
            {"pepita K=M=3", "\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"eta\": 0.5, \"sigmaF\": 0.5, \"N\": 1000, \"seed\": 7, "
                    + "\"tMax\": 50, \"averaging\": {\"method\": \"sobol\"}", "64x"},
    };

    static final String[][] WIDE = {
            {"bp K=M=6", "\"rule\": \"bp\", \"K\": 6, \"M\": 6, \"eta\": 0.5, \"N\": 1000, \"seed\": 7, \"tMax\": 30", "closed"},
            {"bp K=M=8", "\"rule\": \"bp\", \"K\": 8, \"M\": 8, \"eta\": 0.5, \"N\": 1000, \"seed\": 7, \"tMax\": 30", "closed"},
            {"fa K=M=4", "\"rule\": \"fa\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"N\": 1000, \"seed\": 3, \"tMax\": 30", "closed"},
            {"fa K=M=10", "\"rule\": \"fa\", \"K\": 10, \"M\": 10, \"eta\": 0.5, \"N\": 1000, \"seed\": 3, \"tMax\": 30", "closed"},
            {"afa K=M=8", "\"rule\": \"afa\", \"K\": 8, \"M\": 8, \"eta\": 0.5, \"sigmaF\": 0.5, \"N\": 1000, \"seed\": 5, \"tMax\": 30",
                    "closed"},
            {"ff K=M=3", "\"rule\": \"ff\", \"K\": 3, \"M\": 3, \"eta\": 0.5, \"sigmaF\": 0.5, \"N\": 1000, \"seed\": 7, \"tMax\": 30, "
                    + "\"averaging\": {\"method\": \"sobol\"}", "64x"},
            {"pepita + mirroring K=M=3", "\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"eta\": 0.5, \"sigmaF\": 0.5, \"N\": 1000, "
                    + "\"seed\": 7, \"tMax\": 30, \"mirroring\": {\"a\": 1, \"etaWm\": 0.5, \"lambdaWm\": 1}, \"averaging\": "
                            + "{\"method\": \"sobol\"}", "64x"},
            {"pepita ReLU K=M=2", "\"rule\": \"pepita\", \"activation\": \"relu\", \"teacherActivation\": \"relu\", \"K\": 2, \"M\": 2, "
                    + "\"eta\": 0.5, \"sigmaF\": 0.5, \"N\": 1000, \"seed\": 7, \"tMax\": 30", "64x"},
            {"pepita K=M=10, hard start (issue 29)", HARD_START, "stored"},
    };

    /** One row of the coverage table. */
    record Row(String name, double stated, double actual, boolean toleranceMet, int replicates) {
        boolean covers(double tolerance) {
            return actual <= Math.max(stated, tolerance);
        }
    }

    static Row measure(String name, String keys, String reference) {
        ExperimentConfig c = ConfigParser.parse("{" + keys + (reference.equals("closed") ? ", \"odeEngine\": \"quadrature\"" : "") + "}");
        OdeResult exact = SobolEngineTest.run(c, 2);
        if (reference.equals("stored")) return againstStored(name, exact);
        OdeResult ref;
        if (reference.equals("closed")) {
            ref = SobolEngineTest.run(ConfigParser.parse("{" + keys + "}"), 1);
        } else {
            // 64 × the points per replicate, 8 replicates and no refinement (a fixed cost): its own stated error is
            // added to the run's below, since the comparison cannot tell the two apart
            Averaging a = c.averaging();
            ExperimentConfig fine = c.withAveraging(new Averaging(a.method(), 64 * a.samples(), 8, a.tolerance(), 8,
                    a.controlVariate(), a.extrapolate(), a.rtol(), a.integrator()));
            ref = SobolEngineTest.run(fine, 2);
        }
        double actual = SobolEngineTest.largestRelativeGap(exact, ref);
        if (ref.averaging() != null && Double.isFinite(ref.averaging().relativeErrorEpsG())) {
            actual = Math.max(0, actual - ref.averaging().relativeErrorEpsG());
        }
        AveragingReport a = exact.averaging();
        return new Row(name, a.relativeErrorEpsG(), actual, a.toleranceMet(), a.replicates());
    }

    /** The run against {@link #HARD_REFERENCE}, less the reference's own stated error (as for the 64x references). */
    static Row againstStored(String name, OdeResult exact) {
        List<String> lines;
        try (var in = ExactCoverageTest.class.getResourceAsStream(HARD_REFERENCE)) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("test resource " + HARD_REFERENCE + " missing", e);
        }
        double refError = Double.parseDouble(lines.get(0).substring(lines.get(0).indexOf('=') + 1).trim());
        double[] t = exact.trajectory().times(), eps = exact.trajectory().column("eps_g");
        List<String> rows = lines.subList(2, lines.size());
        org.junit.jupiter.api.Assertions.assertEquals(rows.size(), t.length, "sampled times");
        double gap = 0;
        for (int i = 0; i < t.length; i++) {
            String[] f = rows.get(i).split(",");
            org.junit.jupiter.api.Assertions.assertEquals(Double.parseDouble(f[0]), t[i], 1e-12 * Math.max(1, t[i]), "time " + i);
            double r = Double.parseDouble(f[1]);
            gap = Math.max(gap, Math.abs(eps[i] - r) / Math.abs(r));
        }
        AveragingReport a = exact.averaging();
        return new Row(name, a.relativeErrorEpsG(), Math.max(0, gap - refError), a.toleranceMet(), a.replicates());
    }

    /**
     * The stored comparison can fail: the stored reference itself, with ε_g 2 % off and a stated 1e-3, is not covered
     * (and unshifted it is: actual 0). The reference's own error (a few 1e-4) is far below the 2 %.
     */
    @Test
    void theStoredComparisonSaysNoToATrajectoryTwoPercentOff() {
        for (double factor : new double[] {1.0, 1.02}) {
            List<String> lines;
            try (var in = ExactCoverageTest.class.getResourceAsStream(HARD_REFERENCE)) {
                lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            List<String> rows = lines.subList(2, lines.size());
            double[] t = new double[rows.size()];
            double[][] y = new double[rows.size()][];
            for (int i = 0; i < t.length; i++) {
                String[] f = rows.get(i).split(",");
                t[i] = Double.parseDouble(f[0]);
                y[i] = new double[] {factor * Double.parseDouble(f[1])};
            }
            OdeResult fake = new OdeResult(new org.forwardonly.theory.trajectory.Trajectory(t, List.of("eps_g"), y), false,
                    Double.NaN, null, 0).withAveraging(new AveragingReport("sobol", "stored", 512, 8, 1e-3, 20, 1e-3));
            Row r = againstStored("fake", fake);
            assertTrue(r.covers(1e-3) == (factor == 1.0), factor + ": " + r);
        }
    }

    @Test
    void theStatedErrorCoversTheActualOneOnAllButAtMostOneConfig() {
        List<String[]> configs = new ArrayList<>(List.of(CONFIGS));
        if ("wide".equals(System.getProperty("pepita.coverage"))) configs.addAll(List.of(WIDE));
        List<Row> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("| config | replicates | stated | actual | tolerance met | covered "
                + "|\n|---|---|---|---|---|---|\n");
        for (String[] c : configs) {
            Row r = measure(c[0], c[1], c[2]);
            rows.add(r);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.1e | %.1e | %s | %s |%n", r.name(), r.replicates(), r.stated(),
                    r.actual(), r.toleranceMet() ? "yes" : "no", r.covers(1e-3) ? "yes" : "NO"));
        }
        System.out.print(table);
        long misses = rows.stream().filter(r -> !r.covers(1e-3)).count();
        assertTrue(misses <= 1, misses + " configs not covered:\n" + table);
        for (Row r : rows) {
            assertTrue(r.toleranceMet() == (r.stated() <= 1e-3), "toleranceMet says whether the estimate met 1e-3: " + r);
        }
    }
}
