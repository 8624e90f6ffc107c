package org.forwardonly.theory.analysis;

import java.util.List;

/**
 * One stationary point of an order-parameter ODE and its linear stability (docs/analysis.md).
 *
 * @param state the packed state (a {@link org.forwardonly.theory.state.StateLayout} vector)
 * @param epsG the generalisation error there
 * @param origin which start it was found from: "symmetric", "specialised", "trajectory t=..", "continued"
 * @param eigenvalues the Jacobian's eigenvalues on the free variables, as {re, im}, largest real part first
 * @param eigenvectors the real parts of the matching eigenvectors on the whole packed state (frozen
 *                     variables 0), each scaled to unit largest component
 * @param nUnstable eigenvalues with real part above the zero tolerance
 * @param nZero eigenvalues with real part within the zero tolerance
 * @param lambdaMax the largest real part of the spectrum
 * @param stability "stable", "saddle", "unstable" (every direction), "marginal" (zero modes and no
 *                  unstable one) or "continuum" (a zero mode along which the point moves to nearby fixed points)
 * @param copies how many distinct stationary points relabelling the student units makes of it (itself
 *               included: K! over the relabellings that leave it unchanged); they share its spectrum and
 *               are listed once. 0 when not counted (K above {@link StationaryPoints#MAX_PERMUTED_K})
 */
public record FixedPoint(double[] state, double epsG, String origin, List<double[]> eigenvalues,
                         List<double[]> eigenvectors, int nUnstable, int nZero, double lambdaMax, String stability,
                         int copies) {
}
