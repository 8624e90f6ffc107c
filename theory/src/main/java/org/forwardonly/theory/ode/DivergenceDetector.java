package org.forwardonly.theory.ode;

import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * Stops the integration when the state stops being finite or ε_g exceeds {@code epsGBound}
 * (Hipparchus event detector: g = epsGBound − ε_g, and −1 for a non-finite state, so the root
 * finder brackets the first bad time). Checked once per step.
 */
final class DivergenceDetector extends AbstractODEDetector<DivergenceDetector> {
    private final OrderParameterDynamics dynamics;
    private final double epsGBound;
    private final Trigger trigger;

    /** What stopped the run. */
    static final class Trigger implements ODEEventHandler {
        double time = Double.NaN;
        String reason;

        @Override
        public Action eventOccurred(ODEStateAndDerivative state, org.hipparchus.ode.events.ODEEventDetector detector,
                                    boolean increasing) {
            DivergenceDetector d = (DivergenceDetector) detector;
            time = state.getTime();
            double[] y = state.getPrimaryState();
            double eps = allFinite(y) ? d.dynamics.epsG(y) : Double.NaN;
            reason = Double.isFinite(eps)
                    ? "eps_g reached epsGBound = " + d.epsGBound + " (eps_g = " + eps + ")"
                    : "the order parameters became non-finite";
            return Action.STOP;
        }
    }

    DivergenceDetector(OrderParameterDynamics dynamics, double epsGBound) {
        this(AdaptableInterval.of(Double.POSITIVE_INFINITY), DEFAULT_MAX_ITER,
                new BracketingNthOrderBrentSolver(0, 1e-9, 0, 5), new Trigger(), dynamics, epsGBound);
    }

    private DivergenceDetector(AdaptableInterval maxCheck, int maxIter, BracketedUnivariateSolver<UnivariateFunction> solver,
                               ODEEventHandler handler, OrderParameterDynamics dynamics, double epsGBound) {
        super(maxCheck, maxIter, solver, handler);
        this.dynamics = dynamics;
        this.epsGBound = epsGBound;
        this.trigger = (Trigger) handler;
    }

    @Override
    protected DivergenceDetector create(AdaptableInterval maxCheck, int maxIter,
                                        BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
        return new DivergenceDetector(maxCheck, maxIter, solver, handler, dynamics, epsGBound);
    }

    @Override
    public double g(ODEStateAndDerivative state) {
        double[] y = state.getPrimaryState();
        if (!allFinite(y)) return -1;
        double eps = dynamics.epsG(y);
        return Double.isFinite(eps) ? epsGBound - eps : -1;
    }

    /** The trigger, with time and reason once the detector fired. */
    Trigger trigger() {
        return trigger;
    }

    static boolean allFinite(double[] y) {
        for (double x : y) {
            if (!Double.isFinite(x)) return false;
        }
        return true;
    }
}
