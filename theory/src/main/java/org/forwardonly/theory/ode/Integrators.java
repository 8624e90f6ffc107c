package org.forwardonly.theory.ode;

import org.forwardonly.theory.config.ExperimentConfig;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.EulerIntegrator;

/**
 * The integrators of the config key {@code integrator}: {@code euler} (fixed dt, the
 * literature's reference, docs/model.md §7), {@code rk4} (classical Runge-Kutta, fixed dt), and the
 * adaptive Dormand-Prince pairs with tolerances rtol, atol: {@code dp853} (order 8, the default, the
 * cheaper at tight tolerances) and {@code dp54} (order 5, the cheaper and often the more accurate at
 * rtol ≥ 1e-6; measured, docs/exact-pepita.md §7).
 */
public final class Integrators {
    private Integrators() {}

    /** Relative size of dp853's smallest step: below this the run is reported as diverged. */
    static final double MIN_STEP_FRACTION = 1e-12;

    /** A fresh integrator for {@code config}, integrating up to {@code tEnd}. */
    public static ODEIntegrator create(ExperimentConfig config, double tEnd) {
        return create(config, tEnd, Math.min(config.dt(), Math.max(tEnd, 1e-300)));
    }

    /**
     * As {@link #create(ExperimentConfig, double)}, an adaptive integrator trying {@code firstStep} first
     * (a restart after a failed step tries a smaller one; the fixed-step integrators ignore it).
     */
    public static ODEIntegrator create(ExperimentConfig config, double tEnd, double firstStep) {
        return switch (config.integrator()) {
            case "euler" -> new EulerIntegrator(config.dt());
            case "rk4" -> new ClassicalRungeKuttaIntegrator(config.dt());
            case "dp853", "dp54" -> {
                double span = Math.max(tEnd, 1e-300);
                AdaptiveStepsizeIntegrator dp = "dp853".equals(config.integrator())
                        ? new DormandPrince853Integrator(MIN_STEP_FRACTION * span, span, config.atol(), config.rtol())
                        : new DormandPrince54Integrator(MIN_STEP_FRACTION * span, span, config.atol(), config.rtol());
                dp.setInitialStepSize(Math.min(firstStep, span));
                yield dp;
            }
            default -> throw new IllegalArgumentException("unknown integrator '" + config.integrator()
                    + "' (allowed: dp54, dp853, euler, rk4)");
        };
    }

    /** True for the fixed-step integrators (euler, rk4). */
    public static boolean isFixedStep(ExperimentConfig config) {
        return !isAdaptive(config.integrator());
    }

    /** True for the adaptive integrators (dp853, dp54), which take rtol and atol. */
    public static boolean isAdaptive(String integrator) {
        return "dp853".equals(integrator) || "dp54".equals(integrator);
    }
}
