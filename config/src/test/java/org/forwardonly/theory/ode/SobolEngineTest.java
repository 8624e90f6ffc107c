package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact engine on scrambled Sobol points (docs/model.md §8) against independent answers: the
 * tensor Gauss-Hermite grid where it is exact to ~1e-7 (smooth activations, K + M ≤ 5), the
 * closed forms of bp, fa, afa, and itself without the control variate. Every comparison allows
 * 4 times the run's own error estimate (its largest relative standard error of ε_g over the
 * replicates) plus the reference's error; an estimate that understated the error would fail.
 */
class SobolEngineTest {

    static ExperimentConfig config(String json) {
        return ConfigParser.parse(json);
    }

    static OdeResult run(ExperimentConfig c, int threads) {
        OrderParameters init = Experiments.initialConditions(c, c.seed());
        return Experiments.integrate(c, init, SampleTimes.of(c), IntegrationObserver.NONE, threads);
    }

    /** Largest |a − b|/b over the sampled times, column eps_g. */
    static double largestRelativeGap(OdeResult a, OdeResult b) {
        double[] x = a.trajectory().column("eps_g"), y = b.trajectory().column("eps_g");
        assertEquals(y.length, x.length, "sampled times");
        double gap = 0;
        for (int i = 0; i < x.length; i++) gap = Math.max(gap, Math.abs(x[i] - y[i]) / Math.abs(y[i]));
        return gap;
    }

    /**
     * The tensor grid is the reference where its error can be measured: its error is taken as the
     * change from n = 14 to n = 18 points per field (at the default n = 12 it was measured 6 % off in
     * dQ for ff at t = 5, where Sobol points and n = 20 agree to 1e-7: the modulated pass is not as
     * smooth as the clean one), so the check is |Sobol − grid(18)| ≤ 4 × estimate + |grid(14) − grid(18)|.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pepita, random start | \"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"eta\": 1, \"sigmaF\": 0.5, \"N\": 2000",
            "pepita s=+1, last layer h | \"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"eta\": 1, \"sigmaF\": 0.5, \"modulationSign\": 1, "
                    + "\"lastLayer\": \"h\", \"N\": 2000",
            "ff | \"rule\": \"ff\", \"K\": 2, \"M\": 2, \"eta\": 1, \"sigmaF\": 0.5, \"N\": 2000",
            "pepita + mirroring | \"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"eta\": 1, \"sigmaF\": 0.5, \"N\": 2000, \"mirroring\": "
                    + "{\"a\": 1, \"etaWm\": 0.5, \"lambdaWm\": 1}",
            "pepita, label noise | \"rule\": \"pepita\", \"K\": 2, \"M\": 1, \"eta\": 1, \"sigma\": 0.3, \"sigmaF\": 0.5, \"N\": 2000"})
    void agreesWithTheTensorGridWithinItsErrorEstimate(String name, String keys) {
        String common = ", \"tMax\": 10, \"nTimes\": 15, \"rtol\": 1e-7, \"atol\": 1e-10, \"seed\": 3";
        OdeResult coarse = run(config("{" + keys + common + ", \"quadraturePoints\": 14, \"averaging\": {\"method\": \"tensor\"}}"), 1);
        OdeResult fine = run(config("{" + keys + common + ", \"quadraturePoints\": 18, \"averaging\": {\"method\": \"tensor\"}}"), 1);
        // averaging.rtol = the grid's rtol: the gap then measures the averaging alone (by default a
        // replicate is integrated at tolerance/10 = 1e-4, whose error is checked by the next test)
        OdeResult sobol = run(config("{" + keys + common + ", \"averaging\": {\"method\": \"sobol\", \"rtol\": 1e-7}}"), 2);
        double estimate = sobol.averaging().relativeErrorEpsG();
        double gridError = largestRelativeGap(coarse, fine);
        double gap = largestRelativeGap(sobol, fine);
        System.out.printf(Locale.ROOT, "%s: Sobol vs tensor n=18, largest relative gap %.2e; Sobol estimate %.2e "
                + "(%d replicates), grid n=14 vs 18 %.2e%n", name, gap, estimate, sobol.averaging().replicates(), gridError);
        assertTrue(estimate <= 1e-3, "the default tolerance is met: " + estimate);
        assertTrue(gap <= 4 * estimate + gridError, name + ": gap " + gap + " vs 4 x estimate " + estimate + " + grid " + gridError);
    }

    /** The control variate changes the error, not the limit: with and without it the runs agree within their errors. */
    @Test
    void controlVariateIsUnbiased() {
        String base = "{\"rule\": \"pepita\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"etaV\": 0.5, \"sigmaF\": 0.5, \"N\": 5000,"
                + " \"tMax\": 30, \"nTimes\": 20, \"rtol\": 1e-6, \"atol\": 1e-9, \"averaging\": {\"method\": \"sobol\","
                + " \"tolerance\": 5e-4, \"maxReplicates\": 48, \"controlVariate\": ";
        OdeResult with = run(config(base + "true}}"), 2);
        OdeResult without = run(config(base + "false}}"), 2);
        double a = with.averaging().relativeErrorEpsG(), b = without.averaging().relativeErrorEpsG();
        double gap = largestRelativeGap(with, without);
        System.out.printf(Locale.ROOT, "K=M=4 control variate: gap %.2e, estimates %.2e (%d replicates) and %.2e (%d)%n",
                gap, a, with.averaging().replicates(), b, without.averaging().replicates());
        assertTrue(gap <= 4 * Math.hypot(a, b), "gap " + gap);
    }

