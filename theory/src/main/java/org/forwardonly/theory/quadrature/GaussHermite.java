package org.forwardonly.theory.quadrature;

import org.hipparchus.analysis.integration.gauss.HermiteRuleFactory;
import org.hipparchus.util.Pair;

/**
 * The n-point Gauss-Hermite rule for the standard normal weight: E[f(z)], z ~ N(0,1), is
 * approximated by Σ_i w_i f(z_i), exact for polynomials of degree ≤ 2n − 1. Built from
 * Hipparchus' rule for the weight exp(−x²) by z = √2 x, w = w_H/√π.
 */
public final class GaussHermite {
    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The n-point rule (1 ≤ n ≤ 100). */
    public static GaussHermite of(int n) {
        if (n < 1 || n > 100) throw new IllegalArgumentException("Gauss-Hermite points must be in 1..100 (got " + n + ")");
        Pair<double[], double[]> rule = new HermiteRuleFactory().getRule(n);
        double[] z = rule.getFirst().clone();
        double[] w = rule.getSecond().clone();
        double scale = 1.0 / Math.sqrt(Math.PI);
        for (int i = 0; i < n; i++) {
            z[i] *= Math.sqrt(2.0);
            w[i] *= scale;
        }
        return new GaussHermite(z, w);
    }

    /** Number of points. */
    public int size() {
        return nodes.length;
    }

    /** The i-th node (standard-normal scale). */
    public double node(int i) {
        return nodes[i];
    }

    /** The i-th weight; the weights sum to 1. */
    public double weight(int i) {
        return weights[i];
    }
}
