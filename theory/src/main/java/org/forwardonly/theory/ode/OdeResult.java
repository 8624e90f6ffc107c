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
 * @param evaluations    right-hand-side evaluations (summed over replicates)
 * @param averaging      how the drift was averaged and its estimated error (null when unknown)
 * @param integratorFailed the run stopped because the adaptive integrator could not go on (a right-hand side that
 *                       is not finite at every trial step, or the step size at its floor) while ε_g was still within
 *                       its bound: a failure of the method, not a divergence of ε_g ({@code diverged} is true too)
 */
public record OdeResult(Trajectory trajectory, boolean diverged, double divergenceTime, String reason,
                        long evaluations, AveragingReport averaging, boolean integratorFailed) {

    /** A result without an averaging report. */
    public OdeResult(Trajectory trajectory, boolean diverged, double divergenceTime, String reason, long evaluations) {
        this(trajectory, diverged, divergenceTime, reason, evaluations, null, false);
    }

    /** This result with an averaging report. */
    public OdeResult withAveraging(AveragingReport report) {
        return new OdeResult(trajectory, diverged, divergenceTime, reason, evaluations, report, integratorFailed);
    }

    /** This result marked as stopped by the integrator's failure. */
    OdeResult asIntegratorFailure() {
        return new OdeResult(trajectory, diverged, divergenceTime, reason, evaluations, averaging, true);
    }
}
