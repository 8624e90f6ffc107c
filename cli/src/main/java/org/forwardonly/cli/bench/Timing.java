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

    /** Median wall-clock and CPU seconds of the repeats (equal on an idle machine for one thread). */
    record Seconds(double wall, double cpu) {
        Seconds per(double n) {
            return new Seconds(wall / n, cpu / n);
        }
    }

    /** Median seconds of {@code repeats} runs after {@code warmups} unmeasured runs; CPU of the calling thread. */
    static Seconds median(Work work, int warmups, int repeats) {
        return median(work, warmups, repeats, false);
    }

    /**
     * As {@link #median(Work, int, int)}; with {@code wholeProcess} the CPU time is that of every
     * thread of the process (for work split over threads; it then also counts the JIT and GC).
     */
    static Seconds median(Work work, int warmups, int repeats, boolean wholeProcess) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < warmups; i++) sink += work.run();
        double[] t = new double[repeats], c = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long cpu = wholeProcess ? os.getProcessCpuTime() : threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += work.run();
            t[i] = (System.nanoTime() - start) * 1e-9;
            c[i] = ((wholeProcess ? os.getProcessCpuTime() : threads.getCurrentThreadCpuTime()) - cpu) * 1e-9;
        }
        return new Seconds(median(t), median(c));
    }

    /** Median of {@code t} (sorts it). */
    static double median(double[] t) {
        Arrays.sort(t);
        int n = t.length;
        return n % 2 == 1 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
    }
}
