package org.forwardonly.simulation.extending;

import org.forwardonly.simulation.training.Progress;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.rules.FeedbackRule;
import org.forwardonly.theory.rules.RuleType;
import org.forwardonly.theory.rules.Rules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/extending.md, "Add a rule", done in test sources: a rule written once as its per-sample map
 * ({@link TwiceBackprop}) and registered in {@link Rules} runs through the config, the exact ODE engine and
 * the simulation with no other file touched. The rule is bp with its feedback doubled, b = 2v, so at
 * (η, η_v) it is bp at (2η, η_v) in both engines (docs/model.md §2: every first-layer term, including the
 * η² ones, carries η b): that gives each engine a reference to be checked against.
 */
class TestOnlyRuleTest {

    /** bp with b = 2v (docs/model.md §2's δ_k = b_k g'(λ_k) e). */
    static final class TwiceBackprop extends FeedbackRule {
        @Override
        public void feedback(double[] v, double[] bFixed, double[] c, double s, double[] out) {
            for (int k = 0; k < out.length; k++) out[k] = 2 * v[k];
        }
    }

    /** Declared without closed forms, so that its ODE is the exact engine's average of its per-sample map. */
    static final RuleType TWICE_BP = new RuleType("bp-twice", "BP×2", 0x56b4e9, RuleType.Feedback.SELF,
            false, false, null, false, modulated -> new TwiceBackprop());

    private static final String KEYS = "\"K\": 2, \"M\": 2, \"etaV\": 0.5, \"N\": 300, \"seed\": 4, \"seeds\": 2,"
            + " \"tMax\": 3, \"nTimes\": 6, \"testSize\": 100";

    @BeforeAll
    static void register() {
        Rules.register(TWICE_BP);
    }

    @AfterAll
    static void unregister() {
        Rules.unregister(TWICE_BP); // the other tests of this JVM see the built-in registry
    }

    private static ExperimentConfig twice() {
        return ConfigParser.parse("{\"rule\": \"bp-twice\", \"eta\": 0.5, " + KEYS + "}");
    }

    private static ExperimentConfig bp(String engine) {
        return ConfigParser.parse("{\"rule\": \"bp\", \"eta\": 1.0, \"odeEngine\": \"" + engine + "\", " + KEYS + "}");
    }

    @Test
    void theConfigResolvesItsNameToTheRegisteredRule() {
        ExperimentConfig c = twice();
        assertEquals(TWICE_BP, c.rule());
        assertEquals("tensor", Experiments.engineName(c));
        assertTrue(Rules.names().contains("bp-twice"));
        // what the rule does not support is refused at the boundary, as for a built-in rule
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigParser.parse("{\"rule\": \"bp-twice\", \"alignF\": 0.5, " + KEYS + "}"));
        assertTrue(e.getMessage().contains("key 'alignF'"), e.getMessage());
    }

    @Test
    void itsExactOdeIsBpsAtTwiceTheRate() {
        ExperimentConfig c = twice();
        double[] mine = epsG(c);
        double[] exact = epsG(bp("quadrature")), closed = epsG(bp("auto"));
        assertEquals(exact.length, mine.length);
        for (int i = 0; i < mine.length; i++) {
            // tolerance 1e-12 relative: the same grid and the same per-sample map up to (η/2)(2b) = η b, exact in
            // binary, so only rounding in the order of the averages could differ
            assertEquals(exact[i], mine[i], 1e-12 * exact[i], "eps_g at sample " + i + " against bp's exact engine");
            // tolerance 1e-3 relative: the 12-point Gauss-Hermite grid's error on these erf integrands, up to 4e-5
            // measured here (docs/model.md §5); bp at η instead of 2η moves eps_g by percents at t = 3
            assertEquals(closed[i], mine[i], 1e-3 * closed[i], "eps_g at sample " + i + " against bp's closed form");
        }
        assertFalse(mine[0] == mine[mine.length - 1], "the run must move for the check to mean anything");
    }

    private static double[] epsG(ExperimentConfig c) {
        OdeResult r = Experiments.integrate(c, Experiments.initialConditions(c, c.seed()), IntegrationObserver.NONE);
        return r.trajectory().column("eps_g");
    }

    @Test
    void itsSimulationIsBpsAtTwiceTheRateBitForBit() {
        ExperimentConfig c = twice(), b = bp("auto");
        Simulation.Result twice = Simulation.run(c, SampleTimes.of(c), 1, null, Progress.NONE);
        Simulation.Result bp = Simulation.run(b, SampleTimes.of(b), 1, null, Progress.NONE);
        assertEquals(bp.columns(), twice.columns());
        for (int s = 0; s < 2; s++) {
            double[][] x = twice.seeds().get(s).trajectory().rows(), y = bp.seeds().get(s).trajectory().rows();
            // tolerance 0: (η/2)(2δ) is η δ exactly in binary floating point, so the same seeds give the same weights
            for (int i = 0; i < x.length; i++) assertArrayEquals(y[i], x[i], 0.0, "seed " + s + ", sample " + i);
        }
    }
}
