package org.forwardonly.bench;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.integrals.ClosedFormAverages;
import org.forwardonly.theory.integrals.WeightedAverages;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.state.FieldCovariance;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
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
import java.util.concurrent.locks.LockSupport;

/**
 * Would two threads pay for the I4 part of the right-hand side? All Σ_cd w_c w_d I4(k,l,c,d) over
 * student pairs k ≤ l, on one thread or split with a fixed partition (even pairs on the caller,
 * odd pairs on a worker thread with its own workspace, spin-then-park hand-off per evaluation).
 * Each pair is computed by the same code on the same inputs, so both give bitwise the same
 * numbers. Not used by the engine (docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SplitI4Benchmark {
    /** Students/teachers. */
    @Param({"10/10"})
    public String km;

    /** 1: all pairs on the caller; 2: split with a worker. */
    @Param({"1", "2"})
    public int threads;

    private WeightedAverages mine, theirs;
    private double[] C, w, out;
    private int[] pairK, pairL;
    private volatile int go, done;
    private Thread worker;

    @Setup
    public void setup() {
        int[] p = Configs.km(km);
        int K = p[0], M = p[1], nG = K + M;
        ExperimentConfig config = Configs.bp(K, M, 1000);
        OrderParameters init = Experiments.initialConditions(config, 0);
        StateLayout layout = StateLayout.forRule(Rules.byName("bp", true), K, M);
        FieldCovariance fc = new FieldCovariance(layout, init.T());
        int n = fc.size();
        C = new double[n * n];
        fc.fill(init.pack(layout), C);
        w = new double[nG];
        for (int k = 0; k < K; k++) w[k] = init.v()[k];
        for (int m = 0; m < M; m++) w[K + m] = -init.vStar()[m];
        mine = WeightedAverages.create(ClosedFormAverages.ERF, K, nG, n);
        theirs = WeightedAverages.create(ClosedFormAverages.ERF, K, nG, n);
        int pairs = K * (K + 1) / 2;
        pairK = new int[pairs];
        pairL = new int[pairs];
        for (int k = 0, q = 0; k < K; k++) {
            for (int l = k; l < K; l++, q++) {
                pairK[q] = k;
                pairL[q] = l;
            }
        }
        out = new double[pairs];
        if (threads == 2) {
            worker = new Thread(this::work, "i4-worker");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void work() {
        int seen = 0;
        while (true) {
            int g;
            int spins = 0;
            while ((g = go) == seen) {
                if (++spins > 2000) LockSupport.parkNanos(1000);
                else Thread.onSpinWait();
            }
            seen = g;
            if (g < 0) return;
            theirs.prepare(C, w);
            for (int q = 1; q < out.length; q += 2) out[q] = theirs.weightedI4(pairK[q], pairL[q]);
            done = g;
        }
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        if (worker != null) {
            go = -1;
            worker.join();
        }
    }

    @Benchmark
    public double allPairs() {
        mine.prepare(C, w);
        if (threads == 1) {
            for (int q = 0; q < out.length; q++) out[q] = mine.weightedI4(pairK[q], pairL[q]);
        } else {
            int g = go + 1;
            go = g;
            for (int q = 0; q < out.length; q += 2) out[q] = mine.weightedI4(pairK[q], pairL[q]);
            int spins = 0;
            while (done != g) {
                if (++spins > 2000) LockSupport.parkNanos(1000);
                else Thread.onSpinWait();
            }
        }
        return out[out.length - 1];
    }
}
