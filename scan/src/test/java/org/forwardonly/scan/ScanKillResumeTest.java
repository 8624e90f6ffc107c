package org.forwardonly.scan;

import org.forwardonly.scan.output.ScanTable;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.scan.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kill -9 a scan in a child JVM mid-run, rerun it, and compare with an uninterrupted run. */
class ScanKillResumeTest {

    static final int POINTS = 30;
    /** Points the killed run stores before it stalls. */
    static final int KILL_AFTER = 5;

    static Process child(Path spec, Path dir, Path log) throws Exception {
        return child(spec, dir, log, Integer.MAX_VALUE);
    }

    /** A scan in a child JVM; the points after the first {@code stallAfter} it starts never finish. */
    static Process child(Path spec, Path dir, Path log, int stallAfter) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FakeScanMain.class.getName(),
                spec.toString(), dir.toString(), "2", "100", String.valueOf(stallAfter))
                .redirectErrorStream(false).redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    static int lines(Path file) throws Exception {
        if (!Files.exists(file)) return 0;
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return (int) s.chars().filter(ch -> ch == '\n').count();
    }

    @Test
    void killedScanResumesToTheSameBytesAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, ("{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50},"
                + " 'grid': {'eta': [0.25, 0.5, 1, 2, 4, 8], 'sigmaF': [0.1, 0.2, 0.3, 0.4, 0.5]}}").replace('\'', '"'));
        ScanSpec parsed = ScanSpecParser.read(spec);
        assertEquals(POINTS, parsed.size());

        // reference: uninterrupted (in a child JVM too, same code path)
        Path ref = tmp.resolve("ref");
        Process p = child(spec, ref, tmp.resolve("ref.log"));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());

        // killed run, by progress: the victim's points after its first 5 never finish, so once 5 are stored it
        // is stuck mid-scan with exactly 5 (and 2 in flight) however slow the machine; then kill -9
        Path dir = tmp.resolve("killed");
        Path results = dir.resolve(ResultStore.FILE);
        Process victim = child(spec, dir, tmp.resolve("victim.log"), KILL_AFTER);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lines(results) < KILL_AFTER && victim.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
        assertTrue(victim.isAlive(), "the victim cannot finish on its own");
        assertEquals(KILL_AFTER, lines(results), "progress reached before the deadline");
        // while it runs, a second scan on the same DIR is refused
        ScanSpecException busy = assertThrows(ScanSpecException.class,
                () -> ScanJob.run(parsed, dir, new FakeRunner(0), new org.forwardonly.scan.exec.LocalExecutor(1), "test"));
        assertTrue(busy.getMessage().contains("in use"), busy.getMessage());
        victim.destroyForcibly();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        int stored = lines(results);
        assertEquals(KILL_AFTER, stored, "killed mid-run, after exactly the points it could finish");
        assertTrue(Files.notExists(dir.resolve(ScanTable.FILE)));

        // rerun: computes exactly the missing points
        Path log = tmp.resolve("resume.log");
        Process resume = child(spec, dir, log);
        assertTrue(resume.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, resume.exitValue());
        assertEquals("computed=" + (POINTS - stored) + " resumed=" + stored, Files.readString(log).trim());

        assertArrayEquals(Files.readAllBytes(ref.resolve(ScanTable.FILE)), Files.readAllBytes(dir.resolve(ScanTable.FILE)));
        List<String> all = Files.readAllLines(results);
        Set<String> points = new HashSet<>();
        for (String l : all) points.add(l.substring(0, l.indexOf(',')));
        assertEquals(POINTS, all.size(), "one line per point");
        assertEquals(POINTS, points.size(), "no duplicates");
    }
}
