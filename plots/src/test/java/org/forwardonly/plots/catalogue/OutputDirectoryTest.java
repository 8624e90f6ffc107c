package org.forwardonly.plots.catalogue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staging directory of every command: what moving in replaces, keeps and refuses; what is cleaned. */
class OutputDirectoryTest {
    @TempDir
    Path tmp;

    @org.junit.jupiter.api.AfterEach
    void release() {
        OutputDirectory.releaseLocks(); // what the CLI does when a command returns
    }

    /** A committed run into {@code dir} writing {@code files} (name, content pairs). */
    static void run(Path dir, String... files) throws IOException {
        OutputDirectory out = OutputDirectory.open(dir);
        for (int i = 0; i < files.length; i += 2) Files.writeString(out.file(files[i]), files[i + 1]);
        out.commit();
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void movingInMergesDirectoriesAndKeepsFilesItDidNotWrite() throws Exception {
        // issue 14: figure --out DIR with DIR/data/old.csv used to delete it (data/ replaced wholesale)
        Path dir = Files.createDirectories(tmp.resolve("fig").resolve("data")).getParent();
        Files.writeString(dir.resolve("data/old.csv"), "mine");
        run(dir, "fig.png", "older figure"); // an earlier run's: in DIR's manifest
        OutputDirectory out = OutputDirectory.open(dir);
        Files.writeString(out.file("data/new.csv"), "new");
        Files.writeString(out.file("fig.png"), "new figure");
        assertFalse(Files.exists(dir.resolve("data/new.csv")), "nothing in DIR before commit");
        out.commit();
        assertEquals("mine", Files.readString(dir.resolve("data/old.csv")));
        assertEquals("new", Files.readString(dir.resolve("data/new.csv")));
        assertEquals("new figure", Files.readString(dir.resolve("fig.png")));
        release();
        assertEquals(List.of("fig"), names(tmp), "staging and lock gone");
    }

    @Test
    void overwriteReplacesOnlyFilesTheManifestProves() throws Exception {
        // issue 27: a user's file of a name the run writes, or one the run removes, is never lost
        Path dir = tmp.resolve("run");
        run(dir, "metrics.csv", "run 1", "per_seed.csv", "run 1 seeds");
        Files.writeString(dir.resolve("per_seed.csv"), "mine"); // changed by the user: no longer pepita's
        OutputDirectory out = OutputDirectory.open(dir);
        Files.writeString(out.file("metrics.csv"), "run 2");
        out.removeAtCommit("per_seed.csv");
        IOException e = assertThrows(IOException.class, out::commit);
        assertTrue(e.getMessage().contains("per_seed.csv was not written by pepita"), e.getMessage());
        out.abandon();
        assertEquals("mine", Files.readString(dir.resolve("per_seed.csv")));
        assertEquals("run 1", Files.readString(dir.resolve("metrics.csv")), "nothing moved in");

        Files.writeString(dir.resolve("config.json"), "my own config.json");
        OutputDirectory again = OutputDirectory.open(dir);
        Files.writeString(again.file("metrics.csv"), "run 3");
        Files.writeString(again.file("config.json"), "{}");
        e = assertThrows(IOException.class, again::commit);
        assertTrue(e.getMessage().contains("config.json was not written by pepita"), e.getMessage());
        again.abandon();
        assertEquals("my own config.json", Files.readString(dir.resolve("config.json")));

        Files.delete(dir.resolve("per_seed.csv"));
        run(dir, "metrics.csv", "run 4", "per_seed.csv", "run 4 seeds");
        OutputDirectory fourth = OutputDirectory.open(dir);
        Files.writeString(fourth.file("metrics.csv"), "run 5");
        fourth.removeAtCommit("per_seed.csv"); // pepita's, unchanged: removed
        fourth.commit();
        assertEquals(List.of(".pepita-manifest", "config.json", "metrics.csv"), names(dir));
        assertEquals("run 5", Files.readString(dir.resolve("metrics.csv")));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        Path dir = tmp.resolve("run");
        OutputDirectory.checkFresh(dir, false); // this thread: locked until released
        var other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var refused = other.submit(() -> assertThrows(IllegalArgumentException.class, () -> OutputDirectory.checkFresh(dir, false)));
            assertTrue(refused.get().getMessage().contains("is writing into it"), refused.get().getMessage());
            OutputDirectory.checkFresh(dir, false); // the holder itself may check again
            release();
            other.submit(() -> {
                OutputDirectory.checkFresh(dir, false);
                OutputDirectory.releaseLocks();
                return null;
            }).get();
        } finally {
            other.shutdown();
        }
    }

