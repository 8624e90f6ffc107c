package org.forwardonly.theory.ode;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.averaging.Drift;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.mirroring.MirroringDrift;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the quadrature engine is put together (docs/model.md §5, §6, §8): its grids, the weight-mirroring terms added
 * to the drift, and ε_g for mixed activations, each against something computed without the engine.
 */
class FieldAverageDynamicsTest {

    private static FieldAverageDynamics engine(String json) {
        ExperimentConfig c = ConfigParser.parse(json);
        return new FieldAverageDynamics(c, Experiments.initialConditions(c, c.seed()));
    }

    @Test
    void reluGridsAreEvenAndExtrapolatedSmoothOnesAreNot() {
        // docs/model.md §8: ReLU's Gauss-Hermite error is C/n, so its drift is extrapolated from even n and ⌈4n/3⌉
        // rounded up to even (7 → 8 and 12); erf's error is exponentially small: one grid of n points
        String base = "\"rule\": \"pepita\", \"K\": 1, \"M\": 1, \"N\": 500, \"quadraturePoints\": 7";
        FieldAverageDynamics relu = engine("{" + base + ", \"activation\": \"relu\"}");
        FieldAverageDynamics erf = engine("{" + base + "}");
        FieldAverageDynamics mixed = engine("{" + base + ", \"teacherActivation\": \"relu\"}");
        assertTrue(relu.describeAveraging().contains("8^2") && relu.describeAveraging().contains("extrapolated in 1/n with")
                && relu.describeAveraging().contains("12^2"), relu.describeAveraging());
        assertTrue(mixed.describeAveraging().contains("extrapolated in 1/n"), "a ReLU teacher has kinks too: " + mixed.describeAveraging());
        assertTrue(erf.describeAveraging().contains("7^2"), erf.describeAveraging());
        assertFalse(erf.describeAveraging().contains("extrapolated"), erf.describeAveraging());
        assertFalse(erf.describeAveraging().contains("control variate"), "a tensor grid has no control variate");
        assertTrue(relu.quadratureSize() > erf.quadratureSize(), "two grids for ReLU");
    }

    @Test
    void mirroringAddsItsTermsToTheDrift() {
        // docs/model.md §6: with weight mirroring the engine's right-hand side is the rule's drift plus the mirroring
        // terms of MirroringDrift (checked against real mirroring steps by MirroringDriftTest), c, d and P included
        String base = "\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"N\": 500, \"sigmaF\": 0.5, \"quadraturePoints\": 6";
        String wmJson = "{" + base + ", \"mirroring\": {\"a\": 1, \"etaWm\": 0.5, \"lambdaWm\": 1}}";
        ExperimentConfig wmConfig = ConfigParser.parse(wmJson);
        OrderParameters init = Experiments.initialConditions(wmConfig, wmConfig.seed());
        FieldAverageDynamics plain = new FieldAverageDynamics(ConfigParser.parse("{" + base + "}"), init);
        FieldAverageDynamics wm = new FieldAverageDynamics(wmConfig, init);
        StateLayout layout = wm.layout();
        double[] y = init.pack(layout), a = new double[y.length], b = new double[y.length];
        plain.derivatives(y, a);
        wm.derivatives(y, b);
        // the engine reuses its drift storage: a second call at the same state gives the same, nothing accumulates
        double[] again = new double[y.length];
        wm.derivatives(y, again);
        for (int i = 0; i < y.length; i++) assertEquals(b[i], again[i], 0.0, "second call, entry " + i);
        Drift terms = new Drift(2, 2);
        new MirroringDrift(wmConfig.mirroring(), Activation.ERF, 2).addTo(init.Q(), init.R(), init.v(), init.c(), init.d(), init.P(),
                terms);
        double[] expected = new double[y.length];
        for (int k = 0; k < 2; k++) {
            for (int l = k; l < 2; l++) expected[layout.qIndex(k, l)] = terms.dQ[k][l];
            for (int m = 0; m < 2; m++) expected[layout.rIndex(k, m)] = terms.dR[k][m];
            expected[layout.vIndex(k)] = terms.dv[k];
            expected[layout.cIndex(k)] = terms.dc[k];
            expected[layout.dIndex(k)] = terms.dd[k];
        }
        expected[layout.pIndex()] = terms.dP;
        boolean moves = false;
        for (int i = 0; i < y.length; i++) {
            assertEquals(expected[i], b[i] - a[i], 1e-12, "entry " + i);
            moves |= i >= layout.dOffset() && expected[i] != 0;
        }
        assertTrue(moves, "mirroring moves d and P here, so the test sees them");
    }

    @Test
    void epsGForMixedActivationsIsTheClosedFormOfItsTerms() {
        // erf student, ReLU teacher: ε_g = ½ E[(Σ v g(λ) − Σ v* relu(ν))²] expands into E[g g] (docs/model.md §3,
        // I2), E[relu relu] (the arc-cosine kernel, |a||b|/(2π)(sin θ + (π − θ) cos θ)) and E[g(a) relu(b)] =
        // ½ E[g(a) b] = ½ C_ab √(2/π)/√(1 + C_aa) (g odd kills E[g(a)|b|]; Stein's lemma). On a tensor grid the
        // teacher's kink leaves an error C/n (measured n·error 0.146, 0.140, 0.138, 0.136, 0.135 at n = 8, 12, 16, 24,
        // 32: 0.0057 at n = 24), which the engine removes by extrapolating in 1/n from 24 and 32 points, as it does
        // the drift
        String json = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"N\": 500, \"teacherActivation\": \"relu\", \"quadraturePoints\": 24}";
        ExperimentConfig c = ConfigParser.parse(json);
        OrderParameters p = Experiments.initialConditions(c, c.seed());
        FieldAverageDynamics dyn = new FieldAverageDynamics(c, p);
        double[][] Q = p.Q(), R = p.R(), T = p.T();
        double[] v = p.v(), vs = p.vStar();
        double gg = 0, rr = 0, gr = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                gg += v[i] * v[j] * 2 / Math.PI * Math.asin(Q[i][j] / Math.sqrt((1 + Q[i][i]) * (1 + Q[j][j])));
                double norm = Math.sqrt(T[i][i] * T[j][j]), cos = Math.max(-1, Math.min(1, T[i][j] / norm)), th = Math.acos(cos);
                rr += vs[i] * vs[j] * norm / (2 * Math.PI) * (Math.sin(th) + (Math.PI - th) * cos);
                gr += v[i] * vs[j] * 0.5 * R[i][j] * Math.sqrt(2 / Math.PI) / Math.sqrt(1 + Q[i][i]);
            }
        }
        double expected = 0.5 * (gg + rr - 2 * gr);
        double got = dyn.epsG(p.pack(dyn.layout()));
        System.out.printf("mixed erf/relu eps_g: engine %.8f, closed form %.8f%n", got, expected);
        // what is left is the variation of n·error between the two grids, 0.001 above: ~1e-4 of ε_g; asserted 5e-4
        assertEquals(expected, got, 5e-4 * expected);
    }
}
