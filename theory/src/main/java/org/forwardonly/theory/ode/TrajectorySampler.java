package org.forwardonly.theory.ode;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Samples the state at the requested output times from the integrator's steps (Hipparchus step
 * handler with dense output) and turns each sample into a row {@code (eps_g, packed state)}.
 */
final class TrajectorySampler implements ODEStepHandler {
    private final OrderParameterDynamics dynamics;
    private final double[] times;
    private final IntegrationObserver observer;
    private final List<double[]> rows = new ArrayList<>();
    private int next;

    TrajectorySampler(OrderParameterDynamics dynamics, double[] times, IntegrationObserver observer) {
        this.dynamics = dynamics;
        this.times = times;
        this.observer = observer;
    }

    /** Records the samples at or before the initial time from the initial state. */
    @Override
    public void init(ODEStateAndDerivative initial, double finalTime) {
        while (next < times.length && times[next] <= initial.getTime()) record(times[next], initial.getPrimaryState());
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        ODEStateAndDerivative current = interpolator.getCurrentState();
        double tEnd = current.getTime();
        while (next < times.length && times[next] <= tEnd) {
            double t = times[next];
            double[] y = t == tEnd ? current.getPrimaryState() : interpolator.getInterpolatedState(t).getPrimaryState();
            record(t, y);
        }
        observer.onProgress(tEnd);
    }

    /** The same for a step of {@link FixedStepLoop} ending at (tEnd, yEnd), with its dense output. */
    void handleStep(double tEnd, double[] yEnd, FixedStepLoop step) {
        while (next < times.length && times[next] <= tEnd) {
            double t = times[next];
            record(t, t == tEnd ? yEnd : step.interpolate(t));
        }
        observer.onProgress(tEnd);
    }

    /** Samples the state at time {@code t} (the initial state when integration is not needed). */
    void record(double t, double[] y) {
        double[] row = new double[y.length + 1];
        row[0] = dynamics.epsG(y);
        System.arraycopy(y, 0, row, 1, y.length);
        rows.add(row);
        next++;
        observer.onSample(t, row.clone());
    }

    /** Number of samples taken. */
    int count() {
        return next;
    }

    /** The times sampled so far. */
    double[] sampledTimes() {
        return Arrays.copyOf(times, next);
    }

    /** The rows sampled so far. */
    double[][] rows() {
        return rows.toArray(new double[0][]);
    }
}