    @Test
    void aFileWhereADirectoryGoesFailsBeforeMovingAnything() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(dir.resolve("data"), "a file named data");
        OutputDirectory out = OutputDirectory.open(dir);
        Files.writeString(out.file("a.csv"), "a");
        Files.writeString(out.file("data/x.csv"), "x");
        IOException e = assertThrows(IOException.class, out::commit);
        assertTrue(e.getMessage().contains("data is a file"), e.getMessage());
        assertEquals(List.of("data"), names(dir), "a.csv not moved in either");
        out.abandon();
        release();
        assertEquals(List.of("run"), names(tmp));
    }

    @Test
    void nonEmptyIsRefusedUnlessOverwriteAndStaleStagingDoesNotCount() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run"));
        OutputDirectory.checkFresh(dir, false);
        Files.createDirectories(dir.resolve(".child.partial-999999999-1234567890123"));
        OutputDirectory.checkFresh(dir, false); // only the project's staging inside: still empty
        Files.writeString(dir.resolve("notes.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputDirectory.checkFresh(dir, false));
        assertTrue(e.getMessage().contains("--overwrite") && e.getMessage().contains("notes.txt"), e.getMessage());
        OutputDirectory.checkFresh(dir, true);
        assertThrows(IllegalArgumentException.class, () -> OutputDirectory.checkFresh(Path.of(""), false));
    }

    @Test
    void staleStagingOfDeadProcessesIsRemovedAndNothingElse() throws Exception {
        long dead = deadPid();
        long live = ProcessHandle.current().pid();
        String r = "-8143021687540121193"; // what Files.createTempDirectory appends: an unsigned long
        Path killed = Files.createDirectories(tmp.resolve(".run.partial-" + dead + r));
        Files.writeString(killed.resolve("metrics.csv"), "t,eps_g\n0.0,0.7");
        Files.writeString(killed.resolve(OutputDirectory.MARKER), "staging");
        // issue 27: a user's directories whose names look like staging, with a dead PID or none, are kept
        Path thesis = Files.createDirectories(tmp.resolve(".run.tmp-1234567890"));
        Files.writeString(thesis.resolve("thesis.tex"), "precious");
        Path mimic = Files.createDirectories(tmp.resolve(".run.partial-99999999-1234567890"));
        Files.writeString(mimic.resolve("notes"), "mine");
        Path older = Files.createDirectories(tmp.resolve(".run.tmp" + r));        // before PIDs were in the name
        Path running = Files.createDirectories(tmp.resolve(".run.partial-" + live + r));
        Path other = Files.createDirectories(tmp.resolve(".other.partial-" + dead + r)); // another DIR's
        Files.writeString(other.resolve(OutputDirectory.MARKER), "staging");
        Path user = Files.createDirectories(tmp.resolve(".run.partial-notes"));    // not a name the project writes
        Path userTmp = Files.createDirectories(tmp.resolve(".run.tmp-2"));         // too short for createTempDirectory
        Path file = Files.writeString(tmp.resolve(".run.partial-" + dead + "-1234567890"), "a file, not a directory");
        assertEquals(2, OutputDirectory.cleanStale(tmp, "run"));
        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(older));
        for (Path kept : List.of(running, other, user, userTmp, file, thesis, mimic)) assertTrue(Files.exists(kept), kept.toString());
        assertEquals(1, OutputDirectory.cleanStale(tmp, null), "of any name: the other DIR's too");
        assertFalse(Files.exists(other));
    }

    /** A PID no process has: past the highest live one. */
    private static long deadPid() {
        long max = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1);
        for (long p = max + 1000; ; p++) if (ProcessHandle.of(p).isEmpty()) return p;
    }
}
