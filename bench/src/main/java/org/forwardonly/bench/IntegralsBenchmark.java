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
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The erf Gaussian averages of docs/model.md §3 as the right-hand side uses them: preparing a
 * covariance, then Σ_cd w_c w_d I4(k,l,c,d) over all student pairs k ≤ l (the O(K²(K+M)²) part),
 * Σ_c w_c I3 over all (k, field) and Σ_c w_c I2.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IntegralsBenchmark {
    /** Students/teachers. */
    @Param({"4/4", "6/3", "10/10"})
    public String km;

    private WeightedAverages averages;
    private double[] C, w;
    private int K, nG;

    @Setup
    public void setup() {
        int[] p = Configs.km(km);
        K = p[0];
        nG = p[0] + p[1];
        ExperimentConfig config = Configs.bp(p[0], p[1], 1000);
        OrderParameters init = Experiments.initialConditions(config, 0);
        StateLayout layout = StateLayout.forRule(Rules.BP, p[0], p[1]);
        FieldCovariance fc = new FieldCovariance(layout, init.T());
        C = new double[fc.size() * fc.size()];
        fc.fill(init.pack(layout), C);
        w = new double[nG];
        for (int k = 0; k < K; k++) w[k] = init.v()[k];
        for (int m = 0; m < p[1]; m++) w[K + m] = -init.vStar()[m];
        averages = WeightedAverages.create(ClosedFormAverages.ERF, K, nG, fc.size());
    }

    @Benchmark
    public double prepare() {
        averages.prepare(C, w);
        return C[0];
    }

    @Benchmark
    public double weightedI4AllPairs() {
        averages.prepare(C, w);
        double s = 0;
        for (int k = 0; k < K; k++) {
            for (int l = k; l < K; l++) s += averages.weightedI4(k, l);
        }
        return s;
    }

    @Benchmark
    public double weightedI3AllFields() {
        averages.prepare(C, w);
        double s = 0;
        for (int k = 0; k < K; k++) {
            for (int b = 0; b < nG; b++) s += averages.weightedI3(k, b);
        }
        return s;
    }

    @Benchmark
    public double weightedI2AndEpsG() {
        averages.prepare(C, w);
        double s = averages.quadraticI2();
        for (int k = 0; k < K; k++) s += averages.weightedI2(k);
        return s;
    }
}
