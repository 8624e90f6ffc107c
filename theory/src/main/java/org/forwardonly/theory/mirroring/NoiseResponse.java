package org.forwardonly.theory.mirroring;

import org.forwardonly.theory.activation.Activation;

/**
 * Gaussian moments of a hidden layer driven by pure input noise (docs/model.md §6): with
 * μ = W ξ/√N, ξ ~ N(0, a² I), the μ_k are centred Gaussians with covariance a² Q. Closed forms
 * for every {@link Activation}: E[g'(μ)] and E[g(μ_i) g(μ_j)].
 */
final class NoiseResponse {
    private NoiseResponse() {}

    /** E[g'(μ)] for μ ~ N(0, var): D_k of docs/model.md §6 with var = a² Q_kk. */
    static double meanSlope(Activation g, double var) {
        return switch (g) {
            case ERF -> Math.sqrt(2.0 / Math.PI) / Math.sqrt(1.0 + var);
            case LINEAR -> 1.0;
            case RELU -> var > 0 ? 0.5 : 0.0;
        };
    }

    /** E[g(μ_i) g(μ_j)] for centred Gaussians with variances cii, cjj and covariance cij. */
    static double secondMoment(Activation g, double cii, double cjj, double cij) {
        return switch (g) {
            // docs/model.md §3, I2
            case ERF -> 2.0 / Math.PI * Math.asin(cij / Math.sqrt((1.0 + cii) * (1.0 + cjj)));
            case LINEAR -> cij;
            // arc-cosine kernel of degree 1 (Cho & Saul 2009)
            case RELU -> {
                double norm = Math.sqrt(cii * cjj);
                if (!(norm > 0)) yield 0.0;
                double rho = Math.max(-1.0, Math.min(1.0, cij / norm));
                double theta = Math.acos(rho);
                yield norm / (2 * Math.PI) * (Math.sin(theta) + (Math.PI - theta) * rho);
            }
        };
    }
}
