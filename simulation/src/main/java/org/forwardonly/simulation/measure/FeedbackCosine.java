package org.forwardonly.simulation.measure;

/**
 * The alignment cos(v, feedback) between the second layer and the feedback that drives the
 * first layer: b for fa, −s c for afa, pepita and ff (their effective FA feedback, docs/model.md §2),
 * v itself for bp (so 1).
 */
public final class FeedbackCosine {
    private FeedbackCosine() {}

    /** cos(v, feedback) for {@code rule}; NaN when either vector is zero. */
    public static double of(String rule, double[] v, double[] b, double[] c, int s) {
        double vv = 0, ff = 0, vf = 0;
        for (int k = 0; k < v.length; k++) {
            double f = switch (rule) {
                case "bp" -> v[k];
                case "fa" -> b[k];
                default -> -s * c[k];
            };
            vv += v[k] * v[k];
            ff += f * f;
            vf += v[k] * f;
        }
        return (vv == 0 || ff == 0) ? Double.NaN : vf / Math.sqrt(vv * ff);
    }
}
