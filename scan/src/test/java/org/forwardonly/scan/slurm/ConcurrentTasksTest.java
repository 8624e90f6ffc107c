package org.forwardonly.scan.slurm;

import org.forwardonly.scan.FakeRunner;
import org.forwardonly.scan.ScanJob;
import org.forwardonly.scan.exec.LocalExecutor;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.scan.store.ScanManifest;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store under appends from several processes, without Slurm: three {@link SlurmTask} JVMs
 * given the same twelve points (as a requeued task and its first run, or a resume racing an array,
 * would be) store each point exactly once, and the table is the local executor's.
 */
class ConcurrentTasksTest {

    @Test
    void threeProcessesRunningTheSamePointsStoreEachOnce(@TempDir Path tmp) throws Exception {
        ScanSpec spec = ScanSpecParser.parse(ConfigParser.mapper().readTree(("{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50},"
                + " 'grid': {'eta': [0.5, 1, 2], 'sigmaF': [0.1, 0.2, 0.3, 0.4]}}").replace('\'', '"')));
        Path dir = Files.createDirectories(tmp.resolve("scan"));
        ScanManifest.writeOrCheck(dir, spec, "test", List.of());
        Path array = Files.createDirectories(dir.resolve("slurm/array-0"));
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(array.resolve(SlurmTask.RUNNER)))) {
            out.writeObject(new FakeRunner(50));
        }
        StringBuilder sb = new StringBuilder();
        for (ScanPoint p : spec.points()) sb.append(p.toJson()).append('\n');
        Files.writeString(array.resolve(SlurmTask.POINTS), sb);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlurmTask.class.getName(),
                    dir.toString(), array.toString(), "0", "1").redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("task-" + i + ".log").toFile()).start());
        }
        for (Process p : ps) {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "a task did not finish in 300 s");
            assertEquals(0, p.exitValue());
        }
        List<String> lines = Files.readAllLines(dir.resolve(ResultStore.FILE));
        List<Integer> idx = lines.stream().map(l -> PointResult.fromJsonLine(l).index()).toList();
        assertEquals(12, idx.size(), "each point once: " + idx);
        assertEquals(12, new HashSet<>(idx).size(), "each point once: " + idx);
        ScanJob.Outcome o = ScanJob.run(spec, dir, new FakeRunner(0), new LocalExecutor(1), "test");
        assertEquals(0, o.computed());
        Path ref = ScanJob.run(spec, tmp.resolve("local"), new FakeRunner(0), new LocalExecutor(2), "test").table();
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(o.table()));
    }
}
