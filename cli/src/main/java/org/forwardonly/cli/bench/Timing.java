package org.forwardonly.cli.bench;

import java.util.Arrays;

/** Wall-clock timing of a piece of work: warm-up runs, then the median of repeats (System.nanoTime). */
final class Timing {
    private Timing() {}

    /** Work that returns something, so the JIT cannot drop it. */
    interface Work {
        double run();
    }

    /** Sink for results, read once at the end. */
    static volatile double sink;

    /** Median seconds of {@code repeats} runs after {@code warmups} unmeasured runs. */
    static double medianSeconds(Work work, int warmups, int repeats) {
        for (int i = 0; i < warmups; i++) sink += work.run();
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            sink += work.run();
            t[i] = (System.nanoTime() - start) * 1e-9;
        }
        Arrays.sort(t);
        return repeats % 2 == 1 ? t[repeats / 2] : 0.5 * (t[repeats / 2 - 1] + t[repeats / 2]);
    }
}
