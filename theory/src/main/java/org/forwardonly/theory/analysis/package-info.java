/**
 * Stationary points of the order-parameter ODEs (docs/analysis.md): the fixed points of any
 * engine's drift ({@link org.forwardonly.theory.ode.OrderParameterDynamics}), found by a damped
 * Newton solve from the starts that matter (the symmetric plateau, the specialised solution, the
 * places where an integrated trajectory slows down), their Jacobian spectra and a classification,
 * and the continuation of these points in one config parameter (η_max, the fastest η).
 */
package org.forwardonly.theory.analysis;
