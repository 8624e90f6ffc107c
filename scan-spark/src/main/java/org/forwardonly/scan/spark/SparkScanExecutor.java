package org.forwardonly.scan.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.run.PointFailedException;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanPoint;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
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
 * are shipped with {@code spark.jars}.
 */
public final class SparkScanExecutor implements ScanExecutor {

    private static final int CHUNKS_IN_FLIGHT = 3;

    private final String master;
    private JavaSparkContext sc;

    /** @param master a Spark master URL: {@code local[2]}, {@code spark://host:7077}, ... */
    public SparkScanExecutor(String master) {
        this.master = master;
    }

    private JavaSparkContext context(PointRunner runner) {
        if (sc != null) return sc;
        SparkConf conf = new SparkConf().setMaster(master).setAppName("pepita scan");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        } else {
            List<String> jars = jarsOf(ScanPoint.class, runner.getClass(), SparkScanExecutor.class);
            if (!jars.isEmpty()) conf.setJars(jars.toArray(new String[0]));
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");   // our own progress bar
        sc = new JavaSparkContext(conf);
        sc.setLogLevel("WARN");
        return sc;
    }

    @Override
    public void execute(List<ScanPoint> points, PointRunner runner, Consumer<PointResult> sink) {
        if (points.isEmpty()) return;
        JavaSparkContext ctx = context(runner);
        int chunk = Math.max(1, ctx.defaultParallelism());
        Deque<JavaFutureAction<List<String>>> inFlight = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < points.size() || !inFlight.isEmpty()) {
                while (next < points.size() && inFlight.size() < CHUNKS_IN_FLIGHT) {
                    List<String> json = new ArrayList<>();
                    for (ScanPoint p : points.subList(next, Math.min(points.size(), next + chunk))) json.add(p.toJson());
                    next += json.size();
                    inFlight.add(ctx.parallelize(json, json.size()).mapPartitions(it -> {
                        List<String> out = new ArrayList<>();
                        while (it.hasNext()) out.add(PointResult.compute(ScanPoint.fromJson(it.next()), runner).toJsonLine());
                        return out.iterator();
                    }).collectAsync());
                }
                for (String line : inFlight.removeFirst().get()) sink.accept(PointResult.fromJsonLine(line));
            }
        } catch (InterruptedException e) {
            inFlight.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            inFlight.forEach(f -> f.cancel(true));
            Throwable c = e.getCause();
            String msg = c instanceof SparkException ? c.getMessage().lines().findFirst().orElse("") : String.valueOf(c);
            throw new PointFailedException("Spark job failed: " + msg, c);
        }
    }

    /** The jar files that hold these classes (for shipping to a cluster). */
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
        return "Spark (" + master + ")";
    }

    @Override
    public void close() {
        if (sc != null) {
            sc.close();
            sc = null;
        }
    }
}
