package org.forwardonly.simulation.compare;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The negative controls of {@link TheoryAgreementTest} for the rules only the exact engine
 * integrates (docs/model.md §5, §6, §8): pepita, ff, pepita with weight mirroring, and ReLU. The
 * true ODE must AGREE; η ±5 %, η_v ±10 % and, with F, the wrong s and (pepita) h in place of h̃
 * must DISAGREE. ff has no last-layer option (its second layer learns from h̃ by definition), ReLU
 * is bp (no F).
 * <p>
 * The cost is the ODEs: one per seed, size and control, times three for the verdict's rate
 * scores. What keeps it to minutes, each choice measured on 2026-11-29 against a reference
 * (tensor grid of 20 points per field, rtol 1e-9; for ReLU 8 replicates of 16384 Sobol points)
 * as the ODE error of the seed mean over the standard error of the extrapolated difference, the
 * quantity the verdict studentizes ({@link ExactControlsBudget}, at 16 seeds):
 * <ul>
 *   <li>No label noise (σ = 0: four Gaussian fields, not five), t ≤ 10, N = 2000 and 500. The
 *       simulation is cheap; each seed costs ODEs. At N = 8000 the power did not grow as the
 *       simulation noise fell (η_v's rate score went from |t| 2.5 to 3.2 for pepita at 16 seeds,
 *       the ODE's per-seed averaging noise does not shrink with N) and pepita with mirroring, from
 *       its random start (c = O(σ_F/√N)), lost power (η × 0.95: p = 2.4e-4 at N = 2000, 0.018 at
 *       8000); so {@value #SEEDS} seeds at N = 2000. At 16 seeds η_v ±10 % passed for every rule
 *       (p 0.012-0.19) and so did η +5 % for mirroring (0.053) and η ±5 % for ReLU (0.10, 0.022).</li>
 *   <li>Sobol points, two replicates of 2048, every seed on its own scrambling
 *       ({@link TheoryComparison#ofSeed}): the averaging error is then independent across seeds
 *       and counted by the sign-flip test as noise, not a common bias. Its seed mean was at most
 *       0.16 of the standard error (ff; 0.35 for ReLU, where that mean over 4 seeds is mostly the
 *       per-seed noise, 3 % of the simulation's variance). The tensor grid costs more for the
 *       same error: at 8 points per field ff's grid error was 3.6 standard errors (Q_2_2 at t = 6,
 *       1.1e-2) and the true ff ODE got p = 0.015 (0.004 in an earlier session: the grid, not the
 *       theory); 1.7 at 10 points, 0.39 at 12, 0.20 at 14 (3.5x the time of these Sobol points),
 *       0.02 at 20. pepita's grid error at 8 points was 0.62, at 10 points 0.16.</li>
 *   <li>ReLU: fixed-step rk4, dt = 0.05. On a fixed point set ReLU's drift jumps where a point
 *       crosses the kink, so dp853 at rtol 1e-6 took 30000 right-hand sides per replicate; rk4
 *       takes 800 and differs from rk4 at dt = 0.025 by at most 3e-5 on any order parameter at
 *       t = 10 (standard errors there: 8e-3 and more).</li>
 * </ul>
 * Not in the default build (2026-11-29, 2-core machine: 307 s at load 1.4-2.3, pepita 54 s, ff 41 s,
 * pepita with mirroring 90 s, ReLU 123 s, 5 min 10 s with Maven; 858 s at load 10-12); CI runs
 * it ({@code .ci/run}), and by hand:
 * {@code mvn -B -pl simulation -am test -Dtest=ExactTheoryAgreementTest -Dpepita.exactControls=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "pepita.exactControls", matches = "true",
        disabledReason = "minutes of exact-engine ODEs on 2 cores; CI runs it (.ci/run); -Dpepita.exactControls=true (docs/simulation.md)")
class ExactTheoryAgreementTest {

    static final int SEEDS = 48;
    static final String COMMON = "\"K\":2,\"M\":2,\"N\":2000,\"seeds\":" + SEEDS + ",\"sigma\":0,\"eta\":1,\"etaV\":1,"
            + "\"rtol\":1e-6,\"atol\":1e-9,\"times\":[0.5,1,2,3,4,6,8,10],"
            + "\"averaging\":{\"method\":\"sobol\",\"replicates\":2,\"samples\":2048,\"tolerance\":1}";

    @ParameterizedTest
    @ValueSource(strings = {
            // aligned starts (c ≈ 0.8 σ_F v/|v|) so the first layer learns within t ≤ 10
            "\"rule\":\"pepita\",\"sigmaF\":0.3,\"alignF\":0.8",
            "\"rule\":\"ff\",\"sigmaF\":0.3,\"alignF\":0.8",
            "\"rule\":\"pepita\",\"sigmaF\":0.5,\"mirroring\":{\"a\":0.5,\"r\":1,\"etaWm\":0.5,\"lambdaWm\":1.0,\"rescale\":false}",
            "\"rule\":\"bp\",\"activation\":\"relu\",\"integrator\":\"rk4\",\"dt\":0.05"})
    void theTrueExactOdeAgreesAndOneWithAWrongRateSignOrLastLayerDoesNot(String rule) {
        String json = "{" + rule + "," + COMMON + "}";
        ExperimentConfig c = ConfigParser.parse(json);
        List<String> changes = new ArrayList<>(List.of("", "\"eta\":0.95", "\"eta\":1.05", "\"etaV\":0.9", "\"etaV\":1.1"));
        if (!List.of("bp", "fa").contains(c.rule().name())) changes.add("\"modulationSign\":" + -c.modulationSign());
        if ("pepita".equals(c.rule().name())) changes.add("\"lastLayer\":\"h\"");
        Map<String, Agreement> v = TheoryAgreementTest.verdicts(json, changes);
        StringBuilder failures = new StringBuilder();
        v.forEach((change, a) -> {
            System.out.println(rule + " " + (change.isEmpty() ? "true ODE" : change) + ": " + a.verdict());
            if (a.agrees() != change.isEmpty()) failures.append(change.isEmpty() ? "the true ODE"
                    : change).append(": ").append(a.verdict()).append('\n');
        });
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
