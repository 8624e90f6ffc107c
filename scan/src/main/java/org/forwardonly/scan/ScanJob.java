package org.forwardonly.scan;

import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.output.ScanTable;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.store.ResultCache;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.scan.store.ScanLock;
import org.forwardonly.scan.store.ScanManifest;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a scan into a directory, resuming what an earlier run left: lock DIR, check (or write)
 * the manifest's spec hash, load the finished points, run only the missing ones on the
 * executor (each stored as it finishes), then write the sorted table DIR/scan.csv.
 */
public final class ScanJob {

    private ScanJob() {}

    /** Hears how a scan advances (the cli draws its progress bar from it). Called on the scan's thread. */
    public interface Listener {
        /** A listener that ignores everything. */
        Listener NONE = new Listener() { };

        /** Before running: all points, those found finished in DIR, and where the rest run. */
        default void started(int total, int resumed, String executor) { }

        /** One more point stored; {@code done} counts resumed points too. */
        default void stored(int done, int total) { }

        /** Every point is stored. */
        default void finished(int total) { }
    }

    /**
     * What a run did.
     *
     * @param table    DIR/scan.csv, or null while points are pending
     * @param total    points in the spec
     * @param resumed  points found finished in DIR
     * @param computed points computed by this run
     * @param diverged rows (point × engine) that diverged
     * @param results  every stored point's result, in grid order
     * @param cached   points copied from the result cache by this run
     * @param pending  points left to an executor that runs on after this run returns (a Slurm array
     *                 submitted with --no-wait); 0 when the table is written
     */
    public record Outcome(Path table, int total, int resumed, int computed, int diverged, List<PointResult> results,
                          int cached, int pending) {}

    /**
     * Checks up front that the runner can run every point (engine available for its rule, valid
     * initial conditions): throws {@link org.forwardonly.scan.spec.ScanSpecException} naming the point and the key.
     */
    public static void checkPoints(ScanSpec spec, PointRunner runner) {
        for (ScanPoint p : spec.points()) {
            try {
                runner.check(ConfigParser.parse(p.config()));
            } catch (ConfigException e) {
                throw new ScanSpecException("scan spec: " + p.label() + ": " + e.getMessage());
            }
        }
    }

    /**
     * Runs the scan. Throws {@link org.forwardonly.scan.spec.ScanSpecException} if DIR is locked
     * or holds another scan, {@link org.forwardonly.scan.run.PointFailedException} if a point's
     * run throws, {@link org.forwardonly.scan.exec.ExecutorUnavailableException} if the executor
     * cannot start (DIR untouched) or fails mid-scan (finished points stay stored for the next run).
     */
    public static Outcome run(ScanSpec spec, Path dir, PointRunner runner, ScanExecutor executor, String version) {
        return run(spec, dir, runner, executor, version, List.of(), Listener.NONE);
    }

    /**
     * As {@link #run(ScanSpec, Path, PointRunner, ScanExecutor, String)}, recording the command line
     * in DIR/scan.json and telling the listener (a progress bar) how far it got.
     */
    public static Outcome run(ScanSpec spec, Path dir, PointRunner runner, ScanExecutor executor, String version,
                              List<String> command, Listener listener) {
        return run(spec, dir, runner, executor, version, command, listener, null);
    }

    /**
     * As above, with a result cache (null for none): points it holds are copied into DIR, not run,
     * every point computed is added to it, and the table gets the {@code cached} column. An
     * executor that returns before every point is stored (a Slurm array submitted without waiting)
     * leaves them pending: no table yet, a later run on DIR finishes it.
     */
    public static Outcome run(ScanSpec spec, Path dir, PointRunner runner, ScanExecutor executor, String version,
                              List<String> command, Listener listener, ResultCache cache) {
        executor.start();   // a cluster that cannot run the points fails here, before DIR is touched
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        try (ScanLock lock = ScanLock.acquire(dir)) {
            ScanManifest.writeOrCheck(dir, spec, version, command);
            try (ResultStore store = ResultStore.open(dir, spec)) {
                List<ScanPoint> todo = store.missing(spec);
                int resumed = spec.size() - todo.size();
                int fromCache = 0;
                if (cache != null) {
                    for (ScanPoint p : todo) {
                        var hit = cache.get(spec, p);
                        if (hit.isPresent() && store.append(hit.get())) fromCache++;
                    }
                    todo = store.missing(spec);
                }
                listener.started(spec.size(), resumed + fromCache, executor.describe());
                executor.execute(todo, runner, r -> {
                    store.append(r);
                    if (cache != null) cache.put(spec, r);
                    listener.stored(store.size(), spec.size());
                });
                store.refresh();
                int pending = spec.size() - store.size();
                if (pending > 0) {
                    return new Outcome(null, spec.size(), resumed, todo.size() - pending, 0, store.results(), fromCache, pending);
                }
                listener.finished(spec.size());
                if (cache != null) {
                    for (PointResult r : store.results()) cache.put(spec, r);   // points computed by an earlier, cache-less run
                }
                int diverged = (int) store.results().stream().flatMap(r -> r.rows().stream()).filter(s -> s.diverged()).count();
                Path table = ScanTable.write(dir, spec, store.results(), cache != null);
                return new Outcome(table, spec.size(), resumed, todo.size(), diverged, store.results(), fromCache, 0);
            }
        }
    }
}
