package org.forwardonly.plots.catalogue;

import org.forwardonly.theory.config.ExperimentConfig;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.DoubleConsumer;

/**
 * Counts the work done over a whole figure command in one unit: a run of config c costs
 * {@link #cost} = seeds · N · tMax (simulation steps, counted as they are done); a config run
 * only by the ODE is counted the same when its integrations finish, and a config run by both
 * engines is counted once. Thread-safe.
 */
public final class WorkMeter {
    private final DoubleAdder done = new DoubleAdder();
    private final DoubleConsumer listener;

    /** @param listener receives the total done so far after every advance (may be called from worker threads) */
    public WorkMeter(DoubleConsumer listener) {
        this.listener = listener;
    }

    /** The cost of a run. */
    public static double cost(ExperimentConfig c) {
        return (double) c.seeds() * c.N() * c.tMax();
    }

    /** The cost of a set of runs, each distinct config counted once (figures share runs). */
    public static double totalCost(java.util.Collection<ExperimentConfig> configs) {
        java.util.Map<String, ExperimentConfig> distinct = new java.util.HashMap<>();
        for (ExperimentConfig c : configs) distinct.putIfAbsent(FigureEngines.key(c), c);
        return distinct.values().stream().mapToDouble(WorkMeter::cost).sum();
    }

    /** Adds work done. */
    public void advance(double units) {
        done.add(units);
        synchronized (this) {
            listener.accept(done.sum());
        }
    }

    /** Work done so far. */
    public double done() {
        return done.sum();
    }
}