    /**
     * bp, fa and afa forced through the exact engine (no control variate: these rules are what it
     * would subtract) reproduce their closed forms (docs/model.md §4) at K = M = 4 within 4 times
     * the estimate (the run meets the default tolerance, 1e-3). K = M = 10: {@code EngineCrossCheck} (docs/exact-pepita.md).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"bp", "fa", "afa"})
    void feedbackRulesThroughTheExactEngineMatchTheirClosedForms(String rule) {
        String keys = "\"rule\": \"" + rule + "\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"etaV\": 0.5, \"sigmaF\": 0.5, \"N\": 5000,"
                + " \"tMax\": 30, \"nTimes\": 20, \"rtol\": 1e-6, \"atol\": 1e-9";
        OdeResult closed = run(config("{" + keys + "}"), 1);
        OdeResult exact = run(config("{" + keys + ", \"odeEngine\": \"quadrature\", \"averaging\": {\"method\": \"sobol\", \"samples\": "
                + "4096}}"), 2);
        assertEquals("closedForm", closed.averaging().method());
        assertEquals("sobol", exact.averaging().method());
        double estimate = exact.averaging().relativeErrorEpsG();
        double gap = largestRelativeGap(exact, closed);
        System.out.printf(Locale.ROOT, "%s K=M=4 through the Sobol engine: gap %.2e, estimate %.2e (%d replicates)%n",
                rule, gap, estimate, exact.averaging().replicates());
        assertTrue(gap <= 4 * estimate, rule + ": gap " + gap + " vs estimate " + estimate);
    }

    /**
     * A replicate's default integrator, dp54 at max(rtol, tolerance/100) (docs/model.md §8), costs far
     * fewer right-hand sides than dp853 at the config's rtol 1e-9 and moves the trajectory by less than
     * a tenth of the tolerance: the same points, integrated both ways, compared at 61 evenly spaced
     * times (log-spaced times leave the plateau escape, where the error peaks, between samples). bp at
     * K = M = 4 is the hard case (its plateau escape amplifies the integration error: 1.9e-3 with dp853
     * at rtol 1e-4, measured).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pepita K=M=3 | \"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"eta\": 1, \"sigmaF\": 0.5, \"N\": 2000",
            "bp K=M=4 | \"rule\": \"bp\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"etaV\": 0.5, \"N\": 5000, \"odeEngine\": \"quadrature\""})
    void aReplicateIsIntegratedAtAHundredthOfTheTolerance(String name, String rule) {
        String keys = rule + ", \"tMax\": 30, \"nTimes\": 61, \"timeSpacing\": \"linear\", \"rtol\": 1e-9, \"atol\": 1e-12,"
                + " \"averaging\": {\"method\": \"sobol\", \"samples\": 1024, \"replicates\": 2, \"tolerance\": 1e-3, \"maxReplicates\": 2";
        ExperimentConfig auto = config("{" + keys + "}}"), tight = config("{" + keys + ", \"rtol\": 1e-9}}");
        assertEquals(1e-5, auto.averaging().integratorRtol(auto.rtol()), 0.0);
        assertEquals("dp54", auto.averaging().replicateIntegrator(1e-5));
        assertEquals(1e-9, tight.averaging().integratorRtol(tight.rtol()), 0.0);
        assertEquals("dp853", tight.averaging().replicateIntegrator(1e-9));
        OdeResult a = run(auto, 2), b = run(tight, 2);
        double gap = largestRelativeGap(a, b);
        System.out.printf(Locale.ROOT, "%s, replicates on dp54 at 1e-5 vs dp853 at 1e-9: %d vs %d RHS evaluations, eps_g gap %.2e%n",
                name, a.evaluations(), b.evaluations(), gap);
        assertTrue(gap <= 1e-3 / 10, name + ": integration error " + gap);
        assertTrue(a.evaluations() < b.evaluations() / 2, a.evaluations() + " vs " + b.evaluations());
    }

    /**
     * Why {@code averaging.integrator} {@code auto} takes dp54 at a replicate's loose tolerance: on bp at
     * K = M = 4 (the plateau case above), dp853 at 1e-5 strays further from the 1e-9 trajectory than
     * dp54 at 1e-5 does, and costs more right-hand sides (measured on replicate 0 to t = 30: dp853 181
     * evaluations, error 6.8e-4; dp54 157, 2.8e-5; docs/exact-pepita.md §7). The test asks for a factor
     * 3 in error, far less than the 20 measured, so it holds for any pair of replicates.
     */
    @Test
    void atTheReplicateToleranceDp54IsBothCheaperAndCloserThanDp853() {
        String keys = "\"rule\": \"bp\", \"K\": 4, \"M\": 4, \"eta\": 0.5, \"etaV\": 0.5, \"N\": 5000, \"odeEngine\": \"quadrature\","
                + " \"tMax\": 30, \"nTimes\": 61, \"timeSpacing\": \"linear\", \"rtol\": 1e-9, \"atol\": 1e-12,"
                + " \"averaging\": {\"method\": \"sobol\", \"samples\": 1024, \"replicates\": 2, \"tolerance\": 1e-3, \"maxReplicates\": 2";
        OdeResult dp54 = run(config("{" + keys + ", \"integrator\": \"dp54\"}}"), 2);
        OdeResult dp853 = run(config("{" + keys + ", \"integrator\": \"dp853\"}}"), 2);
        OdeResult reference = run(config("{" + keys + ", \"rtol\": 1e-9}}"), 2);
        double e54 = largestRelativeGap(dp54, reference), e853 = largestRelativeGap(dp853, reference);
        System.out.printf(Locale.ROOT, "bp K=M=4 replicates at 1e-5: dp54 %d RHS, error %.2e; dp853 %d RHS, error %.2e%n",
                dp54.evaluations(), e54, dp853.evaluations(), e853);
        assertTrue(e54 * 3 < e853, "dp54 " + e54 + " vs dp853 " + e853);
        assertTrue(dp54.evaluations() < dp853.evaluations(), dp54.evaluations() + " vs " + dp853.evaluations());
    }

