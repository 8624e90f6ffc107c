package org.forwardonly.cli.bench;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.OdeResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code pepita bench}: times the ODE (fixed-step Euler and adaptive dp853) and the SGD step on
 * this machine and prints them next to the C++ reference of issue #7 and the targets, as a
 * Markdown table (docs/performance.md). Plain timing loops (System.nanoTime, warm-up, median of
 * repeats); the JMH benchmarks of the {@code bench} module measure the kernels in isolation.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the ODE (Euler dt=0.01 and adaptive dp853, bp erf, both layers trained) and the SGD step "
                + "on this machine; print a Markdown table with the C++ reference, the targets and the ratios. ODE rows run "
                + "with pepita ode's default thread count (2 at K=M=10) and, where that is more than one, also on one thread.",
                "Takes 1-4 minutes on 2 cores (depending on the load)."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--only", paramLabel = "PART", description = "Run only 'ode' or 'sgd' (default: both).")
    String only;

    @Option(names = "--repeats", paramLabel = "R", description = "Timed repeats per row, median reported (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Option(names = "--rtol", paramLabel = "TOL", description = "dp853 relative tolerance for the adaptive rows (default: ${DEFAULT-VALUE}; atol = rtol/1000).")
    double rtol = 1e-7;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** C++ reference times (issue #7): Armadillo, -O3 -march=native, one thread. */
    private static final double[] ODE_REFERENCE_SECONDS = {2.9, 8.2, 24};
    private static final double[] SGD_REFERENCE_SECONDS = {88e-6, 575e-6};
    private static final double SGD_TARGET_N10000 = 60e-6;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeats < 1 || !(rtol > 0) || (only != null && !only.equals("ode") && !only.equals("sgd"))) {
            err.println("pepita bench: --repeats must be >= 1, --rtol > 0, --only ode|sgd");
            return 2;
        }
        List<String> rows = new ArrayList<>();
        rows.add("| work | pepita (wall) | pepita (CPU) | C++ reference | target | reference / pepita (wall; CPU) | notes |");
        rows.add("|---|---|---|---|---|---|---|");
        if (only == null || only.equals("ode")) odeRows(rows, err);
        if (only == null || only.equals("sgd")) sgdRows(rows, err);
        out.println("pepita bench, " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16)
                + " UTC; " + machine());
        out.println();
        rows.forEach(out::println);
        out.printf(Locale.ROOT, "%nload average at the end: %.2f (1 min, %d cores)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    private void odeRows(List<String> rows, PrintWriter err) {
        OdeWorkload[] work = {new OdeWorkload(4, 4, 1000), new OdeWorkload(6, 3, 1000), new OdeWorkload(10, 10, 300)};
        for (int i = 0; i < work.length; i++) {
            OdeWorkload w = work[i];
            // the configuration pepita ode runs by default, and one thread when that differs
            int threads = w.defaultThreads();
            eulerRow(rows, err, w, ODE_REFERENCE_SECONDS[i], threads);
            if (threads > 1) eulerRow(rows, err, w, ODE_REFERENCE_SECONDS[i], 1);
            adaptiveRow(rows, err, w, ODE_REFERENCE_SECONDS[i], threads);
            if (threads > 1) adaptiveRow(rows, err, w, ODE_REFERENCE_SECONDS[i], 1);
        }
    }

    private void eulerRow(List<String> rows, PrintWriter err, OdeWorkload w, double ref, int threads) {
        progress(err, "ODE " + w.label() + " Euler dt=0.01 to t=" + (int) w.tMax + ", " + threadsNote(threads));
        ExperimentConfig euler = w.config("euler", 0.01, 1e-9, 1e-12, w.tMax);
        w.run(w.config("euler", 0.01, 1e-9, 1e-12, w.tMax / 10), threads); // warm-up
        Timing.Seconds te = Timing.median(() -> w.run(euler, threads).evaluations(), 0, repeats, threads > 1);
        rows.add(String.format(Locale.ROOT, "| ODE %s, Euler dt=0.01, to t=%d%s | %s | %s | %s | <= %s | %.1f; %.1f | %,d steps, %s |",
                w.label(), (int) w.tMax, threadsLabel(w, threads), seconds(te.wall()), seconds(te.cpu()), seconds(ref),
                seconds(ref), ref / te.wall(), ref / te.cpu(), Math.round(w.tMax / 0.01), threadsNote(threads, w)));
    }

    private void adaptiveRow(List<String> rows, PrintWriter err, OdeWorkload w, double ref, int threads) {
        progress(err, "ODE " + w.label() + " dp853 rtol=" + rtol + " (and its reference at rtol=1e-12), " + threadsNote(threads));
        ExperimentConfig adaptive = w.config("dp853", 0.01, rtol, rtol * 1e-3, w.tMax);
        OdeResult reference = w.run(w.config("dp853", 0.01, 1e-12, 1e-15, w.tMax), threads);
        OdeResult a;
        try {
            a = w.run(adaptive, threads);
        } catch (IllegalStateException e) {
            rows.add(String.format(Locale.ROOT, "| ODE %s, adaptive dp853 rtol=%.0e, to t=%d%s | failed | | %s | <= %s | | %s |",
                    w.label(), rtol, (int) w.tMax, threadsLabel(w, threads), seconds(ref), seconds(ref / 10), e.getMessage()));
            return;
        }
        double error = OdeWorkload.maxRelativeEpsGError(a, reference);
        Timing.Seconds ta = Timing.median(() -> w.run(adaptive, threads).evaluations(), 0, repeats, threads > 1);
        rows.add(String.format(Locale.ROOT, "| ODE %s, adaptive dp853 rtol=%.0e, to t=%d%s | %s | %s | %s | <= %s | %.1f; %.1f | "
                        + "%,d RHS evaluations, %s; max relative error of eps_g at 200 log-spaced times vs dp853 rtol=1e-12: %.1e |",
                w.label(), rtol, (int) w.tMax, threadsLabel(w, threads), seconds(ta.wall()), seconds(ta.cpu()), seconds(ref),
                seconds(ref / 10), ref / ta.wall(), ref / ta.cpu(), a.evaluations(), threadsNote(threads, w), error));
    }

    /** Rows off the default thread count say so in the work column. */
    private static String threadsLabel(OdeWorkload w, int threads) {
        return threads == w.defaultThreads() ? "" : ", " + threadsNote(threads);
    }

    private static String threadsNote(int threads) {
        return threads == 1 ? "one thread" : threads + " threads (CPU: whole process)";
    }

    /** With the share of evaluations of the last timed run that used the helpers (ItemSplit measures whether they pay). */
    private static String threadsNote(int threads, OdeWorkload w) {
        return threads == 1 ? threadsNote(1) : String.format(Locale.ROOT, "%s, helpers used in %.0f%% of evaluations",
                threadsNote(threads), 100 * w.lastHelperShare);
    }

    private void sgdRows(List<String> rows, PrintWriter err) {
        int[] sizes = {1000, 10_000};
        for (int i = 0; i < sizes.length; i++) {
            SgdWorkload w = new SgdWorkload(4, 4, sizes[i]);
            progress(err, "SGD " + w.label());
            int steps = 2_000_000 / sizes[i] * 10;
            Timing.Seconds stepT = w.secondsPerStep(steps, Math.max(5, repeats));
            Timing.Seconds gaussT = w.gaussianSeconds(steps, Math.max(5, repeats));
            Timing.Seconds flopsT = w.flopSeconds(steps, Math.max(5, repeats));
            double step = stepT.wall(), gauss = gaussT.wall(), flops = flopsT.wall(), floor = gauss + flops;
            double ref = SGD_REFERENCE_SECONDS[i];
            String target = sizes[i] == 10_000 ? "<= " + micros(SGD_TARGET_N10000) : "<= " + micros(ref);
            double bound = sizes[i] == 10_000 ? SGD_TARGET_N10000 : ref;
            double floorCpu = gaussT.cpu() + flopsT.cpu();
            rows.add(String.format(Locale.ROOT, "| SGD %s, per step | %s | %s | %s | %s | %.1f; %.1f | floor %s wall, %s CPU "
                            + "(N Gaussians %s + 6(K+M)N flops %s, wall); step = %.2f x floor (wall), %.2f x floor (CPU); "
                            + "target / pepita = %.2f (wall), %.2f (CPU) |",
                    w.label(), micros(step), micros(stepT.cpu()), micros(ref), target, ref / step, ref / stepT.cpu(),
                    micros(floor), micros(floorCpu), micros(gauss), micros(flops), step / floor, stepT.cpu() / floorCpu,
                    bound / step, bound / stepT.cpu()));
        }
    }

    private static void progress(PrintWriter err, String what) {
        err.println("pepita bench: " + what + " ...");
        err.flush();
    }

    private static String seconds(double s) {
        return s >= 10 ? String.format(Locale.ROOT, "%.1f s", s) : s >= 0.1 ? String.format(Locale.ROOT, "%.2f s", s)
                : String.format(Locale.ROOT, "%.1f ms", s * 1e3);
    }

    private static String micros(double s) {
        return String.format(Locale.ROOT, "%.1f us", s * 1e6);
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / 1e9) + " GB, Java " + System.getProperty("java.vm.version") + " ("
                + System.getProperty("java.vm.name") + "), " + System.getProperty("os.arch") + "; simulation kernels: "
                + (org.forwardonly.simulation.network.RowProducts.vectorised()
                        ? "vector (jdk.incubator.vector, PEPITA_VECTOR=1)" : "scalar (Math.fma; PEPITA_VECTOR=1 for the vector ones)");
    }
}
