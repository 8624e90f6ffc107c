package org.forwardonly.cli.serve;

import org.forwardonly.cli.PepitaCommand;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pepita serve}'s bad input: one line on stderr, exit code 2. */
class ServeCommandTest {
    record Run(int exit, String err) { }

    static Run run(String... args) {
        StringWriter err = new StringWriter();
        var cl = PepitaCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void aTakenPortIsBadInput() throws Exception {
        try (ExplorerServer taken = new ExplorerServer("127.0.0.1", 0, 1, new PrintWriter(new StringWriter()))) {
            Run r = run("serve", "--port", Integer.toString(taken.port()));
            assertEquals(2, r.exit());
            assertTrue(r.err().startsWith("pepita serve: cannot listen on 127.0.0.1:" + taken.port()), r.err());
            assertEquals(1, r.err().split("\n").length);
        }
    }

    @Test
    void aPortOutOfRangeIsBadInput() {
        Run r = run("serve", "--port", "70000");
        assertEquals(2, r.exit());
        assertEquals("pepita serve: option '--port': must be 0..65535 (got 70000)\n", r.err().replace("\r\n", "\n"));
    }
}
