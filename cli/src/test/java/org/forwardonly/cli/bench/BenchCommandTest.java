package org.forwardonly.cli.bench;

import org.forwardonly.cli.PepitaCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Smoke test of {@code pepita bench}: its SGD part runs, prints the Markdown table with one row per N
 * and times that are positive and finite; bad options exit 2. (Timing values are not asserted:
 * speed is measured by the benchmark, not by tests.)
 */
class BenchCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = PepitaCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void sgdPartPrintsOneRowPerSizeWithPositiveTimes() {
        String[] r = run("bench", "--only", "sgd", "--repeats", "1");
        assertEquals("0", r[0], r[2]);
        List<String> rows = r[1].lines().filter(l -> l.startsWith("| SGD ")).toList();
        assertEquals(2, rows.size(), r[1]);
        assertTrue(rows.get(0).contains("N=1,000,") && rows.get(1).contains("N=10,000,"), r[1]);
        for (String row : rows) {
            // the wall time per step, second column: a number with a unit
            String wall = row.split("\\|")[2].trim();
            Matcher m = Pattern.compile("([0-9.]+) ?(us|µs|ms|s)").matcher(wall);
            assertTrue(m.find(), row);
            double v = Double.parseDouble(m.group(1));
            assertTrue(v > 0 && Double.isFinite(v), row);
        }
        assertTrue(r[1].startsWith("pepita bench, "), r[1]);
        assertTrue(r[1].contains("load average at the start") && r[1].contains("at the end"), r[1]);
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        String[] r = run("bench", "--repeats", "0");
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("pepita bench: "), r[2]);
    }
}
