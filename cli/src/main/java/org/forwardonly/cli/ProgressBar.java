package org.forwardonly.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A text progress bar on stderr for long runs, with an estimate of the time left. On a terminal
 * it redraws one line (at most five times a second, starting after one second); otherwise it
 * prints a plain line every 30 seconds, so logs stay readable. Never writes to stdout or to
 * output files. The time left is (time so far / progress made in this run) × progress left,
 * where progress made before this run (a resumed scan's finished points) does not count.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final String label;
    private final String quantity;
    private final double total;
    private final PrintWriter err;
    private final boolean terminal;
    private final double initial;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private boolean drawn;
    private String note = "";

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
        this(label, quantity, total, 0, err, terminal, System::nanoTime);
    }

    /**
     * @param label    what runs (e.g. "scan")
     * @param quantity what is counted (e.g. "points")
     * @param total    the value at completion
     * @param initial  progress made before this run (e.g. points resumed), left out of the time estimate
     * @param err      where to draw (stderr)
     * @param terminal whether err is an interactive terminal
     * @param clock    nanosecond time source (System::nanoTime)
     */
    public ProgressBar(String label, String quantity, double total, double initial, PrintWriter err, boolean terminal,
                       LongSupplier clock) {
        this.label = label;
        this.quantity = quantity;
        this.total = total;
        this.initial = initial;
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** True when the process has an interactive console (stderr most likely a terminal). */
    public static boolean consoleAttached() {
        return System.console() != null;
    }

    /** Reports progress {@code done} out of total; cheap when nothing is drawn. */
    public void update(double done) {
        long now = clock.getAsLong();
        long interval = terminal ? 200_000_000L : 30_000_000_000L;
        if (now - start < 1_000_000_000L || now - lastDraw < interval) return;
        lastDraw = now;
        String text = line(done, now);
        if (terminal) {
            double fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
            int filled = (int) Math.round(fraction * WIDTH);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + text);
        } else {
            err.println(text);
        }
        err.flush();
        drawn = true;
    }

    /** A status text shown after the numbers from the next redraw on (e.g. the exact engine's error estimate). */
    public void note(String text) {
        note = text == null ? "" : text;
    }

    /** The text of the bar at progress {@code done} and clock reading {@code now} (without the bar itself). */
    String line(double done, long now) {
        double fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
        double elapsed = (now - start) * 1e-9;
        String left = done > initial ? String.format(Locale.ROOT, " ~%.0fs left", elapsed * Math.max(0, total - done) / (done - initial))
                : "";
        return String.format(Locale.ROOT, "%s %3.0f%% %s=%s/%s elapsed %.0fs%s%s", label, 100 * fraction, quantity, number(done),
                number(total), elapsed, left, note.isEmpty() ? "" : "; " + note);
    }

    /** Whole numbers (counts) as integers, others with four significant digits. */
    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.4g", x);
    }

    /** Draws the bar now, whatever the rate limit (e.g. a scan's last point), then ends its line. */
    public void complete(double done) {
        String text = line(done, clock.getAsLong());
        if (terminal) err.print("\r[" + "#".repeat(WIDTH) + "] " + text);
        else err.println(text);
        drawn = true;
        finish();
        err.flush();
    }

    /** Ends the bar's line (terminal) so that later messages start on a fresh line. */
    public void finish() {
        if (drawn && terminal) {
            err.println();
            err.flush();
        }
    }
}
