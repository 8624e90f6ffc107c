package org.forwardonly.theory.integrals;

/**
 * Gaussian averages over jointly Gaussian local fields with covariance {@code C} (docs/model.md §3).
 * Indices name fields (rows of C): a, b, c, d. The argument in the middle of I3 enters linearly,
 * so it may be any field, e.g. φ = x·F; the others go through the activation g.
 *
 * <p>These are scalar reference forms: one average per call. The ODE's right-hand side uses
 * {@link WeightedAverages}, which sums them with weights and shares the covariance-dependent
 * factors; tests hold the two against each other and both against Monte Carlo.
 */
public interface GaussianAverages extends SecondMoment {

    /** I2(a,b) = E[g(a) g(b)]. */
    double i2(double[][] C, int a, int b);

    /** I3(a,b,c) = E[g'(a) b g(c)], b linear. */
    double i3(double[][] C, int a, int b, int c);

    /** I4(a,b,c,d) = E[g'(a) g'(b) g(c) g(d)]. */
    double i4(double[][] C, int a, int b, int c, int d);

    /** J2(a,b) = E[g'(a) g'(b)]. */
    double j2(double[][] C, int a, int b);

    /** E[g'(a)]. */
    double gPrime(double[][] C, int a);

    /** E[g'(a) g(c) g(d)] (afa's h̃ last layer, docs/model.md §2). */
    double gPrimeGG(double[][] C, int a, int c, int d);
}
