package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written fixed-step loop ({@link FixedStepLoop}) against Hipparchus' EulerIntegrator
 * and ClassicalRungeKuttaIntegrator with the same step handler and divergence detector.
 *
 * <p>Tolerance: none. The loop performs the same floating-point operations in the same order
 * (Butcher sums, t accumulated as t + h, the last step cut to tEnd, Hipparchus' dense-output
 * formulas at sample times that fall inside a step), so every sampled value must be bitwise
 * equal; a reordering anywhere would show up as a last-bit difference after 10⁴ steps.
 */
class FixedStepLoopTest {

    private static ExperimentConfig reference(String integrator, String extra) throws Exception {
        String json = Files.readString(ReferenceCurveTest.REFERENCE.resolve("bp_k2m2.json"));
        return ConfigParser.parse(json.replace("\"integrator\": \"euler\"", "\"integrator\": \"" + integrator + "\"" + extra));
    }

    private static void assertSame(OdeResult fast, OdeResult hipparchus) {
        assertEquals(hipparchus.diverged(), fast.diverged());
        assertEquals(hipparchus.divergenceTime(), fast.divergenceTime(), 0.0);
        assertEquals(hipparchus.reason(), fast.reason());
        Trajectory a = fast.trajectory(), b = hipparchus.trajectory();
        assertArrayEquals(b.times(), a.times(), 0.0);
        for (String column : b.columns()) assertArrayEquals(b.column(column), a.column(column), 0.0, column);
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "rk4"})
    void reproducesHipparchusBitwise(String integrator) throws Exception {
        // 200 log-spaced samples to t = 100: almost all fall inside a step (dense output)
        ExperimentConfig config = reference(integrator, ", \"nTimes\": 200, \"timeSpacing\": \"log\"");
        OrderParameters init = OrderParameters.fromInit(config.init());
        double[] times = SampleTimes.of(config);
        OdeResult fast = Experiments.integrate(config, Experiments.dynamics(config, init), init, times, IntegrationObserver.NONE, false);
        OdeResult slow = Experiments.integrate(config, Experiments.dynamics(config, init), init, times, IntegrationObserver.NONE, true);
        assertTrue(!fast.diverged() && fast.trajectory().times().length == times.length);
        assertSame(fast, slow);
        assertEquals(slow.evaluations(), fast.evaluations(), "same number of right-hand-side evaluations");
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "rk4"})
    void divergenceIsLocatedAsByHipparchus(String integrator) throws Exception {
        // linear K=M=1 with η v² = 5 > 2 grows like e^{15t} (LinearAnalyticTest): ε_g passes epsGBound = 100 near t ≈ 0.3
        String json = "{\"rule\":\"bp\",\"activation\":\"linear\",\"K\":1,\"M\":1,\"eta\":5,\"etaV\":0,\"integrator\":\""
                + integrator + "\",\"dt\":0.01,\"tMax\":2,\"timeSpacing\":\"linear\",\"nTimes\":101,"
                + "\"init\":{\"Q\":[[1]],\"R\":[[0]],\"T\":[[1]],\"v\":[1],\"vStar\":[1]}}";
        ExperimentConfig config = ConfigParser.parse(json);
        OrderParameters init = OrderParameters.fromInit(config.init());
        double[] times = SampleTimes.of(config);
        OdeResult fast = Experiments.integrate(config, Experiments.dynamics(config, init), init, times, IntegrationObserver.NONE, false);
        OdeResult slow = Experiments.integrate(config, Experiments.dynamics(config, init), init, times, IntegrationObserver.NONE, true);
        assertTrue(fast.diverged() && fast.divergenceTime() > 0 && fast.divergenceTime() < 2, "t = " + fast.divergenceTime());
        assertSame(fast, slow);
    }
}
