package org.forwardonly.theory.integrals;

import org.forwardonly.theory.activation.Activation;

/**
 * I2(a, b) = E[g(a) g(b)] over jointly Gaussian fields with covariance C (docs/model.md §3): all that
 * ε_g needs. Closed forms exist for erf, linear and ReLU (the arc-cosine kernel).
 */
@FunctionalInterface
public interface SecondMoment {
    /** E[g(u_a) g(u_b)] for fields u ~ N(0, C). */
    double i2(double[][] C, int a, int b);

    /**
     * ReLU: E[g(a) g(b)] = √(C_aa C_bb)/(2π) (sin θ + (π − θ) cos θ), cos θ = C_ab/√(C_aa C_bb) (Cho and Saul's
     * arc-cosine kernel of degree 1).
     */
    SecondMoment RELU = (C, a, b) -> {
        double norm = Math.sqrt(C[a][a] * C[b][b]);
        if (!(norm > 0)) return 0.0;
        double cos = Math.max(-1.0, Math.min(1.0, C[a][b] / norm));
        double theta = Math.acos(cos);
        return norm / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * cos);
    };

    /** True when student and teacher share an activation with a closed-form I2 (erf, linear, ReLU). */
    static boolean has(Activation g, Activation gTeacher) {
        return g == gTeacher && (g == Activation.RELU || ClosedFormAverages.has(g));
    }

    /** The closed-form I2 of an activation shared by student and teacher; see {@link #has}. */
    static SecondMoment of(Activation g) {
        return g == Activation.RELU ? RELU : ClosedFormAverages.of(g);
    }
}
