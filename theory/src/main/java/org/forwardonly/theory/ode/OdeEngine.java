package org.forwardonly.theory.ode;

import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;

import java.util.stream.IntStream;

/**
 * The dynamics seam: the engines that give the drift dy/dt of a config as a function of the packed
 * state ({@link OrderParameterDynamics}), and the solver entry that integrates it. {@link #of} is the one
 * place an engine is chosen; {@link Experiments#dynamics} and {@link Experiments#integrate(ExperimentConfig,
 * OrderParameters, double[], IntegrationObserver, int)} go through it, so callers (the {@code ode} command,
 * the explorer, the analyser, the benchmarks) never ask which engine runs.
 */
public enum OdeEngine {
    /** The closed forms of docs/model.md §4 (bp, fa, afa with erf or linear, no mirroring). */
    CLOSED_FORM("closedForm", "closed forms"),
    /** The exact engine (docs/model.md §5-6) on a tensor Gauss-Hermite grid. */
    TENSOR("tensor", "exact engine on the tensor grid"),
    /** The exact engine on pooled scrambled Sobol replicates (docs/model.md §8). */
    SOBOL("sobol", "exact engine on Sobol points");

    private final String configName;
    private final String description;

    OdeEngine(String configName, String description) {
        this.configName = configName;
        this.description = description;
    }

    /**
     * The engine that runs {@code config}: closed forms where {@link Experiments#usesClosedForm} takes them,
     * else the exact engine on Sobol points where {@link Experiments#usesSobol} says so, else on the tensor grid.
     *
     * @param config the resolved config
     * @return its engine
     */
    public static OdeEngine of(ExperimentConfig config) {
        return Experiments.usesClosedForm(config) ? CLOSED_FORM : Experiments.usesSobol(config) ? SOBOL : TENSOR;
    }

    /** The name written in config.json's engine.method and in the bench output: closedForm, tensor or sobol. */
    public String configName() {
        return configName;
    }

    /** A few words for people (the explorer's status line). */
    public String description() {
        return description;
    }

    /**
     * The drift of {@code config} with the constants (T, v*, b) of {@code constants}, unchecked (see
     * {@link Experiments#dynamics(ExperimentConfig, OrderParameters, int)}). For Sobol this is the whole pooled
     * drift that {@link #integrate} integrates first: the first min(replicates, maxReplicates) replicates pooled.
     *
     * @param config    the resolved config
     * @param constants supplies T, v* and (fa) b
     * @param threads   threads of the closed-form I4 sums (≥ 1); the exact engine ignores it
     * @return the drift; the caller closes it
     */
    OrderParameterDynamics drift(ExperimentConfig config, OrderParameters constants, int threads) {
        return switch (this) {
            case CLOSED_FORM -> new ClosedFormDynamics(config, constants, threads);
            case TENSOR -> new FieldAverageDynamics(config, constants, (int[]) null);
            case SOBOL -> new FieldAverageDynamics(config, constants, firstPool(config));
        };
    }

    /** The replicates of the first pass of {@link ReplicatedIntegration}: 0 … min(replicates, maxReplicates) − 1. */
    static int[] firstPool(ExperimentConfig config) {
        return IntStream.range(0, Math.min(config.averaging().replicates(), config.averaging().maxReplicates())).toArray();
    }

    /**
     * Integrates a checked {@code config} from {@code init}, sampled at {@code times}: closed forms and the tensor
     * grid integrate their drift once; Sobol integrates pooled replicates until its error estimate meets
     * {@code averaging.tolerance} ({@link ReplicatedIntegration}). The result carries an {@link AveragingReport}.
     */
    OdeResult integrate(ExperimentConfig config, OrderParameters init, double[] times, IntegrationObserver observer,
                        int threads) {
        if (this == SOBOL) return ReplicatedIntegration.integrate(config, init, times, observer, threads);
        try (OrderParameterDynamics dynamics = drift(config, init, threads)) {
            OdeResult r = Experiments.integrate(config, dynamics, init, times, observer);
            String points = dynamics instanceof FieldAverageDynamics f ? f.describeAveraging() : "closed forms";
            return r.withAveraging(AveragingReport.unestimated(configName, points));
        }
    }
}
