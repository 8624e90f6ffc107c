package org.forwardonly.cli.bench;

import org.forwardonly.cli.PepitaCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@code pepita bench --reference} runs the C++ reference, with shell scripts standing in for
 * its programs (the real ones are built by the user, not by the tests).
 */
class ReferenceRunsTest {
    @TempDir
    Path tmp;

    private Path script(String name, String body) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void readsTheTimeTheReferenceReachedFromItsLastDataLine() {
        // the reference's stdout: comment lines, then "steps / N, eg, ..." rows
        assertEquals(1001.43, ReferenceRuns.lastTime(List.of("# header", "0.1, 0.5, nan", "1001.43, 0.0041, nan",
                "# Wall clock time passed: 3 s")));
        assertTrue(Double.isNaN(ReferenceRuns.lastTime(List.of("# only comments"))));
    }

    @Test
    void timesAChildProcessInItsOwnDirectoryAndRemovesIt() throws Exception {
        // sleeps 0.3 s and writes a log file into its working directory, as the reference programs do
        Path prog = script("fake.exe", "pwd > \"$(dirname \"$0\")/cwd.txt\"; echo log > run.dat; sleep 0.3; echo '# done'; echo '12.5, "
                + "0.1'\n");
        ReferenceRuns.Run r = ReferenceRuns.once(List.of(prog.toString()));
        assertEquals(12.5, r.tReached());
        // sleep 0.3 cannot take less than 0.3 s of wall time
        assertTrue(r.wall() >= 0.3, "wall " + r.wall());
        Path cwd = Path.of(Files.readString(tmp.resolve("cwd.txt")).strip());
        assertTrue(!cwd.equals(tmp) && !Files.exists(cwd), "ran in " + cwd + ", which should be gone");
    }

    @Test
    void aFailingReferenceFailsWithItsOwnWords() throws Exception {
        Path prog = script("bad.exe", "echo 'g has to be linear or erf' >&2; exit 1\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReferenceRuns.once(List.of(prog.toString())));
        assertTrue(e.getMessage().contains("exited with 1: g has to be linear or erf"), e.getMessage());
    }

    @Test
    void benchRejectsADirectoryWithoutTheProgramsWithExit2AndOneLine() throws Exception {
        script(ReferenceRuns.ODE_PROGRAM, "exit 0\n"); // nn2pp.exe missing
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = PepitaCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("bench", "--reference", tmp.toString());
        assertEquals(2, exit);
        assertEquals("", out.toString());
        String[] lines = err.toString().strip().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].contains("no executable nn2pp.exe"), lines[0]);
        // with --only ode the missing simulator does not matter; the check passes and only then would timing start,
        // so this is checked on the factory rather than by running the benchmark
        ReferenceRuns.in(tmp, true, false);
        assertThrows(IllegalArgumentException.class, () -> ReferenceRuns.in(tmp, false, true));
        assertThrows(IllegalArgumentException.class, () -> ReferenceRuns.in(tmp.resolve("missing"), true, true));
    }
}
