package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dynamics seam: {@link OdeEngine#of} chooses the engine, and {@link Experiments#dynamics} hands back the
 * drift that engine integrates, for Sobol the whole pooled drift of the first pass (not one replicate).
 */
class OdeEngineTest {

    private static ExperimentConfig config(String keys) {
        return ConfigParser.parse("{" + keys + ", \"N\": 1000, \"seed\": 2}");
    }

    @Test
    void choosesOneEnginePerConfig() {
        assertEquals(OdeEngine.CLOSED_FORM, OdeEngine.of(config("\"rule\": \"bp\", \"K\": 2, \"M\": 2")));
        assertEquals(OdeEngine.TENSOR, OdeEngine.of(config("\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"sigmaF\": 0.5")));
        assertEquals(OdeEngine.SOBOL, OdeEngine.of(config("\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"sigmaF\": 0.5")));
        assertEquals("sobol", Experiments.engineName(config("\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"sigmaF\": 0.5")));
    }

    /**
     * Bitwise: the seam's drift is the pool of replicates 0 … replicates − 1, the same arithmetic as building it
     * directly. It must differ from replicate 0 alone (the seam's old answer), or the check could not fail.
     */
    @Test
    void sobolDriftIsTheWholePool() {
        ExperimentConfig c = config("\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"sigmaF\": 0.5, "
                + "\"averaging\": {\"method\": \"sobol\", \"samples\": 64, \"replicates\": 4}");
        OrderParameters init = Experiments.initialConditions(c, c.seed());
        assertArrayEquals(new int[] {0, 1, 2, 3}, OdeEngine.firstPool(c));
        try (OrderParameterDynamics seam = Experiments.dynamics(c, init, 1);
             FieldAverageDynamics pool = new FieldAverageDynamics(c, init, new int[] {0, 1, 2, 3});
             FieldAverageDynamics one = new FieldAverageDynamics(c, init, 0)) {
            double[] y = init.pack(seam.layout());
            double[] a = new double[y.length], b = new double[y.length], r0 = new double[y.length];
            seam.derivatives(y, a);
            pool.derivatives(y, b);
            one.derivatives(y, r0);
            assertArrayEquals(b, a, 0.0);
            assertFalse(java.util.Arrays.equals(a, r0), "the pool must differ from replicate 0 alone");
            assertTrue(((FieldAverageDynamics) seam).describeAveraging().contains("4"), ((FieldAverageDynamics) seam).describeAveraging());
        }
    }
}
