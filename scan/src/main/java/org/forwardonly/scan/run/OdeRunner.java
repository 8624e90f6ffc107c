package org.forwardonly.scan.run;

import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.metrics.SummaryMetrics;
import org.forwardonly.scan.metrics.TrajectoryCurve;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.state.OrderParameters;

import java.util.List;

/**
 * A scan point run through the order-parameter ODE ({@link Experiments}), from the config's
 * {@code init} or from the finite-N draw of its {@code seed} (as {@code pepita ode} does).
 */
public final class OdeRunner implements PointRunner {
    private static final long serialVersionUID = 1L;
    private final SummaryMetrics metrics;

    /** @param metrics how to summarise the ε_g curve */
    public OdeRunner(SummaryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void check(ExperimentConfig config) {
        Experiments.checkSupported(config); // first: refuses a run that cannot finish before building anything
        Experiments.validate(config, Experiments.initialConditions(config, config.seed()));
    }

    @Override
    public List<PointSummary> run(ExperimentConfig config) {
        OrderParameters init = Experiments.initialConditions(config, config.seed());
        return List.of(summarize(config, Experiments.integrate(config, init, IntegrationObserver.NONE), init.b()));
    }

    /** The row of an ODE run made elsewhere (e.g. by the figure engines); b: fa's fixed feedback or null. */
    public PointSummary summarize(ExperimentConfig config, OdeResult r, double[] b) {
        return metrics.summarize("ode", TrajectoryCurve.ode(config, r.trajectory(), r.diverged(), b));
    }
}
