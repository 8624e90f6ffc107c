/**
 * The exact engine's drift (docs/model.md §5): a rule's per-sample increments averaged over the Gaussian
 * local fields (λ, ν[, φ]) on a point set, and ε_g on the same points.
 */
package org.forwardonly.theory.averaging;
