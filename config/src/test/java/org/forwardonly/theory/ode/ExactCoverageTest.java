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
 * With {@code -Dpepita.coverage=wide} the table of docs/exact-pepita.md (K = M = 4 … 10, ff, mirroring, ReLU) is run.
 */
class ExactCoverageTest {

    /** name | config of the run | the reference: "closed" (the closed form) or "64x" (64 × the points). */
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
