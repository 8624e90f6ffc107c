package org.forwardonly.bench;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.training.OnlineTrainer;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.theory.init.NetworkDraw;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One online SGD step of the simulation's trainer (bp, erf, K = M = 4, both layers trained),
 * and the floor it is compared with: N Gaussians from the trainer's sampler.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector") // RowProducts' vector kernels (same bits as the scalar ones)
public class SgdStepBenchmark {
    /** Input dimension. */
    @Param({"1000", "10000"})
    public int N;

    private OnlineTrainer trainer;
    private Network net;
    private ZigguratSampler.NormalizedGaussian gauss;
    private double[] x;

    @Setup
    public void setup() {
        SeedRun run = new SeedRun(Configs.bp(4, 4, N), 0, null);
        net = run.initialNetwork();
        trainer = run.trainer(net);
        gauss = ZigguratSampler.NormalizedGaussian.of(NetworkDraw.rng(1));
        x = new double[N];
    }

    @Benchmark
    public double step() {
        trainer.step();
        return net.v[0];
    }

    @Benchmark
    public double drawGaussians() {
        for (int i = 0; i < N; i++) x[i] = gauss.sample();
        return x[N - 1];
    }
}
