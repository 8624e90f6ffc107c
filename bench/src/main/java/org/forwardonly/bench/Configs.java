package org.forwardonly.bench;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;

import java.util.Locale;

/** The benchmark experiments: bp, erf, both layers trained (η = η_v = 1), the workloads of `pepita bench` (docs/performance.md). */
final class Configs {
    private Configs() {}

    /** bp with K students and M teachers at input dimension N (seed 0). */
    static ExperimentConfig bp(int K, int M, int N) {
        return ConfigParser.parse(String.format(Locale.ROOT,
                "{\"rule\": \"bp\", \"activation\": \"erf\", \"K\": %d, \"M\": %d, \"eta\": 1, \"etaV\": 1,"
                        + " \"integrator\": \"euler\", \"dt\": 0.01, \"N\": %d, \"seed\": 0}", K, M, N));
    }

    /** As {@link #bp}, on the exact engine averaging on pooled Sobol replicates (docs/model.md §8) instead of the closed forms. */
    static ExperimentConfig bpSobol(int K, int M, int N) {
        return ConfigParser.parse(String.format(Locale.ROOT,
                "{\"rule\": \"bp\", \"activation\": \"erf\", \"K\": %d, \"M\": %d, \"eta\": 1, \"etaV\": 1,"
                        + " \"integrator\": \"euler\", \"dt\": 0.01, \"N\": %d, \"seed\": 0, \"odeEngine\": \"quadrature\","
                        + " \"averaging\": {\"method\": \"sobol\"}}", K, M, N));
    }

    /** bp with K students and M teachers (N = 1000, seed 0) on a fixed-step integrator of step dt to tMax, 200 log-spaced samples. */
    static ExperimentConfig bpFixedStep(int K, int M, String integrator, double dt, double tMax) {
        return ConfigParser.parse(String.format(Locale.ROOT,
                "{\"rule\": \"bp\", \"activation\": \"erf\", \"K\": %d, \"M\": %d, \"eta\": 1, \"etaV\": 1,"
                        + " \"integrator\": \"%s\", \"dt\": %s, \"tMax\": %s, \"nTimes\": 200, \"timeSpacing\": \"log\","
                        + " \"N\": 1000, \"seed\": 0}", K, M, integrator, dt, tMax));
    }

    /** Parses "K/M" (a JMH parameter). */
    static int[] km(String km) {
        String[] p = km.split("/");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }
}
