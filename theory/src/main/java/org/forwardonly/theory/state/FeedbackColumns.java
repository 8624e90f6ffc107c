package org.forwardonly.theory.state;

import org.forwardonly.theory.rules.RuleType;

import java.util.ArrayList;
import java.util.List;

/**
 * The derived columns that {@code ode} and {@code simulate} both write after the order parameters
 * (docs/columns.md), computed the same way from the same state: {@code cos_v_feedback}, the
 * alignment cos∠(v, b) of the second layer with the feedback that drives the first layer (v itself
 * for bp, the fixed b for fa, −s c for the rules that use F; docs/model.md §2), and, for the rules
 * that use F, {@code c_norm} = |c|, the strength of the adaptive feedback.
 */
public final class FeedbackColumns {
    private FeedbackColumns() {}

    /** The alignment column, written for every rule. */
    public static final String COS_V_FEEDBACK = "cos_v_feedback";
    /** The feedback strength column, written for the rules that use F. */
    public static final String C_NORM = "c_norm";

    /** The derived column names for a layout: cos_v_feedback, and c_norm when the rule uses F. */
    public static List<String> names(StateLayout layout) {
        List<String> names = new ArrayList<>(2);
        names.add(COS_V_FEEDBACK);
        if (layout.hasF()) names.add(C_NORM);
        return List.copyOf(names);
    }

    /** cos(v, feedback) for {@code rule}'s feedback; NaN when either vector is zero. */
    public static double cosine(RuleType rule, double[] v, double[] b, double[] c, int s) {
        double vv = 0, ff = 0, vf = 0;
        for (int k = 0; k < v.length; k++) {
            double f = switch (rule.feedback()) {
                case SELF -> v[k];
                case FIXED -> b[k];
                case ADAPTIVE -> -s * c[k];
            };
            vv += v[k] * v[k];
            ff += f * f;
            vf += v[k] * f;
        }
        return (vv == 0 || ff == 0) ? Double.NaN : vf / Math.sqrt(vv * ff);
    }

    /**
     * An ODE row ({@code eps_g}, then the packed state in {@code layout}) with the derived columns
     * appended, in the order of {@link #names}; {@code b} is fa's constant feedback (null otherwise).
     */
    public static double[] appendTo(double[] row, StateLayout layout, RuleType rule, double[] b, int s) {
        int K = layout.K();
        double[] v = new double[K], c = new double[K];
        double c2 = 0;
        for (int k = 0; k < K; k++) {
            v[k] = row[1 + layout.vIndex(k)];
            if (layout.hasF()) {
                c[k] = row[1 + layout.cIndex(k)];
                c2 += c[k] * c[k];
            }
        }
        double[] out = java.util.Arrays.copyOf(row, row.length + (layout.hasF() ? 2 : 1));
        out[row.length] = cosine(rule, v, b, c, s);
        if (layout.hasF()) out[row.length + 1] = Math.sqrt(c2);
        return out;
    }
}
