package org.forwardonly.theory.ode;

import org.forwardonly.theory.state.StateLayout;

/**
 * The right-hand side of an order-parameter ODE on the packed vector of a {@link StateLayout}.
 * Engines: {@link ClosedFormDynamics} (bp, fa, afa with erf or linear, docs/model.md §3-4) and
 * numerical-quadrature engines for the other rules. Constants (T, v*, b, rates) are held by the
 * implementation. Implementations may keep scratch buffers, so one instance is used by one
 * thread at a time. An implementation may start helper threads of its own; {@link #close()}
 * stops them (a no-op for the others).
 */
public interface OrderParameterDynamics extends AutoCloseable {

    /** How the state is packed. */
    StateLayout layout();

    /**
     * Writes dy/dt at state {@code y} into {@code yDot}. Allocation-free.
     *
     * @param y    packed state (read-only)
     * @param yDot out: its time derivative, same length
     */
    void derivatives(double[] y, double[] yDot);

    /** The generalisation error ε_g of docs/model.md §1 (label noise excluded) at state {@code y}. */
    double epsG(double[] y);

    /** Releases helper threads, if any. Idempotent; the dynamics must not be used afterwards. */
    @Override
    default void close() {
    }
}
