package org.forwardonly.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The C++ reference (sgoldt/nn2pp, built by the user as docs/performance.md says) timed in the
 * same run as pepita: its ODE integrator {@code scmpp_ode.exe} and its simulator
 * {@code nn2pp.exe}, run as child processes on the same workloads (bp, erf, both layers trained,
 * η = η_v = 1, Euler dt = 0.01; online SGD with mini-batch 1). Each program runs in a fresh
 * temporary directory (both write a log file into their working directory), which is deleted
 * afterwards. Wall time is System.nanoTime around the process; CPU time is the user + system
 * time of the reaped child, read from /proc/self/stat (cutime + cstime, in Linux's fixed
 * USER_HZ = 100 ticks per second), NaN where /proc is not readable.
 */
final class ReferenceRuns {
    /** File names the build line of docs/performance.md produces. */
    static final String ODE_PROGRAM = "scmpp_ode.exe", SGD_PROGRAM = "nn2pp.exe";

    private final Path dir;

    private ReferenceRuns(Path dir) {
        this.dir = dir;
    }

    /**
     * The reference programs in {@code dir}, or a one-line reason why they cannot be used; checks
     * only the programs the run needs.
     */
    static ReferenceRuns in(Path dir, boolean needOde, boolean needSgd) {
        // --nn2pp may name one of the built programs rather than their directory
        if (Files.isRegularFile(dir) && List.of(ODE_PROGRAM, SGD_PROGRAM).contains(String.valueOf(dir.getFileName()))) {
            dir = dir.toAbsolutePath().getParent();
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--reference: " + dir + " is not a directory (give the directory holding "
                    + ODE_PROGRAM + " and " + SGD_PROGRAM + ", built as docs/performance.md says)");
        }
        for (String p : needOde && needSgd ? List.of(ODE_PROGRAM, SGD_PROGRAM) : needOde ? List.of(ODE_PROGRAM) : List.of(SGD_PROGRAM)) {
            if (!Files.isExecutable(dir.resolve(p))) {
                throw new IllegalArgumentException("--reference: no executable " + p + " in " + dir
                        + " (allowed: a directory holding " + ODE_PROGRAM + " and " + SGD_PROGRAM + ", built as docs/performance.md says)");
            }
        }
        return new ReferenceRuns(dir.toAbsolutePath());
    }

    /** Median wall and CPU seconds of one reference run, and the time its integration or training reached. */
    record Run(double wall, double cpu, double tReached) { }

    /**
     * The reference ODE integrator on {@code K}, {@code M}: Euler dt = 0.01 to {@code tMax},
     * median of {@code repeats} runs. Its loop overshoots each of its 300 print intervals by less
     * than one dt, so {@link Run#tReached} is slightly above tMax.
     */
    Run ode(int K, int M, double tMax, int repeats) {
        return medianRun(odeArgs(K, M, tMax), repeats);
    }

    /** One run of the reference ODE integrator, as {@link #ode} (for runs paired with pepita's). */
    Run odeOnce(int K, int M, double tMax) {
        return once(odeArgs(K, M, tMax));
    }

    private List<String> odeArgs(int K, int M, double tMax) {
        return List.of(dir.resolve(ODE_PROGRAM).toString(), "--g", "1", "--K", str(K), "--M", str(M),
                "--lr", "1", "--both", "--dt", "0.01", "--steps", str(tMax), "--quiet");
    }

    /**
     * Seconds per online SGD step of the reference simulator at K, M, N: the difference of two
     * runs of {@code shortSteps} and {@code longSteps} steps (each a median of {@code repeats}),
     * divided by the extra steps, so that start-up (process, teacher draw, first log lines) cancels.
     */
    Run sgdPerStep(int K, int M, int N, int shortSteps, int longSteps, int repeats) {
        Run a = medianRun(sgdArgs(K, M, N, shortSteps), repeats);
        Run b = medianRun(sgdArgs(K, M, N, longSteps), repeats);
        int extra = longSteps - shortSteps;
        return new Run((b.wall() - a.wall()) / extra, (b.cpu() - a.cpu()) / extra, b.tReached());
    }

    private List<String> sgdArgs(int K, int M, int N, int steps) {
        // --steps counts in multiples of N
        return List.of(dir.resolve(SGD_PROGRAM).toString(), "--g1", "1", "--g2", "1", "--N", str(N), "--K", str(K),
                "--M", str(M), "--lr", "1", "--both", "--steps", str((double) steps / N), "--quiet");
    }

    private static Run medianRun(List<String> args, int repeats) {
        double[] wall = new double[repeats], cpu = new double[repeats];
        double reached = Double.NaN;
        for (int i = 0; i < repeats; i++) {
            Run r = once(args);
            wall[i] = r.wall();
            cpu[i] = r.cpu();
            reached = r.tReached();
        }
        return new Run(Timing.median(wall), Timing.median(cpu), reached);
    }

    /** One run in a fresh working directory; fails with the program's own words if it fails. */
    static Run once(List<String> args) {
        Path work = null;
        try {
            work = Files.createTempDirectory("pepita-bench-reference");
            Path stdout = work.resolve("stdout.txt"), stderr = work.resolve("stderr.txt");
            ProcessBuilder pb = new ProcessBuilder(args).directory(work.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            // the reference's BLAS on one thread, as pepita's rows that say "one thread"
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
            double cpu0 = childrenCpuSeconds();
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(1, TimeUnit.HOURS)) {
                p.destroyForcibly();
                throw new IllegalStateException(args.get(0) + " did not finish within an hour");
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            double cpu = childrenCpuSeconds() - cpu0;
            if (p.exitValue() != 0) {
                throw new IllegalStateException(args.get(0) + " exited with " + p.exitValue() + ": "
                        + String.join(" ", Files.readAllLines(stderr)).strip());
            }
            return new Run(wall, cpu, lastTime(Files.readAllLines(stdout)));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + args.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + args.get(0), e);
        } finally {
            if (work != null) deleteTree(work);
        }
    }

    /** The first column of the last data line (lines starting with '#' are comments): steps / N reached. */
    static double lastTime(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String first = line.split("[,\\s]+", 2)[0];
            try {
                return Double.parseDouble(first);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** CPU seconds (user + system) of this process's reaped children, or NaN where /proc is not there. */
    static double childrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields 16 and 17 of proc(5) (cutime, cstime) are at 13 and 14 counted from field 3 (state)
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort((a, b) -> b.getNameCount() - a.getNameCount());
            for (Path p : all) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary directory is harmless; the timing stands
        }
    }

    private static String str(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%s", x);
    }
}
