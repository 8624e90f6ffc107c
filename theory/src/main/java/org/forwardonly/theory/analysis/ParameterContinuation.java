package org.forwardonly.theory.analysis;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Natural-parameter continuation of stationary points in one config key (docs/analysis.md): at each
 * value of a grid, every point of the previous value is re-solved by Newton from where it was (its
 * branch), the specialised solution is added as a fresh start, and each point is classified. The
 * branch of the lowest ε_g (the learning solution) gives the critical value where it loses stability
 * (refined by bisection on λ_max) and the value where its slowest decay is fastest (λ_max least).
 */
public final class ParameterContinuation {
    private ParameterContinuation() {}

    /** One point at one value of the key, on branch {@code branch}. */
    public record Row(double value, int branch, FixedPoint point) { }

    /**
     * The table and what it shows about the learning branch.
     *
     * @param rows every point at every value
     * @param critical the value (refined) where the learning branch first turns unstable, NaN if it does not in range
     * @param fastest the value where the learning branch's λ_max is least, NaN if it is nowhere stable
     * @param fastestRate λ_max there
     */
    public record Result(List<Row> rows, double critical, double fastest, double fastestRate) { }

    /**
     * Continues the points of {@code first} (found at {@code values[0]}) over {@code values}.
     *
     * @param configAt the config at a value of the key
     * @param constants T, v*, b (and d, P) held fixed
     */
    public static Result run(double[] values, DoubleFunction<ExperimentConfig> configAt, OrderParameters constants,
                             List<FixedPoint> first) {
        List<Row> rows = new ArrayList<>();
        List<double[]> branchState = new ArrayList<>();
        for (FixedPoint p : first) branchState.add(p.state());
        double[] lowestLambda = new double[values.length];
        double[][] lowestState = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            List<FixedPoint> here = new ArrayList<>();
            try (StationaryPoints sp = new StationaryPoints(configAt.apply(values[i]), constants)) {
                for (int b = 0; b < branchState.size(); b++) {
                    double[] start = branchState.get(b);
                    if (start == null) continue;
                    double[] y = i == 0 ? start : sp.solve(start);
                    FixedPoint p = y == null || !sp.physical(y) || StationaryPoints.indexOf(here, y) >= 0 ? null
                            : sp.classify(y, b < first.size() ? first.get(b).origin() : "specialised");
                    branchState.set(b, p == null ? null : p.state());
                    if (p != null) {
                        here.add(p);
                        rows.add(new Row(values[i], b, p));
                    }
                }
                double[] y = sp.solve(sp.specialised());
                if (y != null && sp.physical(y) && StationaryPoints.indexOf(here, y) < 0) {
                    FixedPoint p = sp.classify(y, "specialised");
                    if (p != null) {
                        branchState.add(p.state());
                        here.add(p);
                        rows.add(new Row(values[i], branchState.size() - 1, p));
                    }
                }
            }
            FixedPoint best = null;
            for (FixedPoint p : here) if (best == null || p.epsG() < best.epsG()) best = p;
            lowestLambda[i] = best == null ? Double.NaN : best.lambdaMax();
            lowestState[i] = best == null ? null : best.state();
        }
        double critical = Double.NaN;
        for (int i = 1; i < values.length && Double.isNaN(critical); i++) {
            if (lowestLambda[i - 1] < 0 && lowestLambda[i] >= 0 && lowestState[i - 1] != null) {
                critical = bisect(values[i - 1], values[i], lowestState[i - 1], configAt, constants);
            }
        }
        int argmin = -1;
        for (int i = 0; i < values.length; i++) {
            if (lowestLambda[i] < 0 && (argmin < 0 || lowestLambda[i] < lowestLambda[argmin])) argmin = i;
        }
        double fastest = argmin < 0 ? Double.NaN : values[argmin];
        double fastestRate = argmin < 0 ? Double.NaN : lowestLambda[argmin];
        if (argmin > 0 && argmin < values.length - 1) {
            // golden section on λ_max between the neighbouring grid values
            double a = values[argmin - 1], b = values[argmin + 1];
            double[] state = lowestState[argmin];
            double g = (Math.sqrt(5) - 1) / 2;
            for (int it = 0; it < 40; it++) {
                double x1 = b - g * (b - a), x2 = a + g * (b - a);
                double f1 = lambdaAt(x1, state, configAt, constants), f2 = lambdaAt(x2, state, configAt, constants);
                if (!(f1 <= f2) && !(f2 < f1)) break;
                if (f1 <= f2) b = x2;
                else a = x1;
            }
            fastest = (a + b) / 2;
            fastestRate = lambdaAt(fastest, state, configAt, constants);
        }
        return new Result(rows, critical, fastest, fastestRate);
    }

    /** λ_max of the point Newton reaches from {@code start} at {@code value} (NaN when none). */
    static double lambdaAt(double value, double[] start, DoubleFunction<ExperimentConfig> configAt, OrderParameters constants) {
        try (StationaryPoints sp = new StationaryPoints(configAt.apply(value), constants)) {
            double[] y = sp.solve(start);
            FixedPoint p = y == null ? null : sp.classify(y, "continued");
            return p == null ? Double.NaN : p.lambdaMax();
        }
    }

    /** Bisection on the sign of λ_max between a stable {@code lo} and an unstable {@code hi}, to 1e-10 relative. */
    static double bisect(double lo, double hi, double[] start, DoubleFunction<ExperimentConfig> configAt, OrderParameters constants) {
        for (int it = 0; it < 60 && hi - lo > 1e-10 * Math.max(1, Math.abs(hi)); it++) {
            double mid = (lo + hi) / 2;
            double l = lambdaAt(mid, start, configAt, constants);
            if (l < 0) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** The grid FROM, FROM+STEP, ... up to TO (inclusive within half a step's rounding). */
    public static double[] grid(double from, double to, double step) {
        int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = from + i * step;
        return v;
    }
}
