package org.forwardonly.bench;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.OrderParameterDynamics;
import org.forwardonly.theory.ode.SampleTimes;
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
 * Whether the hand-written fixed-step loop pays (issue 25: "Hipparchus' fixed-step integrators unless a
 * benchmark shows FixedStepLoop is needed"): the same bp ODE, 1000 steps of euler or 250 of rk4 to t = 10
 * with 200 samples, through {@code FixedStepLoop} (what {@code pepita ode} runs) and through Hipparchus'
 * EulerIntegrator / ClassicalRungeKuttaIntegrator with the divergence detector (what it would run
 * otherwise). The two give the same bits (FixedStepLoopTest); only the time differs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FixedStepBenchmark {
    /** Students/teachers. */
    @Param({"2/2", "4/4", "10/10"})
    public String km;

    /** euler (dt = 0.01, 1000 steps) or rk4 (dt = 0.04, 250 steps, as many evaluations). */
    @Param({"euler", "rk4"})
    public String integrator;

    /** loop: FixedStepLoop; hipparchus: Hipparchus' integrator of the same tableau. */
    @Param({"loop", "hipparchus"})
    public String path;

    private ExperimentConfig config;
    private OrderParameterDynamics dynamics;
    private OrderParameters init;
    private double[] times;

    @Setup
    public void setup() {
        int[] p = Configs.km(km);
        config = Configs.bpFixedStep(p[0], p[1], integrator, integrator.equals("rk4") ? 0.04 : 0.01, 10);
        init = Experiments.initialConditions(config, 0);
        dynamics = Experiments.dynamics(config, init, 1);
        times = SampleTimes.of(config);
    }

    @TearDown
    public void tearDown() {
        dynamics.close();
    }

    @Benchmark
    public double integrate() {
        OdeResult r = Experiments.integrate(config, dynamics, init, times, IntegrationObserver.NONE, path.equals("hipparchus"));
        double[][] rows = r.trajectory().rows();
        return rows[rows.length - 1][0];
    }
}
