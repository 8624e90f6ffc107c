package org.forwardonly.theory.ode;

import org.forwardonly.theory.concurrent.ItemSplit;
import org.forwardonly.theory.integrals.ClosedFormAverages;
import org.forwardonly.theory.integrals.WeightedAverages;

/**
 * The I4 sums of the η² term of dQ_kl/dt (docs/model.md §4), Σ_cd w_c w_d I4(k,l,c,d) for every
 * student pair k ≤ l, computed on 1 or more threads ({@link ItemSplit}): the bulk of a large
 * closed-form right-hand side (K² (K+M)²/4 arcsines per evaluation). Each helper thread has its own
 * {@link WeightedAverages} prepared from the same covariance and weights, and every pair is computed
 * by {@link WeightedAverages#weightedI4}, so the sums are bitwise the same for any thread count
 * and schedule. Allocation-free per evaluation.
 */
final class StudentPairI4 implements ItemSplit.Work, AutoCloseable {
    private final int K;
    /** Pair q = (pairK[q], pairL[q]), k ≤ l, in row order of the upper triangle. */
    private final int[] pairK, pairL;
    /** Workspace per thread; [0] is the caller's, prepared by the caller. */
    private final WeightedAverages[] averages;
    private final ItemSplit split;
    private double[] C, w;

    /**
     * @param callers the caller's workspace (prepared by the caller before each {@link #start})
     * @param threads threads, the caller included
     */
    StudentPairI4(WeightedAverages callers, ClosedFormAverages kind, int K, int nG, int n, int threads) {
        this.K = K;
        int pairs = K * (K + 1) / 2;
        pairK = new int[pairs];
        pairL = new int[pairs];
        for (int k = 0, q = 0; k < K; k++) {
            for (int l = k; l < K; l++, q++) {
                pairK[q] = k;
                pairL[q] = l;
            }
        }
        averages = new WeightedAverages[threads];
        averages[0] = callers;
        for (int t = 1; t < threads; t++) averages[t] = WeightedAverages.create(kind, K, nG, n);
        split = new ItemSplit(pairs, threads, this, "pepita-i4");
    }

    /** Fraction of the evaluations so far that used the helper threads. */
    double helperShare() {
        return split.helperShare();
    }

    /** {@link ItemSplit#lastProbeNanos()}. */
    double[] lastProbeNanos() {
        return split.lastProbeNanos();
    }

    /** Threads used, the caller included. */
    int threads() {
        return split.threads();
    }

    /**
     * Starts the helpers on covariance C and weights w (the arrays the caller's workspace was
     * prepared with; not modified until {@link #finish}; a late helper may read them after, and
     * its result is discarded, see {@link ItemSplit}).
     */
    void start(double[] C, double[] w) {
        this.C = C;
        this.w = w;
        split.start();
    }

    /** Computes the remaining pairs on the caller and waits for all; then {@link #sum} is valid. */
    void finish() {
        split.finish();
    }

    /** Σ_cd w_c w_d I4(k, l, c, d) for students k ≤ l, after {@link #finish}. */
    double sum(int k, int l) {
        // row k of the upper triangle starts at k K − k(k−1)/2
        return split.value(k * K - k * (k - 1) / 2 + (l - k));
    }

    @Override
    public void prepare(int thread) {
        averages[thread].prepareI4(C, w);
    }

    @Override
    public double compute(int thread, int item) {
        return averages[thread].weightedI4(pairK[item], pairL[item]);
    }

    @Override
    public void close() {
        split.close();
    }
}
