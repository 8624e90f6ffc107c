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
        Files.writeString(dir.resolve("fig.png"), "older figure");
        OutputDirectory out = OutputDirectory.open(dir);
        Files.writeString(out.file("data/new.csv"), "new");
        Files.writeString(out.file("fig.png"), "new figure");
        assertFalse(Files.exists(dir.resolve("data/new.csv")), "nothing in DIR before commit");
        out.commit();
        assertEquals("mine", Files.readString(dir.resolve("data/old.csv")));
        assertEquals("new", Files.readString(dir.resolve("data/new.csv")));
        assertEquals("new figure", Files.readString(dir.resolve("fig.png")));
        assertEquals(List.of("fig"), names(tmp), "staging gone");
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
        Path older = Files.createDirectories(tmp.resolve(".run.tmp" + r));        // before PIDs were in the name
        Path running = Files.createDirectories(tmp.resolve(".run.partial-" + live + r));
        Path other = Files.createDirectories(tmp.resolve(".other.partial-" + dead + r)); // another DIR's
        Path user = Files.createDirectories(tmp.resolve(".run.partial-notes"));    // not a name the project writes
        Path userTmp = Files.createDirectories(tmp.resolve(".run.tmp-2"));         // too short for createTempDirectory
        Path file = Files.writeString(tmp.resolve(".run.partial-" + dead + "-1234567890"), "a file, not a directory");
        assertEquals(2, OutputDirectory.cleanStale(tmp, "run"));
        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(older));
        for (Path kept : List.of(running, other, user, userTmp, file)) assertTrue(Files.exists(kept), kept.toString());
        assertEquals(1, OutputDirectory.cleanStale(tmp, null), "of any name: the other DIR's too");
        assertFalse(Files.exists(other));
    }

    /** A PID no process has: past the highest live one. */
    private static long deadPid() {
        long max = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1);
        for (long p = max + 1000; ; p++) if (ProcessHandle.of(p).isEmpty()) return p;
    }
}
