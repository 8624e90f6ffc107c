package org.forwardonly.bench.validation;

import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Theory and simulation side by side from {@code pepita compare} outputs: ε_g (ODE, simulation ±
 * standard error) at fixed times and the time each first reaches a given ε_g (linear
 * interpolation between samples; "-" if never). Used for the weight-mirroring table of
 * docs/exact-pepita.md. Run:
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.forwardonly.bench.validation.CompareTable EPS T1,T2,... DIR...
 * </pre>
 */
public final class CompareTable {
    private CompareTable() {}

    /** Entry point: threshold ε_g, comma-separated times, then compare output directories. */
    public static void main(String[] args) throws IOException {
        double threshold = Double.parseDouble(args[0]);
        String[] ts = args[1].split(",");
        StringBuilder head = new StringBuilder("| run |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String t : ts) {
            head.append(" ε_g(").append(t).append(") ODE | sim |");
            rule.append("---|---|");
        }
        head.append(" t(ε_g=").append(threshold).append(") ODE | sim |");
        rule.append("---|---|");
        System.out.println(head);
        System.out.println(rule);
        for (int a = 2; a < args.length; a++) {
            Trajectory c = TrajectoryCsv.read(Path.of(args[a], "compare.csv"));
            double[] ode = c.column("eps_g_ode"), sim = c.column("eps_g_sim"), se = c.column("eps_g_sim_se");
            StringBuilder line = new StringBuilder("| " + Path.of(args[a]).getFileName() + " |");
            for (String t : ts) {
                int i = indexOf(c.times(), Double.parseDouble(t));
                line.append(String.format(Locale.ROOT, " %.4f | %.4f ± %.4f |", ode[i], sim[i], se[i]));
            }
            line.append(" ").append(crossing(c.times(), ode, threshold)).append(" | ")
                    .append(crossing(c.times(), sim, threshold)).append(" |");
            System.out.println(line);
        }
    }

    private static int indexOf(double[] times, double t) {
        for (int i = 0; i < times.length; i++) if (Math.abs(times[i] - t) < 1e-9) return i;
        throw new IllegalArgumentException("time " + t + " is not a sample time");
    }

    /** First time the curve falls to the threshold, interpolated linearly. */
    static String crossing(double[] t, double[] y, double threshold) {
        for (int i = 1; i < t.length; i++) {
            if (y[i] <= threshold && y[i - 1] > threshold) {
                double f = (y[i - 1] - threshold) / (y[i - 1] - y[i]);
                return String.format(Locale.ROOT, "%.2f", t[i - 1] + f * (t[i] - t[i - 1]));
            }
        }
        return y.length > 0 && y[0] <= threshold ? "0" : "-";
    }
}
