package org.forwardonly.theory.config;

import java.util.List;

/**
 * A resolved experiment config (every default filled in), shared by the ODE, the simulation
 * and the scans. Built and validated only by {@link ConfigParser}; keys are documented in
 * docs/config.md.
 */
public record ExperimentConfig(
        String rule,
        String activation,
        String teacherActivation,
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
    public ExperimentConfig withRuleWithoutMirroring(String otherRule) {
        return new ExperimentConfig(otherRule, activation, teacherActivation, K, M, eta, etaV, sigma, sigmaF,
                modulationSign, lastLayer, integrator, dt, rtol, atol, tMax, times, timeSpacing, nTimes, epsGBound,
                seed, N, teacherSecondLayer, init, null, seeds, batchSize, testSize, alignF, odeEngine,
                quadraturePoints, averaging);
    }

    /** True when the second layer of pepita/afa learns from the modulated pass h̃. */
    public boolean modulatedLastLayer() {
        return "htilde".equals(lastLayer);
    }
}
