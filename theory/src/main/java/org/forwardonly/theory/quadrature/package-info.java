/**
 * Point sets for Gaussian averages: tensor Gauss-Hermite grids, scrambled Sobol points and their pools,
 * mapped to the fields' covariance by a Cholesky factor (docs/model.md §5, §8).
 */
package org.forwardonly.theory.quadrature;
