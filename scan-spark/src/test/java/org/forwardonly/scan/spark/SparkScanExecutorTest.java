package org.forwardonly.scan.spark;

import org.forwardonly.scan.FakeRunner;
import org.forwardonly.scan.ScanJob;
import org.forwardonly.scan.exec.ExecutorUnavailableException;
import org.forwardonly.scan.exec.LocalExecutor;
import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.exec.ScanExecutorProvider;
import org.forwardonly.scan.output.ScanTable;
import org.forwardonly.scan.run.EngineRunners;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkScanExecutorTest {

    @Test
    void sparkLocal2ProducesTheSameBytesAsTheLocalExecutorAndResumes(@TempDir Path tmp) throws Exception {
        ScanSpec spec = ScanSpecParser.parse(ConfigParser.mapper().readTree(("{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50},"
                + " 'grid': {'eta': [0.25, 0.5, 1, 2, 4], 'sigmaF': [0.1, 0.2, 0.3], 'seed': [0, 1]}}").replace('\'', '"')));
        Path local = ScanJob.run(spec, tmp.resolve("local"), new FakeRunner(1), new LocalExecutor(2), "test").table();

        ScanExecutorProvider provider = ServiceLoader.load(ScanExecutorProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("spark")).findFirst().orElseThrow();
        Path dir = tmp.resolve("spark");
        try (ScanExecutor spark = provider.create("local[2]")) {
            ScanJob.Outcome o = ScanJob.run(spec, dir, new FakeRunner(1), spark, "test");
            assertEquals(30, o.computed());
            assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(o.table()));

            // resume on Spark: drop the last 7 stored points, rerun, same bytes again
            Path results = dir.resolve(ResultStore.FILE);
            List<String> lines = Files.readAllLines(results);
            Files.writeString(results, String.join("\n", lines.subList(0, 23)) + "\n");
            Files.delete(dir.resolve(ScanTable.FILE));
            ScanJob.Outcome resumed = ScanJob.run(spec, dir, new FakeRunner(1), spark, "test");
            assertEquals(7, resumed.computed());
            assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(resumed.table()));

            // the real engines: ODE and simulation rows of the same points, on Spark and on local threads
            ScanSpec real = ScanSpecParser.parse(ConfigParser.mapper().readTree(("{'base': {'rule': 'afa', 'K': 2, 'M': 2,"
                    + " 'tMax': 5, 'N': 300, 'nTimes': 20}, 'grid': {'eta': [0.5, 2], 'sigmaF': [0.1, 1]}, 'run': 'both'}")
                    .replace('\'', '"')));
            PointRunner runner = EngineRunners.forSpec(real);
            Path realLocal = ScanJob.run(real, tmp.resolve("real-local"), runner, new LocalExecutor(2), "test").table();
            Path realSpark = ScanJob.run(real, tmp.resolve("real-spark"), runner, spark, "test").table();
            assertEquals(9, Files.readAllLines(realSpark).size(), "header + 4 points x (ode, sim)");
            assertArrayEquals(Files.readAllBytes(realLocal), Files.readAllBytes(realSpark));

            // Spark's own log stays off (a scan's stderr is its progress bar and, on failure, one line)
            if (System.getenv("PEPITA_SPARK_LOG") == null) {
                assertEquals(org.apache.logging.log4j.Level.OFF, org.apache.logging.log4j.LogManager.getRootLogger().getLevel());
            }
        }
        assertTrue(Files.readString(local).contains("true"), "the diverged points are rows too");
    }

    @Test
    void aMalformedMasterUrlIsBadInputBeforeAnythingStarts() {
        for (String url : List.of("nonsense://x", "spark://host", "spark://:7077", "local[0]", "")) {
            ScanSpecException e = assertThrows(ScanSpecException.class, () -> new SparkScanExecutor(url, Duration.ofSeconds(1)), url);
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().startsWith("option '--spark': '" + url + "' is not a Spark master URL"), e.getMessage());
        }
        for (String url : List.of("local", "local[2]", "local[*]", "local[2,3]", "spark://h:7077", "spark://a:1,b:2", "yarn",
                "k8s://https://h:6443")) {
            assertEquals(url, new SparkMaster(url).url());
        }
    }

    @Test
    void anUnreachableMasterStopsTheScanWithOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();   // free, and closed again: nothing listens there
        }
        ScanSpec spec = ScanSpecParser.parse(ConfigParser.mapper().readTree(
                "{\"base\": {\"rule\": \"afa\", \"K\": 2, \"M\": 2}, \"grid\": {\"eta\": [1]}}"));
        Path dir = tmp.resolve("scan");
        try (ScanExecutor spark = new SparkScanExecutor("spark://127.0.0.1:" + port, Duration.ofSeconds(5))) {
            ExecutorUnavailableException e = assertThrows(ExecutorUnavailableException.class,
                    () -> ScanJob.run(spec, dir, new FakeRunner(0), spark, "test"));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().startsWith("cannot reach the Spark master at 127.0.0.1:" + port), e.getMessage());
        }
        assertFalse(Files.exists(dir), "nothing written");
    }
}
