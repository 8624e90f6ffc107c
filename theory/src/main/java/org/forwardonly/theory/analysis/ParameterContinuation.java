package org.forwardonly.theory.analysis;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Natural-parameter continuation of stationary points in one config key (docs/analysis.md): at each
 * value of a grid, every point of the previous value is re-solved by Newton from where it was (its
 * branch), the specialised solution is added as a fresh start, and each point is classified. The
 * branch of the lowest ε_g (the learning solution) gives the critical value where it loses stability
 * (refined by bisection on λ_max) and the value where its slowest decay is fastest (λ_max least).
 * A key that scales part of the state (σ_F: c, d ∝ σ_F and P ∝ σ_F² for one draw of F) moves the
 * constants with it through a {@link Family}.
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
     * The problems along the key: the config and the constants at a value, and how a state found at
     * one value starts the solve at another.
     */
    public interface Family {
        /** The config at {@code value} of the key. */
        ExperimentConfig config(double value);

        /** The constants (T, v*, b, and d, P) at {@code value}. */
        OrderParameters constants(double value);

        /** A state found at {@code from}, as the start of the solve at {@code to}. */
        double[] carry(double[] y, double from, double to);
    }

    /** The family of a key that enters only the config (eta, etaV, sigma): constants and states carried unchanged. */
    public static Family fixedConstants(DoubleFunction<ExperimentConfig> configAt, OrderParameters constants) {
        return new Family() {
            @Override
            public ExperimentConfig config(double value) {
                return configAt.apply(value);
            }

            @Override
            public OrderParameters constants(double value) {
                return constants;
            }

            @Override
            public double[] carry(double[] y, double from, double to) {
                return y;
            }
        };
    }

    /**
     * The family of σ_F for a rule with the adaptive feedback F. One draw of F is σ_F times a fixed
     * vector (NetworkDraw: F_i = σ_F/√N · z_i, and alignF keeps |F| = σ_F), so for the draw of
     * {@code constants} (made at σ_F = {@code sigmaF0} > 0) c, d scale as σ_F and P as σ_F²: the constants
     * at σ_F are those of the same seed at σ_F, and a state found at one σ_F starts at another with c,
     * d, P rescaled.
     */
    public static Family feedbackScale(DoubleFunction<ExperimentConfig> configAt, OrderParameters constants, double sigmaF0,
                                       StateLayout layout) {
        if (!layout.hasF() || !(sigmaF0 > 0)) {
            throw new IllegalArgumentException("sigmaF continuation needs a rule with F and sigmaF > 0 (got " + sigmaF0 + ")");
        }
        return new Family() {
            @Override
            public ExperimentConfig config(double value) {
                return configAt.apply(value);
            }

            @Override
            public OrderParameters constants(double value) {
                return constants.withEvolving(layout, scaleF(layout, constants.pack(layout), value / sigmaF0));
            }

            @Override
            public double[] carry(double[] y, double from, double to) {
                return scaleF(layout, y, to / from);
            }
        };
    }

    /** {@code y} with c and d multiplied by {@code ratio} and P by its square (F → ratio·F). */
    static double[] scaleF(StateLayout layout, double[] y, double ratio) {
        double[] z = y.clone();
        for (int k = 0; k < layout.K(); k++) z[layout.cIndex(k)] *= ratio;
        for (int m = 0; m < layout.M(); m++) z[layout.dIndex(m)] *= ratio;
        z[layout.pIndex()] *= ratio * ratio;
        return z;
    }

    /**
     * Continues the points of {@code first} (found at {@code values[0]}) over {@code values}.
     *
     * @param configAt the config at a value of the key
     * @param constants T, v*, b (and d, P) held fixed
     */
    public static Result run(double[] values, DoubleFunction<ExperimentConfig> configAt, OrderParameters constants,
                             List<FixedPoint> first) {
        return run(values, fixedConstants(configAt, constants), first);
    }

    /** Continues the points of {@code first} (found at {@code values[0]} with {@code family}'s constants there) over {@code values}. */
    public static Result run(double[] values, Family family, List<FixedPoint> first) {
        List<Row> rows = new ArrayList<>();
        List<double[]> branchState = new ArrayList<>();
        for (FixedPoint p : first) branchState.add(p.state());
        double[] lowestLambda = new double[values.length];
        double[][] lowestState = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            List<FixedPoint> here = new ArrayList<>();
            try (StationaryPoints sp = new StationaryPoints(family.config(values[i]), family.constants(values[i]))) {
                for (int b = 0; b < branchState.size(); b++) {
                    double[] start = branchState.get(b);
                    if (start == null) continue;
                    double[] y = i == 0 ? start : sp.solve(family.carry(start, values[i - 1], values[i]));
                    FixedPoint p = y == null || !sp.physical(y) || sp.indexOfCopy(here, y) >= 0 ? null
                            : sp.classify(y, b < first.size() ? first.get(b).origin() : "specialised");
                    branchState.set(b, p == null ? null : p.state());
                    if (p != null) {
                        here.add(p);
                        rows.add(new Row(values[i], b, p));
                    }
                }
                double[] y = sp.solve(sp.specialised());
                if (y != null && sp.physical(y) && sp.indexOfCopy(here, y) < 0) {
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
                critical = bisect(values[i - 1], values[i], lowestState[i - 1], family);
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
            double at = values[argmin];
            double g = (Math.sqrt(5) - 1) / 2;
            for (int it = 0; it < 40; it++) {
                double x1 = b - g * (b - a), x2 = a + g * (b - a);
                double f1 = lambdaAt(x1, state, at, family), f2 = lambdaAt(x2, state, at, family);
                if (!(f1 <= f2) && !(f2 < f1)) break;
                if (f1 <= f2) b = x2;
                else a = x1;
            }
            fastest = (a + b) / 2;
            fastestRate = lambdaAt(fastest, state, at, family);
        }
        return new Result(rows, critical, fastest, fastestRate);
    }

    /** λ_max of the point Newton reaches from {@code start} at {@code value} (NaN when none). */
    static double lambdaAt(double value, double[] start, DoubleFunction<ExperimentConfig> configAt, OrderParameters constants) {
        return lambdaAt(value, start, value, fixedConstants(configAt, constants));
    }

    /** λ_max of the point Newton reaches at {@code value} from {@code start}, a state found at {@code startValue}. */
    static double lambdaAt(double value, double[] start, double startValue, Family family) {
        try (StationaryPoints sp = new StationaryPoints(family.config(value), family.constants(value))) {
            double[] y = sp.solve(family.carry(start, startValue, value));
            FixedPoint p = y == null ? null : sp.classify(y, "continued");
            return p == null ? Double.NaN : p.lambdaMax();
        }
    }

    /** Bisection on the sign of λ_max between a stable {@code lo} and an unstable {@code hi}, to 1e-10 relative. */
    static double bisect(double lo, double hi, double[] start, Family family) {
        double startValue = lo;
        for (int it = 0; it < 60 && hi - lo > 1e-10 * Math.max(1, Math.abs(hi)); it++) {
            double mid = (lo + hi) / 2;
            double l = lambdaAt(mid, start, startValue, family);
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
