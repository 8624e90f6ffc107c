package org.forwardonly.simulation.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The verdict of a {@link TheoryComparison}: at every time and for every column,
 *
 * <pre>
 *   |sim − ode| ≤ 3 se + a,     a = A · max(1, |ode|) / N,   A = 5
 * </pre>
 *
 * where se is the standard error of the seed mean of the paired differences sim − ode (each
 * seed's ODE starts from that seed's own initial order parameters, so only the simulation's
 * sampling noise is left; its O(1/√N) per-seed fluctuations shrink as 1/√seeds and are what
 * 3 se covers) and a is the finite-N allowance for the O(1/N) bias that no number of seeds
 * removes. Its constant A = 5 adds up the known O(1/N) effects on O(1) order parameters:
 * recording at step round(t·N), up to 1/(2N) from t, times |dq/dt| ≲ 1 (0.5/N); the
 * discreteness of SGD steps against the continuous ODE, O(t |d²q/dt²|/N) and small once
 * the dynamics contract; and the (K+M)/N correction of |x|²/N in the η² terms (4/N at
 * K = M = 2). The allowance scales with max(1, |ode|) because these effects are relative to the
 * size of the order parameter, and never falls below the O(1) scale of Q, R and v.
 */
public final class Agreement {
    /** The constant A of the finite-N allowance A·max(1,|ode|)/N (see the class comment). */
    public static final double ALLOWANCE_CONSTANT = 5.0;
    /** Standard errors allowed. */
    public static final double SE_FACTOR = 3.0;

    /** The statement of the rule, for outputs. */
    public static final String RULE = "|sim - ode| <= 3 se + 5 max(1,|ode|)/N for every column "
            + "(se: standard error over seeds of the paired difference sim - ode; 5/N: finite-N allowance, docs/simulation.md)";

    /**
     * The worst column at one time.
     *
     * @param t time
     * @param column the column closest to (or furthest beyond) its tolerance
     * @param ode its ODE value
     * @param sim its simulation mean
     * @param difference |sim − ode|
     * @param tolerance 3 se + allowance
     */
    public record Row(double t, String column, double ode, double sim, double difference, double tolerance) {
        /** difference / tolerance: at most 1 when they agree. */
        public double ratio() {
            return difference / tolerance;
        }

        /** Whether this time agrees. */
        public boolean agrees() {
            return difference <= tolerance;
        }
    }

    private final TheoryComparison comparison;
    private final List<Row> rows;
    private final int N;

    private Agreement(TheoryComparison comparison, List<Row> rows, int N) {
        this.comparison = comparison;
        this.rows = rows;
        this.N = N;
    }

    /** Applies the rule to a comparison of simulations at input dimension N. */
    public static Agreement of(TheoryComparison c, int N) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < c.times().length; i++) {
            Row worst = null;
            for (int j = 0; j < c.columns().size(); j++) {
                double ode = c.ode()[i][j], sim = c.sim()[i][j];
                double tol = tolerance(ode, c.diffSe()[i][j], N);
                Row r = new Row(c.times()[i], c.columns().get(j), ode, sim, Math.abs(sim - ode), tol);
                boolean nan = Double.isNaN(r.ratio());
                if (worst == null || nan || r.ratio() > worst.ratio()) worst = r;
                if (nan) break;
            }
            rows.add(worst);
        }
        return new Agreement(c, List.copyOf(rows), N);
    }

    /** 3 se + A·max(1,|ode|)/N. */
    public static double tolerance(double ode, double se, int N) {
        return SE_FACTOR * se + ALLOWANCE_CONSTANT * Math.max(1.0, Math.abs(ode)) / N;
    }

    /** One row per time. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether every time agrees. */
    public boolean agrees() {
        return rows.stream().allMatch(Row::agrees);
    }

    /** The per-time table: eps_g of both, and the worst column with its ratio to the tolerance. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-10s %-10s %-10s %-8s %-12s %-12s %-12s %-6s %s%n",
                "t", "eps_g_ode", "eps_g_sim", "worst", "ode", "sim", "|sim-ode|", "/tol", "ok"));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "%-10.4g %-10.5f %-10.5f %-8s %-12.6g %-12.6g %-12.4g %-6.2f %s%n",
                    r.t(), comparison.ode()[i][0], comparison.sim()[i][0], r.column(), r.ode(), r.sim(), r.difference(), r.ratio(), r.agrees() ? "yes" : "NO"));
        }
        return sb.toString();
    }

    /** The verdict line. */
    public String verdict() {
        long bad = rows.stream().filter(r -> !r.agrees()).count();
        Row worst = rows.stream().max(java.util.Comparator.comparingDouble(Row::ratio)).orElseThrow();
        if (bad == 0) {
            return String.format(Locale.ROOT, "AGREE: theory and simulation agree at all %d times (worst: %s at t = %.4g,"
                    + " %.2f of its tolerance); rule: %s, N = %d", rows.size(), worst.column(), worst.t(), worst.ratio(), RULE, N);
        }
        Row first = rows.stream().filter(r -> !r.agrees()).findFirst().orElseThrow();
        return String.format(Locale.ROOT, "DISAGREE: theory and simulation differ beyond tolerance at %d of %d times (first: %s"
                        + " at t = %.4g, |sim-ode| = %.4g > %.4g); rule: %s, N = %d", bad, rows.size(), first.column(), first.t(),
                first.difference(), first.tolerance(), RULE, N);
    }
}
