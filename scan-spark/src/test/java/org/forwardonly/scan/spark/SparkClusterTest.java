package org.forwardonly.scan.spark;

import org.forwardonly.scan.FakeRunner;
import org.forwardonly.scan.ScanJob;
import org.forwardonly.scan.exec.ExecutorUnavailableException;
import org.forwardonly.scan.exec.LocalExecutor;
import org.forwardonly.scan.run.EngineRunners;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scans on a real Spark standalone cluster on 127.0.0.1 (Master and Workers in their own JVMs,
 * executors launched by the workers from a SPARK_HOME made of the build's Spark jars): the same
 * table as local threads, a worker killed mid-scan, executors that cannot start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkClusterTest {

    /**
     * How long the cluster may have no executor. An executor JVM starts in a few seconds on an idle
     * machine, but took over 20 s on the 2-core machine at load average 20 (2026-11-29); 60 s leaves
     * room for that, and is also how long the lost-worker test waits for the scan to give up.
     */
    private static final Duration EXECUTOR_TIMEOUT = Duration.ofSeconds(60);

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    static Path tmp;
    private LocalSparkCluster cluster;
    private Map<String, String> settings;

    @BeforeAll
    void startMaster() throws Exception {
        cluster = LocalSparkCluster.startMaster(Files.createDirectories(tmp.resolve("cluster")));
        settings = Map.of("spark.jars", String.join(",", cluster.applicationJars()),
                "spark.executor.memory", "512m");   // the worker offers 1g
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) cluster.close();
    }

    private SparkScanExecutor spark() {
        return new SparkScanExecutor(cluster.masterUrl(), settings, EXECUTOR_TIMEOUT);
    }

    private static ScanSpec spec(String json) throws IOException {
        return ScanSpecParser.parse(ConfigParser.mapper().readTree(json.replace('\'', '"')));
    }

    @Test
    @Order(1)
    void executorsThatCannotStartStopTheScanWithOneLineAndNothingWritten() throws Exception {
        Path emptyHome = Files.createDirectories(tmp.resolve("no-spark-home"));   // no SPARK_HOME/jars: executors cannot launch
        Process worker = cluster.startWorker(emptyHome);
        try {
            ScanSpec spec = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 5}, 'grid': {'eta': [0.5, 1]}}");
            Path dir = tmp.resolve("no-executors");
            try (SparkScanExecutor spark = spark()) {
                ExecutorUnavailableException e = assertThrows(ExecutorUnavailableException.class,
                        () -> ScanJob.run(spec, dir, EngineRunners.forSpec(spec), spark, "test"));
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertTrue(e.getMessage().contains("could not start") && e.getMessage().contains("SPARK_HOME/jars"), e.getMessage());
            }
            assertFalse(Files.exists(dir), "the scan stopped before touching its directory");
        } finally {
            cluster.kill(worker);
        }
        cluster.awaitAliveWorkers(0);
    }

    @Test
    @Order(2)
    void odeAndSimulationPointsGiveTheLocalTableAndAKilledWorkerResumesToIt() throws Exception {
        Process worker = cluster.startWorker();

        // the real engines, ODE and simulation rows: byte-identical to local threads
        ScanSpec real = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 5, 'N': 300, 'nTimes': 20},"
                + " 'grid': {'eta': [0.5, 2], 'sigmaF': [0.1, 1]}, 'run': 'both'}");
        PointRunner runner = EngineRunners.forSpec(real);
        Path realLocal = ScanJob.run(real, tmp.resolve("real-local"), runner, new LocalExecutor(2), "test").table();
        try (SparkScanExecutor spark = spark()) {
            Path realCluster = ScanJob.run(real, tmp.resolve("real-cluster"), runner, spark, "test").table();
            assertEquals(9, Files.readAllLines(realCluster).size(), "header + 4 points x (ode, sim)");
            assertArrayEquals(Files.readAllBytes(realLocal), Files.readAllBytes(realCluster));
        }

        // a worker killed (with its executor) once some points are stored: the scan stops with one line,
        // keeps what it stored, and a rerun on a new worker resumes to the local table
        ScanSpec slow = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50},"
                + " 'grid': {'eta': [0.25, 0.5, 1, 2], 'sigmaF': [0.1, 0.2, 0.3, 0.4, 0.5]}}");
        FakeRunner sleepy = new FakeRunner(400);
        Path local = ScanJob.run(slow, tmp.resolve("slow-local"), new FakeRunner(0), new LocalExecutor(2), "test").table();
        Path dir = tmp.resolve("slow-cluster");
        Path results = dir.resolve(ResultStore.FILE);
        AtomicReference<Throwable> killerFailed = new AtomicReference<>();
        Thread killer = new Thread(() -> {
            try {
                while (!Files.exists(results) || Files.readAllLines(results).size() < 4) Thread.sleep(50);
                cluster.kill(worker);
            } catch (Exception e) {
                killerFailed.set(e);
            }
        }, "worker-killer");
        killer.setDaemon(true);
        killer.start();
        try (SparkScanExecutor spark = spark()) {
            ExecutorUnavailableException e = assertThrows(ExecutorUnavailableException.class,
                    () -> ScanJob.run(slow, dir, sleepy, spark, "test"));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().startsWith("lost every Spark executor"), e.getMessage());
        }
        killer.join(10_000);
        assertEquals(null, killerFailed.get());
        int stored = Files.readAllLines(results).size();
        assertTrue(stored >= 4 && stored < slow.size(), "killed mid-scan: " + stored + " of " + slow.size() + " stored");

        cluster.awaitAliveWorkers(0);
        cluster.startWorker();
        try (SparkScanExecutor spark = spark()) {
            ScanJob.Outcome resumed = ScanJob.run(slow, dir, sleepy, spark, "test");
            assertEquals(slow.size() - stored, resumed.computed(), "exactly the missing points are computed");
            assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(resumed.table()));
        }
    }
}
