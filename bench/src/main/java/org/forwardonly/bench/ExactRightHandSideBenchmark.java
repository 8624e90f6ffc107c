package org.forwardonly.bench;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.OrderParameterDynamics;
import org.forwardonly.theory.state.OrderParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One right-hand side of the exact engine (docs/model.md §8) through the dynamics seam
 * ({@link Experiments#dynamics}): exact PEPITA (erf, σ_F = 0.5) at the seed-1 random start, the whole
 * pooled Sobol drift that {@code pepita ode} integrates first (averaging.replicates × averaging.samples
 * points, defaults) with and without the first-order control variate, and the tensor grid (n = 12) where
 * it is small. Per point it evaluates the rule (the clean pass once, the modulated pass), the control's
 * increments and the accumulations; per evaluation, a Cholesky factor and the control's closed-form drift. Run:
 * {@code java -jar bench/target/benchmarks.jar ExactRightHandSide}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExactRightHandSideBenchmark {
    /** Students/teachers. */
    @Param({"2/2", "4/4", "10/10"})
    public String km;

    /** sobol (with the control variate), sobol-plain (without), or tensor (K + M ≤ 4 only). */
    @Param({"sobol", "sobol-plain", "tensor"})
    public String method;

    private OrderParameterDynamics dynamics;
    private double[] y, yDot;

    @Setup
    public void setup() {
        int[] p = Configs.km(km);
        boolean tensor = method.equals("tensor");
        if (tensor && p[0] + p[1] > 4) {
            throw new IllegalArgumentException("the tensor grid is benchmarked at K + M <= 4 only (12^(K+M) points)");
        }
        ExperimentConfig config = ConfigParser.parse(String.format(Locale.ROOT, "{\"rule\": \"pepita\", \"K\": %d, \"M\": %d, "
                + "\"eta\": 0.5, \"etaV\": 0.5, \"sigmaF\": 0.5, \"N\": 10000, \"seed\": 1, \"averaging\": {\"method\": \"%s\", "
                + "\"controlVariate\": %b}}", p[0], p[1], tensor ? "tensor" : "sobol", method.equals("sobol")));
        OrderParameters init = Experiments.initialConditions(config, config.seed());
        dynamics = Experiments.dynamics(config, init, 1);
        y = init.pack(dynamics.layout());
        yDot = new double[y.length];
    }

    @TearDown
    public void tearDown() {
        dynamics.close();
    }

    @Benchmark
    public double derivatives() {
        dynamics.derivatives(y, yDot);
        return yDot[0];
    }
}
