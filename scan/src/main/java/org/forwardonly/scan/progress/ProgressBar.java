package org.forwardonly.scan.progress;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr with the estimated time left:
 * {@code scan [#########...........] 45/100 points  45%  0:12 elapsed  ~0:15 left}.
 * The estimate is (time so far / points finished in this run) × points left, so points
 * resumed from an earlier run do not make it optimistic.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final String label;
    private final int total;
    private final int alreadyDone;
    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long start;
    private int done;

    /**
     * @param label       what is counted, e.g. {@code scan}
     * @param total       all points
     * @param alreadyDone points finished before this run (resumed)
     * @param out         where to draw (stderr)
     * @param nanoClock   time source (System::nanoTime)
     */
    public ProgressBar(String label, int total, int alreadyDone, PrintStream out, LongSupplier nanoClock) {
        this.label = label;
        this.total = total;
        this.alreadyDone = alreadyDone;
        this.done = alreadyDone;
        this.out = out;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        draw();
    }

    /** One more point finished. */
    public synchronized void step() {
        done++;
        draw();
        if (done == total) out.println();
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
