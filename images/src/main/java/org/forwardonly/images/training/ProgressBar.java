package org.forwardonly.images.training;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most every 200 ms. */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private long lastDraw;

    /** @param out where to draw (stderr), or null for none */
    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** Redraws: {@code label [#####.....] done/total suffix}. */
    public void update(String label, long done, long total, String suffix) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + done + "/" + total + " " + suffix + "   ");
        out.flush();
    }

    /** Ends the line. */
    public void finish() {
        if (out != null) {
            out.println();
        }
    }
}
