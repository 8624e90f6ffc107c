package org.forwardonly.bench;

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

import java.util.concurrent.TimeUnit;

/**
 * The right-hand side of bp (erf) at the seed-0 initial conditions through the dynamics seam
 * ({@link Experiments#dynamics}), on each engine: the closed forms of docs/model.md §4 with the I4 sums
 * on 1 or 2 threads, and the exact engine on the whole pooled Sobol drift (docs/model.md §8; threads
 * ignored). One evaluation of dy/dt, and one ε_g (what the divergence check costs per step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RightHandSideBenchmark {
    /** Students/teachers. */
    @Param({"4/4", "6/3", "10/10"})
    public String km;

    /** Threads of the I4 sums, the caller included. */
    @Param({"1", "2"})
    public int threads;

    /** The engine: closedForm, or sobol (the exact engine, all pooled replicates). */
    @Param({"closedForm", "sobol"})
    public String engine;

    private OrderParameterDynamics dynamics;
    private double[] y, yDot;

    @Setup
    public void setup() {
        int[] p = Configs.km(km);
        ExperimentConfig config = engine.equals("sobol") ? Configs.bpSobol(p[0], p[1], 1000) : Configs.bp(p[0], p[1], 1000);
        OrderParameters init = Experiments.initialConditions(config, 0);
        dynamics = Experiments.dynamics(config, init, threads);
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

    @Benchmark
    public double epsG() {
        return dynamics.epsG(y);
    }
}
