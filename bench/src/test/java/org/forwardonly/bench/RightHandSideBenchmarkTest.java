package org.forwardonly.bench;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.FieldAverageDynamics;
import org.forwardonly.theory.state.OrderParameters;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The right-hand-side benchmark of a Sobol config measures the whole pooled drift, not one replicate. */
class RightHandSideBenchmarkTest {

    @Test
    void sobolBenchmarkEvaluatesThePooledDrift() {
        RightHandSideBenchmark bench = new RightHandSideBenchmark();
        bench.km = "2/2";
        bench.threads = 1;
        bench.engine = "sobol";
        bench.setup();
        double measured;
        try {
            measured = bench.derivatives();
        } finally {
            bench.tearDown();
        }
        ExperimentConfig c = Configs.bpSobol(2, 2, 1000);
        OrderParameters init = Experiments.initialConditions(c, 0);
        int m = Math.min(c.averaging().replicates(), c.averaging().maxReplicates());
        try (FieldAverageDynamics pool = new FieldAverageDynamics(c, init, IntStream.range(0, m).toArray());
             FieldAverageDynamics one = new FieldAverageDynamics(c, init, 0)) {
            double[] y = init.pack(pool.layout()), a = new double[y.length], b = new double[y.length];
            pool.derivatives(y, a);
            one.derivatives(y, b);
            // bitwise: the same drift, built the same way
            assertEquals(a[0], measured, 0.0);
            assertNotEquals(b[0], measured, "replicate 0 alone must differ, or this check could not fail");
        }
    }
}
