package org.forwardonly.cli.bench;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.ClosedFormDynamics;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.OrderParameterDynamics;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;

import java.util.Locale;

/**
 * One ODE row of the benchmark table: bp, erf, both layers trained (η = η_v = 1), initial
 * conditions from the seed-0 draw at N = 1000, integrated with the config's integrator to tMax
 * and sampled at 200 log-spaced times.
 */
final class OdeWorkload {
    final int K, M;
    final double tMax;
    private final OrderParameters init;
    /** Of the last {@link #run}: the fraction of evaluations whose I4 sums used helper threads. */
    double lastHelperShare;

    OdeWorkload(int K, int M, double tMax) {
        this.K = K;
        this.M = M;
        this.tMax = tMax;
        this.init = Experiments.initialConditions(config("euler", 0.01, 1e-9, 1e-12, tMax), 0);
    }

    /** The config of this row with an integrator and its parameters. */
    ExperimentConfig config(String integrator, double dt, double rtol, double atol, double tEnd) {
        return ConfigParser.parse(json(K, M, integrator, dt, rtol, atol, tEnd));
    }

    /** The config text of a row, as a {@code pepita ode} config file (the cold whole-process rows run it). */
    static String json(int K, int M, String integrator, double dt, double rtol, double atol, double tEnd) {
        return String.format(Locale.ROOT,
                "{\"rule\": \"bp\", \"activation\": \"erf\", \"K\": %d, \"M\": %d, \"eta\": 1, \"etaV\": 1,"
                        + " \"integrator\": \"%s\", \"dt\": %s, \"rtol\": %s, \"atol\": %s, \"tMax\": %s,"
                        + " \"nTimes\": 200, \"timeSpacing\": \"log\", \"seed\": 0, \"N\": 1000}",
                K, M, integrator, dt, rtol, atol, tEnd);
    }

    /** Integrates {@code config} from this row's initial conditions on one thread. */
    OdeResult run(ExperimentConfig config) {
        return run(config, 1);
    }

    /** Integrates {@code config} from this row's initial conditions, the right-hand side on {@code threads} threads. */
    OdeResult run(ExperimentConfig config, int threads) {
        OdeResult r;
        try (OrderParameterDynamics dynamics = Experiments.dynamics(config, init, threads)) {
            r = Experiments.integrate(config, dynamics, init, SampleTimes.of(config), IntegrationObserver.NONE);
            lastHelperShare = dynamics instanceof ClosedFormDynamics c ? c.helperShare() : 0;
        }
        if (r.diverged()) throw new IllegalStateException("benchmark ODE diverged: " + r.reason());
        return r;
    }

    /** The threads {@code pepita ode} uses for this row by default. */
    int defaultThreads() {
        return Experiments.defaultThreads(config("euler", 0.01, 1e-9, 1e-12, tMax), Runtime.getRuntime().availableProcessors());
    }

    /** Largest |a − b|/|b| over the eps_g columns of two runs sampled at the same times. */
    static double maxRelativeEpsGError(OdeResult a, OdeResult reference) {
        double[] x = a.trajectory().column("eps_g"), y = reference.trajectory().column("eps_g");
        if (x.length != y.length) throw new IllegalStateException("runs sampled at different times");
        double worst = 0;
        for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]) / Math.abs(y[i]));
        return worst;
    }

    String label() {
        return K == M ? "K=M=" + K : "K=" + K + ", M=" + M;
    }
}
