package org.forwardonly.cli.bench;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.OdeResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
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
 * this machine and prints them as a Markdown table (docs/performance.md), beside the C++
 * reference (sgoldt/nn2pp) timed in the same run when {@code --reference DIR} names its built
 * programs ({@link ReferenceRuns}); without it the reference columns say "not measured". Plain
 * timing loops (System.nanoTime, warm-up, median of repeats); the JMH benchmarks of the
 * {@code bench} module measure the kernels in isolation.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the ODE (Euler dt=0.01 and adaptive dp853, bp erf, both layers trained) and the SGD step "
                + "on this machine; print a Markdown table with the targets and, with --reference, the C++ reference "
                + "(sgoldt/nn2pp) timed in the same run on the same work, and the ratios. ODE rows run "
                + "with pepita ode's default thread count (2 at K=M=10) and, where that is more than one, also on one thread. "
                + "A second table times cold whole processes (--version, a 1000-step K=M=2 ode, each Euler workload; "
                + "with --nn2pp alternating with the reference's runs).",
                "Takes 1-4 minutes on 2 cores (depending on the load), about 2 more for the cold rows and 2 more with --nn2pp."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--only", paramLabel = "PART", description = "Run only 'ode', 'sgd' or 'exact' (the exact engine's "
            + "reach: exact pepita against closed-form afa from K = M = 2 to 10 and K = 2..10 at M = 2; default: all three).")
    String only;

    @Option(names = "--repeats", paramLabel = "R", description = "Timed repeats per row, median reported (default: ${DEFAULT-VALUE}).")
    int repeats = 3;

    @Option(names = "--rtol", paramLabel = "TOL",
            description = "dp853 relative tolerance for the adaptive rows (default: ${DEFAULT-VALUE}; atol = rtol/1000).")
    double rtol = 1e-7;

    @Option(names = {"--nn2pp", "--reference"}, paramLabel = "PATH", description = "The C++ reference sgoldt/nn2pp, built "
            + "as docs/performance.md says: the directory holding scmpp_ode.exe and nn2pp.exe, or one of them. Times them "
            + "in this run on the same work (median of the same repeats; the ODE runs alternate with pepita's cold runs). "
            + "Without it the reference columns say 'not measured'.")
    Path referenceDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The absolute target for the SGD step at N = 10,000 (docs/performance.md); the other targets are relative to the reference. */
    private static final double SGD_TARGET_N10000 = 60e-6;
    private static final String NOT_MEASURED = "not measured";

    /** The reference programs of this run, or null without --reference. */
    private ReferenceRuns reference;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String bad = repeats < 1 || repeats > 1000 ? "option '--repeats': must be from 1 to 1000 (got " + repeats + ")"
                : !(rtol > 0 && rtol < 1) ? "option '--rtol': must be > 0 and < 1 (got " + rtol + ")"
                : only != null && !only.equals("ode") && !only.equals("sgd") && !only.equals("exact")
                        ? "option '--only': must be ode, sgd or exact (got '" + only + "')"
                : null;
        if (bad != null) {
            err.println("pepita bench: " + bad);
            err.flush();
            return CommandLine.ExitCode.USAGE; // 2, pepita's exit code for bad input
        }
        if (referenceDir != null) {
            try {
                reference = ReferenceRuns.in(referenceDir, only == null || only.equals("ode"), only == null || only.equals("sgd"));
            } catch (IllegalArgumentException e) {
                err.println("pepita bench: " + e.getMessage());
                return 2;
            }
        }
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<String> rows = new ArrayList<>();
        rows.add("| work | pepita warm, in-process (wall) | pepita warm (CPU) | C++ reference, whole process (wall) "
                + "| C++ reference (CPU) | target | reference / pepita (wall; CPU) | notes |");
        rows.add("|---|---|---|---|---|---|---|---|");
        cold = new ArrayList<>();
        if (only == null || only.equals("ode")) {
            coldRuns = ColdRuns.likeThisJvm(spec.root().userObject().getClass().getName());
            coldStartRows(err);
            odeRows(rows, err);
        }
        if (only == null || only.equals("sgd")) sgdRows(rows, err);
        List<String> exact = new ArrayList<>();
        if (only == null || only.equals("exact")) exactRows(exact, err);
        out.println("pepita bench, " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16)
                + " UTC; " + machine());
        out.println(reference == null ? "C++ reference: not measured (--reference DIR times it in the same run)"
                : "C++ reference: " + referenceDir.toAbsolutePath() + " (" + ReferenceRuns.ODE_PROGRAM + ", " + ReferenceRuns.SGD_PROGRAM
                        + "), timed in this run");
        out.println();
        if (rows.size() > 2) rows.forEach(out::println);
        if (!cold.isEmpty()) {
            out.println();
            out.println("Cold whole processes: each a fresh JVM started as this one was (" + coldRuns.options()
                    + "), median of " + repeats + (reference == null ? "" : "; the ODE rows alternate with the reference's runs, "
                    + "pair by pair") + ". Without the ./pepita script's own checks (docs/performance.md).");
            out.println();
            out.println("| work | pepita cold, whole process (wall) | pepita cold (CPU) | C++ reference, whole process (wall) "
                    + "| C++ reference (CPU) | target | reference / pepita (wall; CPU) | notes |");
            out.println("|---|---|---|---|---|---|---|---|");
            cold.forEach(out::println);
        }
        if (!exact.isEmpty()) {
            if (rows.size() > 2) out.println();
            out.println("The exact engine's reach: exact pepita (random start, sigmaF 0.5, eta 0.5, to t = 100, integrator dp853 "
                    + "rtol 1e-5; Sobol replicates on the engine's choice, averaging.integrator auto) against the closed-form afa ODE "
                    + "of the same config, same run, and against afa on dp54:");
            out.println();
            exact.forEach(out::println);
        }
        out.printf(Locale.ROOT, "%nload average at the start: %.2f, at the end: %.2f (1 min, %d cores)%n", loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    /** The cold rows of the table after the main one, filled by {@link #coldStartRows} and {@link #odeRows}. */
    private List<String> cold;
    private ColdRuns coldRuns;
    /** The start-up targets of issue 29: a cold --version and a 1000-step K = M = 2 ode, each under half a second. */
    private static final double START_TARGET = 0.5;

    private void coldStartRows(PrintWriter err) {
        progress(err, "cold pepita --version and a cold 1000-step K=M=2 ode, whole processes");
        double[][] v = new double[2][repeats], o = new double[2][repeats];
        String k2 = OdeWorkload.json(2, 2, "euler", 0.01, 1e-9, 1e-12, 10);
        for (int i = 0; i < repeats; i++) {
            ReferenceRuns.Run a = coldRuns.version(), b = coldRuns.ode(k2);
            v[0][i] = a.wall();
            v[1][i] = a.cpu();
            o[0][i] = b.wall();
            o[1][i] = b.cpu();
        }
        cold.add(String.format(Locale.ROOT, "| pepita --version | %s | %s | – | – | <= %s | – | start-up alone |",
                seconds(Timing.median(v[0])), seconds(Timing.median(v[1])), seconds(START_TARGET)));
        cold.add(String.format(Locale.ROOT, "| pepita ode K=M=2, Euler dt=0.01, to t=10 | %s | %s | – | – | <= %s | – | "
                        + "1,000 steps, one thread; start-up, config, run directory and 200 samples |",
                seconds(Timing.median(o[0])), seconds(Timing.median(o[1])), seconds(START_TARGET)));
    }

    /**
     * The cold whole-process row of an Euler workload, its runs alternating with the reference's when there is one
     * (so both meet the same load); returns the reference's median run, or null.
     */
    private ReferenceRuns.Run coldEulerRow(PrintWriter err, OdeWorkload w, int factor) {
        progress(err, "cold pepita ode " + w.label() + " Euler dt=0.01 to t=" + (int) w.tMax + ", whole processes"
                + (reference == null ? "" : ", alternating with the C++ reference"));
        String config = OdeWorkload.json(w.K, w.M, "euler", 0.01, 1e-9, 1e-12, w.tMax);
        double[][] p = new double[2][repeats], r = new double[2][repeats];
        double reached = Double.NaN;
        for (int i = 0; i < repeats; i++) {
            if (reference != null) {
                ReferenceRuns.Run b = reference.odeOnce(w.K, w.M, w.tMax);
                r[0][i] = b.wall();
                r[1][i] = b.cpu();
                reached = b.tReached();
            }
            ReferenceRuns.Run a = coldRuns.ode(config);
            p[0][i] = a.wall();
            p[1][i] = a.cpu();
        }
        Timing.Seconds pepita = new Timing.Seconds(Timing.median(p[0]), Timing.median(p[1]));
        ReferenceRuns.Run ref = reference == null ? null : new ReferenceRuns.Run(Timing.median(r[0]), Timing.median(r[1]), reached);
        cold.add(String.format(Locale.ROOT, "| ODE %s, Euler dt=0.01, to t=%d | %s | %s | %s | %s | %s | %,d steps, %s (pepita ode's "
                        + "default)%s |", w.label(), (int) w.tMax, seconds(pepita.wall()), seconds(pepita.cpu()),
                referenceColumns(ref, false), target(ref, factor, false), ratios(ref, pepita), Math.round(w.tMax / 0.01),
                threadsNote(w.defaultThreads()), referenceNote(ref)));
        return ref;
    }

    private void odeRows(List<String> rows, PrintWriter err) {
        OdeWorkload[] work = {new OdeWorkload(4, 4, 1000), new OdeWorkload(6, 3, 1000), new OdeWorkload(10, 10, 300)};
        // issue 29's whole-process targets: pepita 2x faster than the reference at K=M=4, 3x at K=M=10
        int[] coldFactor = {2, 1, 3};
        for (int i = 0; i < work.length; i++) {
            OdeWorkload w = work[i];
            // the reference's runs of this workload, paired with pepita's cold runs; the warm rows compare with them too
            ReferenceRuns.Run ref = coldEulerRow(err, w, coldFactor[i]);
            // the configuration pepita ode runs by default, and one thread when that differs
            int threads = w.defaultThreads();
            eulerRow(rows, err, w, ref, threads);
            if (threads > 1) eulerRow(rows, err, w, ref, 1);
            adaptiveRow(rows, err, w, ref, threads);
            if (threads > 1) adaptiveRow(rows, err, w, ref, 1);
        }
    }

    private void exactRows(List<String> rows, PrintWriter err) {
        rows.addAll(ExactReachWorkload.header());
        for (int[] size : ExactReachWorkload.SIZES) {
            progress(err, "exact pepita against closed-form afa, K=" + size[0] + " M=" + size[1] + " to t=100");
            rows.add(new ExactReachWorkload(size[0], size[1]).row(repeats));
        }
    }

    private void eulerRow(List<String> rows, PrintWriter err, OdeWorkload w, ReferenceRuns.Run ref, int threads) {
        progress(err, "ODE " + w.label() + " Euler dt=0.01 to t=" + (int) w.tMax + ", " + threadsNote(threads));
        ExperimentConfig euler = w.config("euler", 0.01, 1e-9, 1e-12, w.tMax);
        w.run(w.config("euler", 0.01, 1e-9, 1e-12, w.tMax / 10), threads); // warm-up
        Timing.Seconds te = Timing.median(() -> w.run(euler, threads).evaluations(), 0, repeats, threads > 1);
        rows.add(String.format(Locale.ROOT, "| ODE %s, Euler dt=0.01, to t=%d%s | %s | %s | %s | %s | %s | %,d steps, %s%s |",
                w.label(), (int) w.tMax, threadsLabel(w, threads), seconds(te.wall()), seconds(te.cpu()), referenceColumns(ref, false),
                target(ref, 1, false), ratios(ref, te), Math.round(w.tMax / 0.01), threadsNote(threads, w), referenceNote(ref)));
    }

    private void adaptiveRow(List<String> rows, PrintWriter err, OdeWorkload w, ReferenceRuns.Run ref, int threads) {
        progress(err, "ODE " + w.label() + " dp853 rtol=" + rtol + " (and its reference at rtol=1e-12), " + threadsNote(threads));
        ExperimentConfig adaptive = w.config("dp853", 0.01, rtol, rtol * 1e-3, w.tMax);
        OdeResult reference = w.run(w.config("dp853", 0.01, 1e-12, 1e-15, w.tMax), threads);
        OdeResult a;
        try {
            a = w.run(adaptive, threads);
        } catch (IllegalStateException e) {
            rows.add(String.format(Locale.ROOT, "| ODE %s, adaptive dp853 rtol=%.0e, to t=%d%s | failed | | %s | %s | | %s |",
                    w.label(), rtol, (int) w.tMax, threadsLabel(w, threads), referenceColumns(ref, false), target(ref, 10, false),
                    e.getMessage()));
            return;
        }
        double error = OdeWorkload.maxRelativeEpsGError(a, reference);
        Timing.Seconds ta = Timing.median(() -> w.run(adaptive, threads).evaluations(), 0, repeats, threads > 1);
        rows.add(String.format(Locale.ROOT, "| ODE %s, adaptive dp853 rtol=%.0e, to t=%d%s | %s | %s | %s | %s | %s | "
                        + "%,d RHS evaluations, %s; max relative error of eps_g at 200 log-spaced times vs dp853 rtol=1e-12: %.1e; "
                        + "reference: its Euler dt=0.01 run |",
                w.label(), rtol, (int) w.tMax, threadsLabel(w, threads), seconds(ta.wall()), seconds(ta.cpu()),
                referenceColumns(ref, false), target(ref, 10, false), ratios(ref, ta), a.evaluations(), threadsNote(threads, w), error));
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
            ReferenceRuns.Run ref = null;
            if (reference != null) {
                progress(err, "C++ reference SGD " + w.label());
                ref = reference.sgdPerStep(w.K, w.M, w.N, REFERENCE_SHORT_RUN, referenceLongRun(w.N), repeats);
            }
            String target = sizes[i] == 10_000 ? "<= " + micros(SGD_TARGET_N10000) : target(ref, 1, true);
            double floorCpu = gaussT.cpu() + flopsT.cpu();
            String vsTarget = sizes[i] == 10_000
                    ? String.format(Locale.ROOT, "; target / pepita = %.2f (wall), %.2f (CPU)", SGD_TARGET_N10000 / step,
                            SGD_TARGET_N10000 / stepT.cpu())
                    : "";
            rows.add(String.format(Locale.ROOT, "| SGD %s, per step | %s | %s | %s | %s | %s | floor %s wall, %s CPU "
                            + "(N Gaussians %s + 6(K+M)N flops %s, wall); step = %.2f x floor (wall), %.2f x floor (CPU)%s%s |",
                    w.label(), micros(step), micros(stepT.cpu()), referenceColumns(ref, true), target, ratios(ref, stepT),
                    micros(floor), micros(floorCpu), micros(gauss), micros(flops), step / floor, stepT.cpu() / floorCpu,
                    vsTarget, ref == null ? "" : String.format(Locale.ROOT, "; reference: nn2pp.exe, one thread, (time of %,d steps "
                            + "- time of %,d steps) / %,d", referenceLongRun(w.N), REFERENCE_SHORT_RUN,
                                    referenceLongRun(w.N) - REFERENCE_SHORT_RUN)));
        }
    }

    /** The two reference cells (wall | CPU), or "not measured". */
    private static String referenceColumns(ReferenceRuns.Run ref, boolean perStep) {
        if (ref == null) return NOT_MEASURED + " | " + NOT_MEASURED;
        return (perStep ? micros(ref.wall()) : seconds(ref.wall())) + " | "
                + (Double.isNaN(ref.cpu()) ? "n/a" : perStep ? micros(ref.cpu()) : seconds(ref.cpu()));
    }

    /** The target: at most the reference's time divided by {@code factor}. */
    private static String target(ReferenceRuns.Run ref, int factor, boolean perStep) {
        if (ref == null) return factor == 1 ? "<= reference" : "<= reference / " + factor;
        double t = ref.wall() / factor;
        return "<= " + (perStep ? micros(t) : seconds(t));
    }

    private static String ratios(ReferenceRuns.Run ref, Timing.Seconds pepita) {
        if (ref == null) return "–";
        return String.format(Locale.ROOT, "%.1f; %s", ref.wall() / pepita.wall(),
                Double.isNaN(ref.cpu()) ? "n/a" : String.format(Locale.ROOT, "%.1f", ref.cpu() / pepita.cpu()));
    }

    private static String referenceNote(ReferenceRuns.Run ref) {
        return ref == null ? "" : String.format(Locale.ROOT, "; reference: scmpp_ode.exe, one thread, reached t = %.2f", ref.tReached());
    }

    /** Steps of the reference's short SGD run, whose time is subtracted (start-up cancels). */
    private static final int REFERENCE_SHORT_RUN = 2000;

    /** Steps of the reference's long SGD run: about a second more than the short one at its speed. */
    private static int referenceLongRun(int N) {
        return N <= 1000 ? 42_000 : 6000;
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
