package org.forwardonly.theory.config;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.rules.LearningRule;
import org.forwardonly.theory.rules.RuleType;

import java.util.List;

/**
 * A resolved experiment config (every default filled in), shared by the ODE, the simulation
 * and the scans: the typed model. Built and validated only by the config module's
 * {@code org.forwardonly.config.ConfigParser} (theory knows no JSON), which resolves
 * the rule and activation names once ({@link org.forwardonly.theory.rules.Rules},
 * {@link Activation#fromConfigName}); past it code asks these objects, never the names
 * (docs/extending.md, "The config boundary"). Keys are documented in docs/config.md.
 *
 * @param rule              the learning rule (key {@code rule})
 * @param activation        the student's g (key {@code activation})
 * @param teacherActivation the teacher's g (key {@code teacherActivation})
 */
public record ExperimentConfig(
        RuleType rule,
        Activation activation,
        Activation teacherActivation,
        int K,
        int M,
        double eta,
        double etaV,
        double sigma,
        double sigmaF,
        int modulationSign,
        String lastLayer,
        String integrator,
        double dt,
        double rtol,
        double atol,
        double tMax,
        List<Double> times,
        String timeSpacing,
        int nTimes,
        double epsGBound,
        long seed,
        int N,
        String teacherSecondLayer,
        InitialConditions init,
        Mirroring mirroring,
        int seeds,
        int batchSize,
        int testSize,
        double alignF,
        String odeEngine,
        int quadraturePoints,
        Averaging averaging) {

    /** This config with another averaging setting. */
    public ExperimentConfig withAveraging(Averaging a) {
        return new ExperimentConfig(rule, activation, teacherActivation, K, M, eta, etaV, sigma, sigmaF,
                modulationSign, lastLayer, integrator, dt, rtol, atol, tMax, times, timeSpacing, nTimes, epsGBound,
                seed, N, teacherSecondLayer, init, mirroring, seeds, batchSize, testSize, alignF, odeEngine,
                quadraturePoints, a);
    }

    /**
     * This config with another integrator and tolerances (the exact engine's Sobol replicates,
     * {@link Averaging#replicateIntegrator}, {@link Averaging#integratorRtol}).
     */
    public ExperimentConfig withIntegrator(String newIntegrator, double newRtol, double newAtol) {
        return new ExperimentConfig(rule, activation, teacherActivation, K, M, eta, etaV, sigma, sigmaF,
                modulationSign, lastLayer, newIntegrator, dt, newRtol, newAtol, tMax, times, timeSpacing, nTimes, epsGBound,
                seed, N, teacherSecondLayer, init, mirroring, seeds, batchSize, testSize, alignF, odeEngine,
                quadraturePoints, averaging);
    }

    /** This config with another rule and no mirroring (the exact engine's control variate is afa's closed form). */
    public ExperimentConfig withRuleWithoutMirroring(RuleType otherRule) {
        return new ExperimentConfig(otherRule, activation, teacherActivation, K, M, eta, etaV, sigma, sigmaF,
                modulationSign, lastLayer, integrator, dt, rtol, atol, tMax, times, timeSpacing, nTimes, epsGBound,
                seed, N, teacherSecondLayer, init, null, seeds, batchSize, testSize, alignF, odeEngine,
                quadraturePoints, averaging);
    }

    /**
     * This config with other learning rates η and η_v, every other key kept (the analyser's O(η) part of the
     * drift at half the rates, StationaryPoints). Rates are finite and ≥ 0, as the config boundary checks them.
     *
     * @param newEta  η (key {@code eta})
     * @param newEtaV η_v (key {@code etaV})
     */
    public ExperimentConfig withRates(double newEta, double newEtaV) {
        if (!(newEta >= 0 && newEtaV >= 0 && Double.isFinite(newEta) && Double.isFinite(newEtaV))) {
            throw new ConfigException("keys 'eta', 'etaV': must be finite and >= 0 (got " + newEta + ", " + newEtaV + ")");
        }
        return new ExperimentConfig(rule, activation, teacherActivation, K, M, newEta, newEtaV, sigma, sigmaF,
                modulationSign, lastLayer, integrator, dt, rtol, atol, tMax, times, timeSpacing, nTimes, epsGBound,
                seed, N, teacherSecondLayer, init, mirroring, seeds, batchSize, testSize, alignF, odeEngine,
                quadraturePoints, averaging);
    }

    /** The rule's per-sample map, with this config's {@code lastLayer}. */
    public LearningRule learningRule() {
        return rule.create(modulatedLastLayer());
    }

    /** True when the second layer of pepita/afa learns from the modulated pass h̃. */
    public boolean modulatedLastLayer() {
        return "htilde".equals(lastLayer);
    }
}
