package org.forwardonly.simulation.compare;

import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The negative controls of {@link TheoryAgreementTest} for the rules only the exact (quadrature)
 * engine integrates (docs/model.md §5-6): pepita, ff, pepita with weight mirroring, and ReLU. The
 * true ODE must AGREE; η −5 % and, with F, the wrong s and the other last layer must DISAGREE.
 * To keep CI time modest: no label noise (one Gaussian dimension less in the quadrature),
 * quadraturePoints 8 and rtol 1e-6 (their error on eps_g, 2e-5 at t = 12, is far below the
 * statistical error of the comparison, about 1e-3), {@value #SEEDS} seeds at N = 2000 and 500 (the ODE, one
 * per seed and size, is the cost here, so few seeds at a larger N), t ≤ 10, and per rule only the
 * changes it has: η −5 % for all, the wrong s for the rules with F, h for pepita's h̃.
 * <p>
 * Not in the default build: on the shared 2-core machine the ODEs alone took more than 25 minutes
 * (ReLU's two quadrature grids most of it; ReLU now runs on two Sobol replicates of 2048 points). Run it with
 * {@code mvn -B -pl simulation -am test -Dtest=ExactTheoryAgreementTest -Dpepita.exactControls=true}.
 */
@EnabledIfSystemProperty(named = "pepita.exactControls", matches = "true",
        disabledReason = "tens of minutes of exact-engine ODEs on 2 cores; run with -Dpepita.exactControls=true (docs/simulation.md)")
class ExactTheoryAgreementTest {

    static final int SEEDS = 16;
    static final String COMMON = "\"K\":2,\"M\":2,\"N\":2000,\"seeds\":" + SEEDS + ",\"sigma\":0,\"eta\":1,\"etaV\":1,"
            + "\"quadraturePoints\":8,\"rtol\":1e-6,\"atol\":1e-9,\"times\":[0.5,1,2,3,4,6,8,10]";

    @ParameterizedTest
    @ValueSource(strings = {
            // aligned starts (c ≈ 0.8 σ_F v/|v|) so the first layer learns within t ≤ 10
            "\"rule\":\"pepita\",\"sigmaF\":0.3,\"alignF\":0.8",
            "\"rule\":\"ff\",\"sigmaF\":0.3,\"alignF\":0.8",
            "\"rule\":\"pepita\",\"sigmaF\":0.5,\"mirroring\":{\"a\":0.5,\"r\":1,\"etaWm\":0.5,\"lambdaWm\":1.0,\"rescale\":false}",
            // ReLU runs on Sobol points (docs/model.md §8); two replicates of 2048 points keep its ODE error near 1e-4,
            // far below the comparison's statistical error, at a fraction of the cost of the default refinement
            "\"rule\":\"bp\",\"activation\":\"relu\",\"averaging\":{\"replicates\":2,\"samples\":2048,\"tolerance\":1}"})
    void theTrueExactOdeAgreesAndOneWithAWrongRateSignOrLastLayerDoesNot(String rule) {
        String json = "{" + rule + "," + COMMON + "}";
        ExperimentConfig c = ConfigParser.parse(json);
        List<String> changes = new ArrayList<>(List.of("", "\"eta\":0.95"));
        if (!List.of("bp", "fa").contains(c.rule())) changes.add("\"modulationSign\":" + -c.modulationSign());
        if ("pepita".equals(c.rule()) && c.mirroring() == null) changes.add("\"lastLayer\":\"h\"");
        Map<String, Agreement> v = TheoryAgreementTest.verdicts(json, changes);
        StringBuilder failures = new StringBuilder();
        v.forEach((change, a) -> {
            if (a.agrees() != change.isEmpty()) failures.append(change.isEmpty() ? "the true ODE" : change).append(": ").append(a.verdict()).append('\n');
        });
        assertTrue(failures.isEmpty(), failures.toString());
    }
}
