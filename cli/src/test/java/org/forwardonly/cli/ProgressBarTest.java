package org.forwardonly.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {

    @Test
    void estimatesTheTimeLeftFromTheProgressOfThisRunOnly() {
        AtomicLong clock = new AtomicLong();
        StringWriter out = new StringWriter();
        // a scan of 100 points, 40 resumed: 10 more points in 20 s make 2 s a point, so 50 left take ~100 s
        ProgressBar bar = new ProgressBar("scan", "points", 100, 40, new PrintWriter(out), false, clock::get);
        assertEquals("scan  40% points=40/100 elapsed 0s", bar.line(40, 0), "no estimate before the first point");
        assertEquals("scan  50% points=50/100 elapsed 20s ~100s left", bar.line(50, 20_000_000_000L));
    }

    @Test
    void completeDrawsTheFinalStateWhateverTheRateLimit() {
        AtomicLong clock = new AtomicLong();
        StringWriter out = new StringWriter();
        ProgressBar bar = new ProgressBar("scan", "points", 4, 0, new PrintWriter(out), false, clock::get);
        for (int i = 1; i <= 4; i++) {
            clock.addAndGet(100_000_000L);
            bar.update(i);
        }
        assertEquals("", out.toString(), "nothing in the first second");
        bar.complete(4);
        assertTrue(out.toString().startsWith("scan 100% points=4/4 elapsed 0s ~0s left"), out.toString());
    }
}
