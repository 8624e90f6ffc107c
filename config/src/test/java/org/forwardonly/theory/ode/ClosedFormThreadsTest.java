package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Splitting the I4 sums over threads changes no bit: the right-hand side and a K=M=10 Euler
 * trajectory compared as raw long bits (no tolerance: the same code computes every pair on the
 * same inputs and the sums are combined in the same order).
 */
class ClosedFormThreadsTest {

    private static ExperimentConfig config(String rule, String activation, int K, int M, String integrator) {
        return ConfigParser.parse("{\"rule\":\"" + rule + "\",\"activation\":\"" + activation + "\",\"K\":" + K
                + ",\"M\":" + M + ",\"eta\":1,\"etaV\":0.8,\"sigma\":0.1,\"batchSize\":2,\"sigmaF\":0.5,\"N\":200,"
                + "\"integrator\":\"" + integrator + "\",\"dt\":0.01,\"tMax\":2,\"nTimes\":20,\"timeSpacing\":\"linear\"}");
    }

    @ParameterizedTest(name = "{0} {1} K={2} M={3} threads={4}")
    @CsvSource({
            "bp,  erf,    10, 10, 2",
            "bp,  erf,    10, 10, 3",
            "afa, erf,    9,  4,  2",
            "fa,  erf,    1,  3,  2",
            "bp,  linear, 5,  5,  2",
    })
    void derivativesAreBitwiseIndependentOfThreads(String rule, String activation, int K, int M, int threads) {
        ExperimentConfig cfg = config(rule, activation, K, M, "euler");
        OrderParameters init = Experiments.initialConditions(cfg, 3);
        try (ClosedFormDynamics one = new ClosedFormDynamics(cfg, init, 1);
             ClosedFormDynamics many = new ClosedFormDynamics(cfg, init, threads)) {
            assertEquals(threads, many.threads());
            double[] y = init.pack(one.layout());
            double[] a = new double[y.length], b = new double[y.length];
            for (int round = 0; round < 50; round++) {
                one.derivatives(y, a);
                many.derivatives(y, b);
                for (int i = 0; i < y.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(b[i]),
                            "round " + round + ", " + one.layout().columnNames().get(i) + ": " + a[i] + " vs " + b[i]);
                }
                assertEquals(Double.doubleToRawLongBits(one.epsG(y)), Double.doubleToRawLongBits(many.epsG(y)));
                for (int i = 0; i < y.length; i++) y[i] += 0.01 * a[i]; // move on: a new covariance each round
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"euler", "dp853"})
    void trajectoryK10M10IsBitwiseIndependentOfThreads(String integrator) {
        // 200 Euler steps (or dp853 to t = 2) at K = M = 10: every sampled value, every bit
        ExperimentConfig cfg = config("bp", "erf", 10, 10, integrator);
        OrderParameters init = Experiments.initialConditions(cfg, 0);
        double[] times = SampleTimes.of(cfg);
        OdeResult a, b;
        try (OrderParameterDynamics d1 = Experiments.dynamics(cfg, init, 1);
             OrderParameterDynamics d2 = Experiments.dynamics(cfg, init, 2)) {
            a = Experiments.integrate(cfg, d1, init, times, IntegrationObserver.NONE);
            b = Experiments.integrate(cfg, d2, init, times, IntegrationObserver.NONE);
        }
        assertEquals(a.evaluations(), b.evaluations());
        Trajectory ta = a.trajectory(), tb = b.trajectory();
        assertEquals(20, ta.size());
        assertEquals(ta.size(), tb.size());
        for (int r = 0; r < ta.size(); r++) {
            assertEquals(Double.doubleToRawLongBits(ta.times()[r]), Double.doubleToRawLongBits(tb.times()[r]));
            for (int c = 0; c < ta.rows()[r].length; c++) {
                assertEquals(Double.doubleToRawLongBits(ta.rows()[r][c]), Double.doubleToRawLongBits(tb.rows()[r][c]),
                        "t = " + ta.times()[r] + ", column " + c);
            }
        }
    }

    @Test
    void defaultThreadsSplitOnlyLargeClosedFormErf() {
        assertEquals(2, Experiments.defaultThreads(config("bp", "erf", 10, 10, "euler"), 2));
        assertEquals(2, Experiments.defaultThreads(config("bp", "erf", 8, 1, "euler"), 16));
        assertEquals(1, Experiments.defaultThreads(config("bp", "erf", 10, 10, "euler"), 1));
        assertEquals(1, Experiments.defaultThreads(config("bp", "erf", 7, 7, "euler"), 2));
        assertEquals(1, Experiments.defaultThreads(config("bp", "linear", 10, 10, "euler"), 2));
        // the exact engine: the tensor grid (K = 2, M = 1 with label noise: 12^4 points) on one thread, Sobol replicates on two
        assertEquals(1, Experiments.defaultThreads(config("pepita", "erf", 2, 1, "euler"), 2));
        assertEquals(2, Experiments.defaultThreads(config("pepita", "erf", 10, 10, "euler"), 2));
    }

    @Test
    void rejectsZeroThreads() {
        ExperimentConfig cfg = config("bp", "erf", 2, 2, "euler");
        assertThrows(IllegalArgumentException.class,
                () -> Experiments.dynamics(cfg, Experiments.initialConditions(cfg, 0), 0));
    }
}
