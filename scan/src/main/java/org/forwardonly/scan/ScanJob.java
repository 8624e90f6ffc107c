package org.forwardonly.scan;

import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.output.ScanTable;
import org.forwardonly.scan.progress.ProgressBar;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.scan.store.ScanLock;
import org.forwardonly.scan.store.ScanManifest;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ConfigParser;

import java.io.IOException;
import java.io.PrintStream;
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

    /**
     * What a run did.
     *
     * @param table    DIR/scan.csv
     * @param total    points in the spec
     * @param resumed  points found finished in DIR
     * @param computed points computed by this run
     * @param diverged rows (point × engine) that diverged
     */
    public record Outcome(Path table, int total, int resumed, int computed, int diverged) {}

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
     * run throws (finished points stay stored for the next run).
     */
    public static Outcome run(ScanSpec spec, Path dir, PointRunner runner, ScanExecutor executor, String version,
                              PrintStream progressOut) {
        return run(spec, dir, runner, executor, version, List.of(), progressOut, false);
    }

    /**
     * As {@link #run(ScanSpec, Path, PointRunner, ScanExecutor, String, PrintStream)}, recording the
     * command line in DIR/scan.json; {@code terminal}: redraw the progress line.
     */
    public static Outcome run(ScanSpec spec, Path dir, PointRunner runner, ScanExecutor executor, String version,
                              List<String> command, PrintStream progressOut, boolean terminal) {
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
                progressOut.println("scan: " + spec.size() + " points (" + resumed + " already done), running "
                        + todo.size() + " on " + executor.describe());
                ProgressBar bar = new ProgressBar("scan", spec.size(), resumed, progressOut, System::nanoTime, terminal);
                executor.execute(todo, runner, r -> {
                    store.append(r);
                    bar.step();
                });
                int diverged = (int) store.results().stream().flatMap(r -> r.rows().stream()).filter(s -> s.diverged()).count();
                Path table = ScanTable.write(dir, spec, store.results());
                return new Outcome(table, spec.size(), resumed, todo.size(), diverged);
            }
        }
    }
}
