package org.forwardonly.scan;

import org.forwardonly.scan.progress.ProgressBar;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    @Test
    void estimatesTheTimeLeftFromThePointsOfThisRunOnly() {
        AtomicLong clock = new AtomicLong();
        StringWriter buf = new StringWriter();
        PrintWriter out = new PrintWriter(buf, true);
        // 100 points, 40 resumed; then 10 points in 20 s → 2 s a point, 50 left → ~1:40 left
        ProgressBar bar = new ProgressBar("scan", 100, 40, out, clock::get, true);
        assertTrue(bar.line().endsWith("? left"), bar.line());
        for (int i = 0; i < 10; i++) {
            clock.addAndGet(2_000_000_000L);
            bar.step();
        }
        assertEquals("scan [" + "#".repeat(15) + ".".repeat(15) + "] 50/100 points  50%  0:20 elapsed  ~1:40 left", bar.line());
        assertTrue(buf.toString().contains("\r"), "redraws one line on a terminal");
    }

    @Test
    void offATerminalItPrintsAtMostEveryThirtySecondsAndAtTheEnd() {
        AtomicLong clock = new AtomicLong();
        StringWriter buf = new StringWriter();
        ProgressBar bar = new ProgressBar("scan", 4, 0, new PrintWriter(buf, true), clock::get, false);
        for (int i = 0; i < 4; i++) {
            clock.addAndGet(1_000_000_000L);
            bar.step();
        }
        String s = buf.toString();
        assertEquals(1, s.lines().count(), s);   // 4 s in all: no 30 s tick, only the final line
        assertTrue(s.endsWith("4/4 points 100%  0:04 elapsed  ~0:00 left\n"), s);
    }
}
