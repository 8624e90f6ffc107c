package org.forwardonly.scan.progress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr with the estimated time left:
 * {@code scan [#########...........] 45/100 points  45%  0:12 elapsed  ~0:15 left}.
 * The estimate is (time so far / points finished in this run) × points left, so points
 * resumed from an earlier run do not make it optimistic. On a terminal it redraws one line;
 * otherwise (logs, CI) it prints a line at most every 30 seconds and at the end.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final String label;
    private final int total;
    private final int alreadyDone;
    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final long start;
    private final boolean terminal;
    private long lastLine;
    private int done;

    /**
     * @param label       what is counted, e.g. {@code scan}
     * @param total       all points
     * @param alreadyDone points finished before this run (resumed)
     * @param out         where to draw (stderr)
     * @param nanoClock   time source (System::nanoTime)
     * @param terminal    whether out is an interactive terminal
     */
    public ProgressBar(String label, int total, int alreadyDone, PrintWriter out, LongSupplier nanoClock, boolean terminal) {
        this.label = label;
        this.total = total;
        this.alreadyDone = alreadyDone;
        this.done = alreadyDone;
        this.out = out;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.terminal = terminal;
        this.lastLine = start;
        if (terminal) draw();
    }

    /** One more point finished. */
    public synchronized void step() {
        done++;
        if (terminal) {
            draw();
            if (done == total) {
                out.println();
                out.flush();
            }
        } else {
            long now = nanoClock.getAsLong();
            if (done == total || now - lastLine >= 30_000_000_000L) {
                out.println(line());
                out.flush();
                lastLine = now;
            }
        }
    }

    /** The current line (without the carriage return). */
    public synchronized String line() {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double elapsed = (nanoClock.getAsLong() - start) / 1e9;
        int ranHere = done - alreadyDone;
        String left = ranHere == 0 ? "?" : "~" + clock(elapsed / ranHere * (total - done));
        return String.format("%s [%s%s] %d/%d points %3d%%  %s elapsed  %s left", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, total == 0 ? 100 : (int) (100L * done / total),
                clock(elapsed), left);
    }

    private void draw() {
        out.print("\r" + line());
        out.flush();
    }

    /** h:mm:ss or m:ss. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600, m = (s % 3600) / 60, r = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, r) : String.format("%d:%02d", m, r);
    }
}
