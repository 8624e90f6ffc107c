package org.forwardonly.scan.exec;

import org.forwardonly.scan.run.PointFailedException;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanPoint;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs points on a fixed pool of local threads (all cores by default). */
public final class LocalExecutor implements ScanExecutor {

    private final int threads;

    /** @param threads pool size, ≥ 1 */
    public LocalExecutor(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.threads = threads;
    }

    /** A pool with one thread per available core. */
    public static LocalExecutor allCores() {
        return new LocalExecutor(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public void execute(List<ScanPoint> points, PointRunner runner, Consumer<PointResult> sink) {
        if (points.isEmpty()) return;
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, points.size()), r -> {
            Thread t = new Thread(r, "scan-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<PointResult> done = new ExecutorCompletionService<>(pool);
            for (ScanPoint p : points) done.submit(() -> PointResult.compute(p, runner));
            for (int i = 0; i < points.size(); i++) {
                Future<PointResult> f = done.take();
                sink.accept(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            throw new PointFailedException(String.valueOf(c), c);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String describe() {
        return threads + " local thread" + (threads == 1 ? "" : "s");
    }
}
