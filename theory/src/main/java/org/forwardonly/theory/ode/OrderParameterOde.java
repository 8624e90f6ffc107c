package org.forwardonly.theory.ode;

import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * Adapts an {@link OrderParameterDynamics} to Hipparchus' {@link OrdinaryDifferentialEquation}
 * (the dynamics are autonomous) and counts right-hand-side evaluations.
 */
public final class OrderParameterOde implements OrdinaryDifferentialEquation {
    private final OrderParameterDynamics dynamics;
    private long evaluations;

    /** Wraps {@code dynamics}. */
    public OrderParameterOde(OrderParameterDynamics dynamics) {
        this.dynamics = dynamics;
    }

    /** The wrapped dynamics. */
    public OrderParameterDynamics dynamics() {
        return dynamics;
    }

    @Override
    public int getDimension() {
        return dynamics.layout().dimension();
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        evaluations++;
        double[] yDot = new double[y.length]; // Hipparchus' contract returns a fresh array
        dynamics.derivatives(y, yDot);
        return yDot;
    }

    /** Right-hand-side evaluations so far. */
    public long evaluations() {
        return evaluations;
    }
}
