package org.forwardonly.simulation.training;

import org.forwardonly.theory.config.ExperimentConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Runs the seeds {@code seed, seed+1, ...} of an experiment in parallel, each with its own
 * random streams, and combines them in seed order: the result does not depend on the number
 * of threads.
 */
public final class Simulation {
    private Simulation() {}

    /** Every seed's records, in seed order. */
    public record Result(List<String> columns, double[] times, List<SeedRun.Result> seeds) { }

    /**
     * @param config the experiment ({@code seeds} seeds from {@code seed})
     * @param times the recording times
     * @param threads worker threads (results are independent of this)
     * @param feedbackUpdates per-seed update of F (weight mirroring), or null
     * @param progress progress sink
     */
    public static Result run(ExperimentConfig config, double[] times, int threads,
                             LongFunction<FeedbackUpdate> feedbackUpdates, Progress progress) {
        int seeds = config.seeds();
        long total = seeds * SeedRun.work(config, times);
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, seeds)), r -> {
            Thread t = new Thread(r, "simulation");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SeedRun.Result>> futures = new ArrayList<>();
            for (int i = 0; i < seeds; i++) {
                long seed = config.seed() + i;
                FeedbackUpdate fu = feedbackUpdates == null ? null : feedbackUpdates.apply(seed);
                SeedRun run = new SeedRun(config, seed, fu);
                futures.add(pool.submit(() -> run.run(times, n -> progress.advanced(done.addAndGet(n), total))));
            }
            List<SeedRun.Result> results = new ArrayList<>();
            for (Future<SeedRun.Result> f : futures) results.add(f.get());
            return new Result(SeedRun.columns(config), times.clone(), List.copyOf(results));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
