package org.forwardonly.theory.analysis;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * afa at K = M = 2 from a random start (examples/afa-random-start.json: N = 2000, seed 0, η = η_v = 1):
 * the feedback overlaps c decay to 0, and with them afa's feedback b = −s c, so the first layer stops:
 * the plateau is a continuum of fixed points (c = 0, any Q, R with v at its optimum), classified with
 * zero modes and no unstable direction, and the integrated ODE does not leave it by t = 10⁴.
 */
class AfaPlateauTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1})
    void afaRandomStartPlateauIsAContinuumTheOdeDoesNotLeave(double sigmaF) {
        ExperimentConfig c = ConfigParser.parse(String.format(Locale.ROOT, "{\"rule\":\"afa\",\"activation\":\"erf\",\"K\":2,\"M\":2,"
                + "\"N\":2000,\"eta\":1,\"etaV\":1,\"sigmaF\":%s,\"tMax\":10000,\"nTimes\":200,\"seed\":0}", sigmaF));
        OrderParameters init = Experiments.initialConditions(c, c.seed());
        FixedPoint plateau;
        try (StationaryPoints sp = new StationaryPoints(c, init)) {
            plateau = sp.analyse().stream().filter(p -> p.origin().startsWith("trajectory")).findFirst().orElseThrow();
        }
        assertEquals(0, plateau.nUnstable());
        assertTrue(plateau.nZero() > 0 && plateau.stability().equals("continuum"), plateau.stability());
        StateLayout L = Experiments.layout(c);
        for (int k = 0; k < 2; k++) assertEquals(0, plateau.state()[L.cIndex(k)], 1e-12);
        // the integration: eps_g at t = 1e4 is the plateau's (no escape), far above 0
        OdeResult r = Experiments.integrate(c, init, new double[] {0, 5000, 10000}, new IntegrationObserver() { });
        double[] eps = r.trajectory().column("eps_g");
        assertEquals(plateau.epsG(), eps[2], 1e-3);
        assertEquals(eps[1], eps[2], 1e-3);
        assertTrue(eps[2] > 0.1);
    }
}
