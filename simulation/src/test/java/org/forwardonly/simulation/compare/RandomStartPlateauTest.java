package org.forwardonly.simulation.compare;

import org.forwardonly.simulation.training.Progress;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.trajectory.Trajectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 26's must-show 4 at CI size (docs/analysis.md, "Simulations from the random start"): afa, K = M = 2, erf,
 * η = η_v = 1, from a random start at N = 500, seeds 0-3, t ≤ 600. Whether c dies (the c = 0 continuum analyse
 * finds, where the first layer stops) or persists (the draw's feedback signs let the first layer learn) depends on
 * the draw; the ODE integrated from each seed's own draw says which, and the simulation of that seed must do the same.
 * What makes this hold at finite N is that every first-layer update of afa (and pepita) is proportional to c
 * (afa: δ_k = −s c_k g'(λ_k) e; pepita: h − h̃ = 0 when λ̃_k = λ_k + s c_k e = λ_k), so c's noise is multiplicative:
 * ln|c| follows the ODE up to a random walk of size ~√(t/N), with no O(σ_F/√N) floor that could restart learning.
 * The runs are deterministic (same seed, same bytes), so the tolerances below are margins over the measured values
 * (2026-12-07), stated at each assertion.
 */
class RandomStartPlateauTest {

    static final int N = 500;
    static final double T = 600;

    static ExperimentConfig config(String rule, double sigmaF) {
        return ConfigParser.parse(String.format(Locale.ROOT, "{\"rule\":\"%s\",\"activation\":\"erf\",\"K\":2,\"M\":2,\"N\":%d,"
                + "\"eta\":1,\"etaV\":1,\"sigmaF\":%s,\"tMax\":%s,\"times\":[0,%s,%s],\"seeds\":4,\"seed\":0}",
                rule, N, sigmaF, T, T / 2, T));
    }

    static double value(Trajectory t, int row, String column) {
        return t.rows()[row][t.indexOf(column)];
    }

    static double normC(Trajectory t, int row) {
        return Math.hypot(value(t, row, "c_1"), value(t, row, "c_2"));
    }

    /**
     * Per seed, the simulation against the closed-form ODE from the same draw, at t = T:
     * <ul>
     *   <li>ln|c| within 0.5 (measured at most 0.24; σ_F/√N = 0.022 at σ_F = 0.5, so an additive floor of that size
     *       would put |c| at 0.02 where the ODE has 3e-4 to 1e-5: a difference of 3 to 8 in ln|c|);</li>
     *   <li>ε_g within 0.04 (measured at most 0.025: where c dies the simulations end lower, by 0.01 to 0.025, as
     *       SGD's O(1/√N) noise moves the weights before c has died);</li>
     *   <li>both behaviours occur among the four draws (the check would be vacuous otherwise): c persists in one
     *       (|c|(T) > |c|(0)/2, seed 0, which learns to ε_g ≈ 0.013) and dies in another (|c|(T) < |c|(0)/20).</li>
     * </ul>
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1})
    void afaSimulationsDoWhatTheOdeFromTheirDrawDoes(double sigmaF) {
        ExperimentConfig c = config("afa", sigmaF);
        Simulation.Result sim = Simulation.run(c, SampleTimes.of(c), 2, null, Progress.NONE);
        boolean persists = false, dies = false;
        for (SeedRun.Result seed : sim.seeds()) {
            Trajectory s = seed.trajectory();
            Trajectory ode = Experiments.integrate(c, Experiments.initialConditions(c, seed.seed()), sim.times(),
                    IntegrationObserver.NONE).trajectory();
            String at = String.format(Locale.ROOT, "seed %d, sigmaF %s: |c| %.3g -> %.3g (ODE %.3g), eps_g %.5f (ODE %.5f)",
                    seed.seed(), sigmaF, normC(s, 0), normC(s, 2), normC(ode, 2), value(s, 2, "eps_g"), value(ode, 2, "eps_g"));
            System.out.println(at);
            assertEquals(normC(ode, 0), normC(s, 0), 1e-12, "same draw");
            assertEquals(Math.log(normC(ode, 2)), Math.log(normC(s, 2)), 0.5, at);
            assertEquals(value(ode, 2, "eps_g"), value(s, 2, "eps_g"), 0.04, at);
            persists |= normC(ode, 2) > normC(ode, 0) / 2;
            dies |= normC(ode, 2) < normC(ode, 0) / 20;
        }
        assertTrue(persists && dies, "both behaviours among the draws");
    }
}
