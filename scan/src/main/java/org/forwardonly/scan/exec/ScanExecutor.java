package org.forwardonly.scan.exec;

import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanPoint;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs scan points somewhere (local threads, a Spark cluster) and hands each finished point
 * to a sink on the calling thread, in completion order. The sink stores it; the final table is
 * sorted by point index, so where and in which order points ran does not change the output.
 */
public interface ScanExecutor extends AutoCloseable {

    /**
     * Runs every point with the runner; calls {@code sink} once per point on the calling thread.
     * A runner that throws stops the scan with a {@link org.forwardonly.scan.run.PointFailedException};
     * points already handed to the sink stay stored.
     */
    void execute(List<ScanPoint> points, PointRunner runner, Consumer<PointResult> sink);

    /**
     * Connects to where the points run (a Spark cluster: the master reached, executors up) before
     * the scan touches its directory, so that a cluster that is not there leaves nothing behind.
     * Throws {@link ExecutorUnavailableException} (one-line message) if it cannot. Local threads
     * need nothing.
     */
    default void start() {}

    /** A short description for the log line, e.g. {@code 2 local threads}. */
    String describe();

    @Override
    default void close() {}
}
