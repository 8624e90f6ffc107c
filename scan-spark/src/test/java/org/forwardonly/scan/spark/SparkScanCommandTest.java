package org.forwardonly.scan.spark;

import org.forwardonly.cli.PepitaCommand;
import org.forwardonly.cli.ScanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user of {@code pepita scan --spark} sees when Spark cannot run: one line on stderr, the documented exit code, nothing written. */
class SparkScanCommandTest {

    private record Run(int exit, String out, String err) { }

    private static Run scan(Path spec, Path out, String master) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        var cl = PepitaCommand.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int exit = cl.execute("scan", spec.toString(), "--out", out.toString(), "--spark", master, "--no-plots");
        return new Run(exit, o.toString(), e.toString());
    }

    private static Path spec(Path tmp) throws Exception {
        return Files.writeString(tmp.resolve("spec.json"),
                "{\"base\": {\"rule\": \"afa\", \"K\": 2, \"M\": 2, \"tMax\": 5}, \"grid\": {\"eta\": [0.5, 1]}}");
    }

    @Test
    void aMalformedUrlIsBadInputInOneLineAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Run r = scan(spec(tmp), out, "nonsense://x");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("pepita scan: option '--spark': 'nonsense://x' is not a Spark master URL"), r.err());
        assertFalse(Files.exists(out), "no .lock, results.jsonl or scan.json");
    }

    @Test
    void anUnreachableMasterIsOneLineWithTheClusterExitCodeAndWritesNothing(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();   // free, and closed again: nothing listens there
        }
        Path out = tmp.resolve("out");
        Run r = scan(spec(tmp), out, "spark://127.0.0.1:" + port);
        assertEquals(ScanCommand.EXIT_CLUSTER, r.exit(), r.err());
        assertEquals(4, ScanCommand.EXIT_CLUSTER, "the exit code docs/scans.md documents");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("pepita scan: cannot reach the Spark master at 127.0.0.1:" + port), r.err());
        assertTrue(r.err().strip().endsWith("(nothing was written)"), r.err());
        assertFalse(Files.exists(out));
        assertEquals("", r.out());
    }
}
