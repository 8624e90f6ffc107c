/**
 * The Gaussian averages in closed form (docs/model.md §3-4): I2, I3, I4 for erf and linear g, ε_g and the
 * second moments used by the closed-form ODEs of bp, fa and afa.
 */
package org.forwardonly.theory.integrals;
