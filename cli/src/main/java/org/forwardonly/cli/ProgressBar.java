package org.forwardonly.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A text progress bar on stderr for long runs. On a terminal it redraws one line (at most five
 * times a second, starting after one second); otherwise it prints a plain line every 30 seconds,
 * so logs stay readable. Never writes to stdout or to output files.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final String label;
    private final String quantity;
    private final double total;
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    /**
     * @param label    what runs (e.g. "ode")
     * @param total    the value at completion (e.g. tMax)
     * @param err      where to draw (stderr)
     * @param terminal whether err is an interactive terminal
     */
    public ProgressBar(String label, double total, PrintWriter err, boolean terminal) {
        this(label, "t", total, err, terminal);
    }

    /**
     * @param label    what runs (e.g. "reproduce")
     * @param quantity what is counted (e.g. "t" for time, "work" for simulation steps)
     * @param total    the value at completion
     * @param err      where to draw (stderr)
     * @param terminal whether err is an interactive terminal
     */
    public ProgressBar(String label, String quantity, double total, PrintWriter err, boolean terminal) {
        this.label = label;
        this.quantity = quantity;
        this.total = total;
        this.err = err;
        this.terminal = terminal;
    }

    /** True when the process has an interactive console (stderr most likely a terminal). */
    public static boolean consoleAttached() {
        return System.console() != null;
    }

    /** Reports progress {@code done} out of total; cheap when nothing is drawn. */
    public void update(double done) {
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 30_000_000_000L;
        if (now - start < 1_000_000_000L || now - lastDraw < interval) return;
        lastDraw = now;
        double fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
        String text = String.format(Locale.ROOT, "%s %3.0f%% %s=%.4g/%.4g elapsed %.0fs", label, 100 * fraction, quantity, done, total,
                (now - start) * 1e-9);
        if (terminal) {
            int filled = (int) Math.round(fraction * WIDTH);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + text);
        } else {
            err.println(text);
        }
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line (terminal) so that later messages start on a fresh line. */
    public void finish() {
        if (drawn && terminal) {
            err.println();
            err.flush();
        }
    }
}
