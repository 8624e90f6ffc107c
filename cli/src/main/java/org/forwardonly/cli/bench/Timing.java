package org.forwardonly.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

    /** Median wall-clock and thread-CPU seconds of the repeats (equal on an idle machine). */
    record Seconds(double wall, double cpu) {
        Seconds per(double n) {
            return new Seconds(wall / n, cpu / n);
        }
    }

    /** Median seconds of {@code repeats} runs after {@code warmups} unmeasured runs. */
    static Seconds median(Work work, int warmups, int repeats) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmups; i++) sink += work.run();
        double[] t = new double[repeats], c = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += work.run();
            t[i] = (System.nanoTime() - start) * 1e-9;
            c[i] = (threads.getCurrentThreadCpuTime() - cpu) * 1e-9;
        }
        return new Seconds(median(t), median(c));
    }

    private static double median(double[] t) {
        Arrays.sort(t);
        int n = t.length;
        return n % 2 == 1 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
    }
}
