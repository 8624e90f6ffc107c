package org.forwardonly.scan.slurm;

import org.forwardonly.scan.FakeRunner;
import org.forwardonly.scan.ScanJob;
import org.forwardonly.scan.exec.LocalExecutor;
import org.forwardonly.scan.run.EngineRunners;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link SlurmExecutor} on a real Slurm cluster (scripts/slurm-local-cluster: munged, slurmctld and
 * slurmd on this machine): a job array gives the local executor's bytes, a task cancelled halfway
 * loses and duplicates nothing after the resume, a partition that does not exist is refused before
 * anything is written. Skips without a cluster, except under CI=true ({@link SlurmTestCluster}).
 */
class SlurmClusterTest {

    /** A generous bound for the array on a loaded 2-core machine; the tests poll, they never time anything. */
    private static final long WAIT_SECONDS = 600;

    private static SlurmExecutor slurm(Path dir, int tasks, boolean noWait) {
        return new SlurmExecutor(dir, new SlurmExecutor.Options(null, null, tasks, noWait, null),
                System.getProperty("java.class.path"), System.getenv("PATH"));
    }

    private static ScanSpec spec(String json) {
        try {
            return ScanSpecParser.parse(ConfigParser.mapper().readTree(json.replace('\'', '"')));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTwentyFourPointScanOfBothEnginesGivesTheLocalTableByteForByte(@TempDir Path tmp) throws Exception {
        SlurmTestCluster.assume();
        // 24 points, run both (ODE + simulation with 2 seeds), small N and t so that the test takes seconds
        ScanSpec spec = spec("{'base': {'K': 2, 'M': 2, 'N': 100, 'seeds': 2, 'tMax': 3, 'nTimes': 10},"
                + " 'grid': {'rule': ['afa', 'fa'], 'eta': [0.5, 1, 2], 'sigmaF': [0.1, 0.3, 0.5, 1]}, 'run': 'both'}");
        assertEquals(24, spec.size());
        ScanJob.Outcome local = ScanJob.run(spec, tmp.resolve("local"), EngineRunners.forSpec(spec), new LocalExecutor(2), "test");
        ScanJob.Outcome array = ScanJob.run(spec, tmp.resolve("slurm"), EngineRunners.forSpec(spec), slurm(tmp.resolve("slurm"), 3,
                false), "test");
        assertEquals(24, array.computed());
        assertEquals(48, Files.readAllLines(array.table()).size() - 1, "two rows (ode, sim) per point");
        assertArrayEquals(Files.readAllBytes(local.table()), Files.readAllBytes(array.table()));
        assertEquals(24, Files.readAllLines(tmp.resolve("slurm").resolve(ResultStore.FILE)).size(), "each point stored once");
    }

    @Test
    void aTaskCancelledHalfwayLosesAndDuplicatesNothingOnResume(@TempDir Path tmp) throws Exception {
        SlurmTestCluster.assume();
        ScanSpec spec = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50},"
                + " 'grid': {'eta': [0.5, 1, 2], 'sigmaF': [0.1, 0.2, 0.3, 0.4]}}");
        Path dir = tmp.resolve("scan");
        // two tasks of six points, 1.5 s each: task 1 holds the odd points
        SlurmExecutor submit = slurm(dir, 2, true);
        ScanJob.Outcome first = ScanJob.run(spec, dir, new FakeRunner(1500), submit, "test");
        assertNull(first.table(), "--no-wait writes no table");
        String job = submit.submitted().orElseThrow();
        Path results = dir.resolve(ResultStore.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (odd(results) < 2) {
            if (System.nanoTime() > deadline) fail("task 1 stored fewer than 2 points in " + WAIT_SECONDS + " s");
            Thread.sleep(200);
        }
        SlurmTestCluster.run("scancel", job + "_1");
        while (submit.queued(job)) {
            if (System.nanoTime() > deadline) fail("the array did not leave the queue in " + WAIT_SECONDS + " s");
            Thread.sleep(500);
        }
        List<Integer> stored = indices(results);
        assertTrue(stored.size() < 12, "task 1 was cancelled before its last point: " + stored);
        for (int i = 0; i < 12; i += 2) assertTrue(stored.contains(i), "task 0 ran to its end: " + stored);
        ScanJob.Outcome resumed = ScanJob.run(spec, dir, new FakeRunner(0), slurm(dir, 2, false), "test");
        assertEquals(stored.size(), resumed.resumed());
        assertEquals(12 - stored.size(), resumed.computed());
        List<Integer> all = indices(results);
        assertEquals(12, all.size(), "no point stored twice: " + all);
        assertEquals(12, new HashSet<>(all).size(), "no point lost: " + all);
        Path ref = ScanJob.run(spec, tmp.resolve("local"), new FakeRunner(0), new LocalExecutor(2), "test").table();
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(resumed.table()));
    }

