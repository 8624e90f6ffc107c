package org.forwardonly.scan.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.forwardonly.scan.exec.ExecutorUnavailableException;
import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.run.PointFailedException;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanPoint;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs scan points on Apache Spark. Points travel as JSON strings, each Spark task runs the
 * same {@link PointRunner} as the local executor and sends back the point's result line; the
 * driver stores it. Points go out in chunks of the cluster's default parallelism, with a few
 * chunks in flight, so finished points are stored (and the progress bar moves) while the scan
 * runs, and a killed scan loses at most the chunks in flight.
 *
 * <p>With a {@code local[...]} master the driver binds to 127.0.0.1 and the web UI is off. For a
 * cluster the jars holding the project's classes (the shaded pepita.jar and scan-spark's jar)
 * are shipped with {@code spark.jars} (added to any the user set), and {@link #start()} waits
 * until an executor is up. A cluster that cannot be reached, whose executors cannot start, or
 * that has had no executor for the executor timeout (every worker lost) ends the scan with an
 * {@link ExecutorUnavailableException}: one line, the cause and what to try.
 */
public final class SparkScanExecutor implements ScanExecutor {

    private static final int CHUNKS_IN_FLIGHT = 3;
    private static final long POLL_MILLIS = 250;

    private final SparkMaster master;
    private final Map<String, String> settings;
    private final Duration executorTimeout;
    private JavaSparkContext sc;

    /**
     * @param master          a Spark master URL: {@code local[2]}, {@code spark://host:7077}, ... (checked:
     *                        anything else is a {@link org.forwardonly.scan.spec.ScanSpecException})
     * @param settings        Spark settings added to those of the {@code spark.*} system properties
     * @param executorTimeout how long a cluster may have no executor, at the start or after losing them all
     */
    public SparkScanExecutor(String master, Map<String, String> settings, Duration executorTimeout) {
        this.master = new SparkMaster(master);
        this.settings = Map.copyOf(settings);
        this.executorTimeout = executorTimeout;
    }

    /** An executor with no extra settings and the given executor timeout. */
    public SparkScanExecutor(String master, Duration executorTimeout) {
        this(master, Map.of(), executorTimeout);
    }

    @Override
    public void start() {
        if (sc != null) return;
        master.checkReachable();
        SparkConf conf = new SparkConf().setMaster(master.url()).setAppName("pepita scan");
        settings.forEach(conf::set);
        if (master.isLocal()) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        } else {
            Set<String> jars = new LinkedHashSet<>();
            for (String j : conf.get("spark.jars", "").split(",")) if (!j.isBlank()) jars.add(j.trim());
            jars.addAll(jarsOf(ScanPoint.class, SparkScanExecutor.class));
            if (!jars.isEmpty()) conf.set("spark.jars", String.join(",", jars));
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");   // our own progress bar
        try {
            sc = new JavaSparkContext(conf);
        } catch (RuntimeException e) {
            throw new ExecutorUnavailableException("Spark could not start a driver for " + master.url() + ": " + firstLine(e)
                    + "; PEPITA_SPARK_LOG=warn shows Spark's log", e);
        }
        if (master.isLocal()) return;
        try {
            awaitExecutor(System.nanoTime());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Waits until the cluster has an executor; throws if Spark stopped the application or none came in time. */
    private void awaitExecutor(long since) {
        while (executors() == 0) {
            checkAlive();
            if (System.nanoTime() - since > executorTimeout.toNanos()) {
                throw new ExecutorUnavailableException("no Spark executor started within " + executorTimeout.toSeconds()
                        + " s at " + master.url() + ": does the cluster have a live worker with a free core and "
                        + "spark.executor.memory (default 1g) free? The master's web UI (port 8080 by default) shows its workers");
            }
            sleep();
        }
    }

    /** Throws if Spark stopped the application (the master removed it, or its executors kept failing). */
    private void checkAlive() {
        if (sc.sc().isStopped()) {
            throw new ExecutorUnavailableException("Spark stopped the application at " + master.url() + ": its executors "
                    + "could not start (each worker needs Java 17 and SPARK_HOME set to a Spark 4.x installation, with "
                    + "Spark's jars in SPARK_HOME/jars; the worker's log and its work directory, SPARK_HOME/work by default, "
                    + "say why), or the master did not accept it (is it a Spark 4.x master?)");
        }
    }

    /** Executors alive now (the driver excluded; a local master counts as one). */
    private int executors() {
        if (master.isLocal()) return 1;
        return Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
    }

    @Override
    public void execute(List<ScanPoint> points, PointRunner runner, Consumer<PointResult> sink) {
        if (points.isEmpty()) return;
        start();
        int chunk = Math.max(1, sc.defaultParallelism());
        Deque<JavaFutureAction<List<String>>> inFlight = new ArrayDeque<>();
        int next = 0;
        long noExecutorSince = -1;
        try {
            while (next < points.size() || !inFlight.isEmpty()) {
                while (next < points.size() && inFlight.size() < CHUNKS_IN_FLIGHT) {
                    List<String> json = new ArrayList<>();
                    for (ScanPoint p : points.subList(next, Math.min(points.size(), next + chunk))) json.add(p.toJson());
                    next += json.size();
                    inFlight.add(sc.parallelize(json, json.size()).mapPartitions(it -> {
                        List<String> out = new ArrayList<>();
                        while (it.hasNext()) out.add(PointResult.compute(ScanPoint.fromJson(it.next()), runner).toJsonLine());
                        return out.iterator();
                    }).collectAsync());
                }
                List<String> done;
                try {
                    done = inFlight.getFirst().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still running: is anything left to run it on?
                    checkAlive();
                    if (executors() > 0) {
                        noExecutorSince = -1;
                    } else if (noExecutorSince < 0) {
                        noExecutorSince = System.nanoTime();
                    } else if (System.nanoTime() - noExecutorSince > executorTimeout.toNanos()) {
                        throw new ExecutorUnavailableException("lost every Spark executor at " + master.url() + " for "
                                + executorTimeout.toSeconds() + " s (a worker died or was stopped?); rerun when the "
                                + "cluster has a live worker again");
                    }
                    continue;
                }
                inFlight.removeFirst();
                for (String line : done) sink.accept(PointResult.fromJsonLine(line));
            }
        } catch (InterruptedException e) {
            inFlight.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            inFlight.forEach(f -> f.cancel(true));
            checkAlive();   // a job that failed because Spark stopped is the cluster's failure, not a point's
            String why = firstLine(e.getCause());
            if (why.contains("ExecutorLostFailure")) {   // executors kept dying under a task: the cluster, not the point
                throw new ExecutorUnavailableException("Spark gave up on a task whose executors were lost again and again at "
                        + master.url() + " (workers dying, or executors killed for memory: try -Dspark.executor.memory=2g): "
                        + why, e.getCause());
            }
            throw new PointFailedException("Spark job failed: " + why, e.getCause());
        } catch (RuntimeException e) {
            inFlight.forEach(f -> f.cancel(true));
            throw e;
        }
    }

    private static String firstLine(Throwable t) {
        String m = t == null ? null : t.getMessage();
        if (m == null || m.isBlank()) return String.valueOf(t);
        return m.lines().findFirst().orElse("").trim();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        }
    }

    /** The jar files that hold these classes (for shipping to a cluster); classes in directories are not shipped. */
    static List<String> jarsOf(Class<?>... classes) {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            CodeSource src = c.getProtectionDomain().getCodeSource();
            if (src == null || src.getLocation() == null) continue;
            try {
                Path p = Path.of(src.getLocation().toURI());
                if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) jars.add(p.toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a local file: nothing to ship
            }
        }
        return List.copyOf(jars);
    }

    @Override
    public String describe() {
        return "Spark (" + master.url() + ")";
    }

    @Override
    public void close() {
        if (sc != null) {
            sc.close();
            sc = null;
        }
    }
}
