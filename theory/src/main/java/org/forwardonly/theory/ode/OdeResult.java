package org.forwardonly.theory.ode;

import org.forwardonly.theory.trajectory.Trajectory;

/**
 * The outcome of integrating an order-parameter ODE.
 *
 * @param trajectory     the samples up to the end, or up to the divergence
 * @param diverged       whether the run stopped early (non-finite state, ε_g past epsGBound,
 *                       or the adaptive step collapsed)
 * @param divergenceTime the time it stopped (NaN when it did not diverge)
 * @param reason         what happened (null when it did not diverge)
 * @param evaluations    right-hand-side evaluations
 */
public record OdeResult(Trajectory trajectory, boolean diverged, double divergenceTime, String reason,
                        long evaluations) {
}
