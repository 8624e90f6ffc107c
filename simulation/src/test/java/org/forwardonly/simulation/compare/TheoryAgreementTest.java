package org.forwardonly.simulation.compare;

import org.forwardonly.simulation.training.Progress;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.SampleTimes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Theory (closed-form ODEs of docs/model.md §4, from the theory module) against finite-N simulation,
 * the small CI version of {@code ./pepita compare examples/compare-*.json} (docs/simulation.md):
 * N = 500, 8 seeds, t ≤ 20. Tolerance: {@link Agreement}'s rule, |sim − ode| ≤ 3 se + 5 max(1,|ode|)/N
 * at every time and for every order parameter, se from the paired differences over seeds.
 */
class TheoryAgreementTest {

    private static final String COMMON = "\"K\":2,\"M\":2,\"N\":500,\"seeds\":8,\"etaV\":1,\"sigma\":0.1,\"tMax\":20,\"nTimes\":15";

    private static Agreement compare(String simJson, String odeJson) {
        ExperimentConfig sim = ConfigParser.parse(simJson), ode = ConfigParser.parse(odeJson);
        Simulation.Result r = Simulation.run(sim, SampleTimes.of(sim), 2, null, Progress.NONE);
        return Agreement.of(TheoryComparison.of(ode, r), sim.N());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"rule\":\"bp\"", "\"rule\":\"fa\"",
            // afa from an aligned start (c ≈ 0.8, as in docs/model.md §4's check), so that its first layer learns
            "\"rule\":\"afa\",\"sigmaF\":1,\"alignF\":0.8", "\"rule\":\"afa\",\"sigmaF\":1,\"alignF\":0.8,\"modulationSign\":1,\"lastLayer\":\"h\"",
            // minibatches: the update averaged over B samples, the η² bracket of dQ divided by B (docs/model.md §7)
            "\"rule\":\"bp\",\"batchSize\":4,\"eta\":3"})
    void simulationAgreesWithTheClosedFormOde(String rule) {
        String json = "{" + (rule.contains("eta") ? rule : rule + ",\"eta\":1") + "," + COMMON + "}";
        Agreement a = compare(json, json);
        assertTrue(a.agrees(), a.report() + a.verdict());
    }

    @Test
    void theRuleRejectsATheoryWithAFirstLayerRateOff() {
        // negative control: the ODE with η = 0.85 for a simulation with η = 1 (same start, same η_v): a
        // systematic error of 15 % in one rate must not pass as agreement
        Agreement a = compare("{\"rule\":\"bp\",\"eta\":1," + COMMON + "}", "{\"rule\":\"bp\",\"eta\":0.85," + COMMON + "}");
        assertFalse(a.agrees(), a.report());
    }

    @Test
    void theRuleRejectsATheoryThatIgnoresTheMinibatch() {
        // negative control for docs/model.md §7: a B = 4 simulation at η = 3 against the ODE for B = 1 (the
        // η² bracket of dQ not divided by 4) must not pass as agreement
        String sim = "{\"rule\":\"bp\",\"batchSize\":4,\"eta\":3," + COMMON + "}";
        String ode = "{\"rule\":\"bp\",\"batchSize\":1,\"eta\":3," + COMMON + "}";
        Agreement a = compare(sim, ode);
        assertFalse(a.agrees(), a.report());
    }
}