    /**
     * Refining integrates the pool again with the count the estimate asks for (m·ratio², random error 1/√m and
     * bias 1/m), at least twice as many (a pass starts over, so small steps waste work), a multiple of the
     * groups, never above the maximum: from 8 at 1.5× the tolerance 18 → 24; at 3× 72; capped at 128.
     */
    @Test
    void refiningAsksForWhatTheEstimateNeedsInWholeGroups() {
        assertEquals(24, ReplicatedIntegration.nextCount(8, 1.5, 128));
        assertEquals(16, ReplicatedIntegration.nextCount(8, 1.01, 128), "twice at least");
        assertEquals(72, ReplicatedIntegration.nextCount(8, 3, 128));
        assertEquals(128, ReplicatedIntegration.nextCount(64, 3, 128), "capped");
        assertEquals(100, ReplicatedIntegration.nextCount(64, 3, 100), "capped at a maximum that is no multiple of the groups");
        for (int m = 8; m < 128; m += 8) {
            for (double ratio = 1.001; ratio < 5; ratio *= 1.1) {
                int next = ReplicatedIntegration.nextCount(m, ratio, 128);
                assertTrue(next > m && next <= 128 && (next % ReplicatedIntegration.GROUPS == 0 || next == 128), m + " at " + ratio
                        + " -> " + next);
                assertTrue(next >= Math.min(128, m * ratio * ratio), m + " at " + ratio + " -> " + next);
            }
        }
    }

    /** Same config, same bytes, whatever the thread count (means summed in replicate order). */
    @Test
    void sameResultOnOneAndTwoThreads() {
        ExperimentConfig c = config("{\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"eta\": 1, \"sigmaF\": 0.5, \"N\": 2000,"
                + " \"tMax\": 10, \"nTimes\": 10, \"rtol\": 1e-6, \"atol\": 1e-9, \"averaging\": {\"method\": \"sobol\", \"samples\": "
                        + "256}}");
        OdeResult one = run(c, 1), two = run(c, 2);
        assertEquals(one.averaging().replicates(), two.averaging().replicates());
        for (int i = 0; i < one.trajectory().size(); i++) {
            assertArrayEquals(one.trajectory().rows()[i], two.trajectory().rows()[i], 0.0, "row " + i);
        }
    }

    /** auto: the tensor grid where it is small and the activations smooth, Sobol points otherwise. */
    @Test
    void autoPicksTheCheaperAccurateMethod() {
        assertEquals("tensor", Experiments.engineName(config("{\"rule\": \"pepita\", \"K\": 2, \"M\": 2}")));
        assertEquals("sobol", Experiments.engineName(config("{\"rule\": \"pepita\", \"K\": 3, \"M\": 3}")));
        assertEquals("sobol", Experiments.engineName(config("{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"activation\": \"relu\", "
                + "\"teacherActivation\": \"relu\"}")));
        assertEquals("closedForm", Experiments.engineName(config("{\"rule\": \"afa\", \"K\": 10, \"M\": 10}")));
    }
}
