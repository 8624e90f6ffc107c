package org.forwardonly.theory.config;

/**
 * Weight mirroring of F (docs/model.md §6), the config's {@code mirroring} object.
 *
 * @param a input-noise amplitude
 * @param r mirroring steps per learning step
 * @param etaWm mirroring rate η_wm
 * @param lambdaWm decay λ_wm
 * @param rescale rescale F to |F| = σ_F after each mirroring step
 */
public record Mirroring(double a, int r, double etaWm, double lambdaWm, boolean rescale) {
}