    @Test
    void aTaskRequeuedHalfwaySkipsWhatItStoredAndNothingIsDuplicated(@TempDir Path tmp) throws Exception {
        SlurmTestCluster.assume();
        ScanSpec spec = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50},"
                + " 'grid': {'eta': [0.5, 1, 2], 'sigmaF': [0.1, 0.2, 0.3, 0.4]}}");
        Path dir = tmp.resolve("scan");
        SlurmExecutor submit = slurm(dir, 2, true);
        ScanJob.run(spec, dir, new FakeRunner(1500), submit, "test");
        String job = submit.submitted().orElseThrow();
        Path results = dir.resolve(ResultStore.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (odd(results) < 2) {
            if (System.nanoTime() > deadline) fail("task 1 stored fewer than 2 points in " + WAIT_SECONDS + " s");
            Thread.sleep(200);
        }
        SlurmTestCluster.run("scontrol", "requeue", job + "_1");
        // a requeued task waits ~2 min before it may start again (Slurm's BeginTime); once it is pending, let it start now
        boolean pending = false;
        while (true) {
            String state = SlurmTestCluster.run("squeue", "-h", "-r", "-j", job + "_1", "-o", "%T").strip();
            if (state.startsWith("PENDING")) {
                pending = true;
                new ProcessBuilder("scontrol", "update", "JobId=" + job + "_1", "StartTime=now").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } else if (pending) {
                break;   // running again (or done)
            }
            if (System.nanoTime() > deadline) fail("the requeued task did not start again in " + WAIT_SECONDS + " s");
            Thread.sleep(300);
        }
        // the driver follows the array still in the queue and submits nothing new
        ScanJob.Outcome o = ScanJob.run(spec, dir, new FakeRunner(0), slurm(dir, 2, false), "test");
        assertEquals(12, o.resumed() + o.computed());
        assertEquals(1, SlurmExecutor.arrays(dir).size(), "no second array: the requeued task finished its points");
        List<Integer> all = indices(results);
        assertEquals(12, all.size(), "no point stored twice: " + all);
        assertEquals(12, new HashSet<>(all).size(), "no point lost: " + all);
        Path ref = ScanJob.run(spec, tmp.resolve("local"), new FakeRunner(0), new LocalExecutor(2), "test").table();
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(o.table()));
    }

    @Test
    void aPartitionThatDoesNotExistIsOneLineNamingTheOnesThatDoAndWritesNothing(@TempDir Path tmp) {
        SlurmTestCluster.assume();
        ScanSpec spec = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2}, 'grid': {'eta': [0.5, 1]}}");
        Path dir = tmp.resolve("scan");
        SlurmExecutor e = new SlurmExecutor(dir, new SlurmExecutor.Options("no-such-partition", null, 0, false, null),
                System.getProperty("java.class.path"), System.getenv("PATH"));
        ScanSpecException x = assertThrows(ScanSpecException.class, () -> ScanJob.run(spec, dir, new FakeRunner(0), e, "test"));
        assertTrue(x.getMessage().matches("option '--partition': Slurm has no partition 'no-such-partition' \\(partitions: .+\\)"),
                x.getMessage());
        assertFalse(x.getMessage().contains("\n"));
        assertFalse(Files.exists(dir), "nothing written");
    }

    @Test
    void aTimeLimitSbatchRefusesIsOneLine(@TempDir Path tmp) {
        SlurmTestCluster.assume();
        ScanSpec spec = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2}, 'grid': {'eta': [0.5, 1]}}");
        Path dir = tmp.resolve("scan");
        SlurmExecutor e = new SlurmExecutor(dir, new SlurmExecutor.Options(null, "ninety", 0, false, null),
                System.getProperty("java.class.path"), System.getenv("PATH"));
        ScanSpecException x = assertThrows(ScanSpecException.class, () -> ScanJob.run(spec, dir, new FakeRunner(0), e, "test"));
        assertTrue(x.getMessage().startsWith("option '--time': sbatch refused ninety: "), x.getMessage());
        assertFalse(Files.exists(dir), "nothing written");
    }

    @Test
    void noSbatchOnPathIsOneLine(@TempDir Path tmp) {
        ScanSpec spec = spec("{'base': {'rule': 'afa', 'K': 2, 'M': 2}, 'grid': {'eta': [0.5, 1]}}");
        Path dir = tmp.resolve("scan");
        SlurmExecutor e = new SlurmExecutor(dir, new SlurmExecutor.Options(null, null, 0, false, null),
                System.getProperty("java.class.path"), tmp.toString());
        ScanSpecException x = assertThrows(ScanSpecException.class, () -> ScanJob.run(spec, dir, new FakeRunner(0), e, "test"));
        assertTrue(x.getMessage().startsWith("option '--slurm': no 'sbatch' on PATH;"), x.getMessage());
        assertFalse(Files.exists(dir), "nothing written");
    }

    private static List<Integer> indices(Path results) throws Exception {
        if (!Files.exists(results)) return List.of();
        return Files.readAllLines(results).stream().filter(l -> l.endsWith("}"))
                .map(l -> PointResult.fromJsonLine(l).index()).toList();
    }

    private static long odd(Path results) throws Exception {
        Set<Integer> s = new HashSet<>(indices(results));
        return s.stream().filter(i -> i % 2 == 1).count();
    }
}
