package org.forwardonly.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for long runs: redrawn at most every 200 ms, with the
 * fraction done and an estimate of the time left. Thread-safe.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream err, String label) {
        this.err = err;
        this.label = label;
    }

    /** Reports {@code done} of {@code total} units. */
    synchronized void update(long done, long total) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) return;
        lastDraw = now;
        double f = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        double elapsed = (now - start) / 1e9;
        String eta = f > 0 && f < 1 && elapsed >= 1 ? String.format(Locale.ROOT, ", %.0f s left", elapsed * (1 - f) / f) : "";
        err.printf(Locale.ROOT, "\r%s [%s%s] %5.1f%% (%.0f s%s)   ", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), 100 * f, elapsed, eta);
        err.flush();
        drawn = true;
    }

    /** Ends the line. */
    synchronized void finish() {
        if (drawn) err.println();
    }
}
