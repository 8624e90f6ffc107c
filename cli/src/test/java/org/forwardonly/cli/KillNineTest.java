package org.forwardonly.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of {@code pepita ode} in a child JVM while it writes over an earlier complete
 * run: the earlier run stays byte for byte, nothing half-written appears in DIR, and the next run
 * removes the killed run's staging directory (docs/reliability.md). Killed by progress (rows in
 * the staged metrics.csv), not after a fixed sleep.
 */
class KillNineTest {

    static Process child(Path dir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                PepitaCommand.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    static Map<String, byte[]> contents(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }

    static Optional<Path> staging(Path parent, String name) throws Exception {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + name + ".partial-")).findFirst();
        }
    }

    @Test
    void killedOdeLeavesTheEarlierRunIntactAndItsStagingIsCleanedNextTime(@TempDir Path tmp) throws Exception {
        Path quick = Files.writeString(tmp.resolve("quick.json"), "{\"rule\":\"bp\",\"K\":2,\"M\":2,\"tMax\":5,\"nTimes\":10}");
        // Euler dt = 1e-3 to t = 20000 at K = M = 4: 2·10^7 steps, minutes of work; 20000 rows as it goes
        Path slow = Files.writeString(tmp.resolve("slow.json"), "{\"rule\":\"bp\",\"K\":4,\"M\":4,\"tMax\":20000,"
                + "\"nTimes\":20000,\"timeSpacing\":\"linear\",\"integrator\":\"euler\",\"dt\":0.001}");
        Path dir = tmp.resolve("run");
        assertEquals(0, OdeCommandTest.run("ode", quick.toString(), "--out", dir.toString(), "--no-progress").exit());
        Map<String, byte[]> before = contents(dir);

        Process victim = child(tmp, "ode", slow.toString(), "--out", dir.toString(), "--overwrite", "--no-progress");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path staged = null;
        while (victim.isAlive() && System.nanoTime() < deadline) {
            Optional<Path> s = staging(tmp, "run");
            if (s.isPresent() && Files.exists(s.get().resolve("metrics.csv"))
                    && Files.readAllLines(s.get().resolve("metrics.csv")).size() >= 3) {
                staged = s.get();
                break;
            }
            Thread.sleep(20);
        }
        assertTrue(staged != null, "the child staged rows within 60 s");
        victim.destroyForcibly();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS));

        // the earlier complete run, byte for byte, and nothing else in DIR
        Map<String, byte[]> after = contents(dir);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f);
        assertTrue(Files.exists(staged), "the killed run's staging is beside DIR, not in it");

        // the next run on DIR removes it (its process is gone)
        OdeCommandTest.Run r = OdeCommandTest.run("ode", quick.toString(), "--out", dir.toString(), "--overwrite", "--no-progress");
        assertEquals(0, r.exit(), r.err());
        assertTrue(staging(tmp, "run").isEmpty(), "stale staging removed");
        assertArrayEquals(before.get("metrics.csv"), Files.readAllBytes(dir.resolve("metrics.csv")), "same config, same bytes");
    }

    @Test
    void aStoppedOdeRemovesItsOwnStaging(@TempDir Path tmp) throws Exception {
        // SIGTERM (Process.destroy on Linux; Ctrl-C's SIGINT stops the JVM the same way): the shutdown hook
        // of the staging directory removes it at once, and DIR is never created
        Path slow = Files.writeString(tmp.resolve("slow.json"), "{\"rule\":\"bp\",\"K\":4,\"M\":4,\"tMax\":20000,"
                + "\"nTimes\":20000,\"timeSpacing\":\"linear\",\"integrator\":\"euler\",\"dt\":0.001}");
        Path dir = tmp.resolve("run");
        Process victim = child(tmp, "ode", slow.toString(), "--out", dir.toString(), "--no-progress");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean staged = false;
        while (!staged && victim.isAlive() && System.nanoTime() < deadline) {
            Optional<Path> s = staging(tmp, "run");
            staged = s.isPresent() && Files.exists(s.get().resolve("metrics.csv"))
                    && Files.readAllLines(s.get().resolve("metrics.csv")).size() >= 3;
            if (!staged) Thread.sleep(20);
        }
        assertTrue(staged, "the child staged rows within 60 s");
        victim.destroy();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, victim.exitValue(), "stopped by SIGTERM");
        assertTrue(staging(tmp, "run").isEmpty(), "staging removed by the stopped run itself");
        assertTrue(Files.notExists(dir), "DIR never created");
    }

    @Test
    void runningOutOfMemoryIsOneLineNamingPepitaJavaOpts(@TempDir Path tmp) throws Exception {
        // a 4 MB heap runs out while the command starts (measured: ode of a K = M = 2 config needs about 8 MB)
        Path quick = Files.writeString(tmp.resolve("quick.json"), "{\"rule\":\"bp\",\"K\":2,\"M\":2,\"tMax\":5,\"nTimes\":10}");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(java, "-Xmx4m", "-cp", System.getProperty("java.class.path"), PepitaCommand.class.getName(),
                "ode", quick.toString(), "--out", tmp.resolve("out").toString(), "--no-progress")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = Files.readString(err).strip();
        assertEquals(1, p.exitValue(), text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("out of memory") && text.contains("PEPITA_JAVA_OPTS"), text);
    }
}
