package org.forwardonly.theory.analysis;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.config.ConfigSource;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** η_max, the largest η at which the perfect solution is stable, from the continuation (docs/analysis.md). */
class EtaMaxTest {

    static ExperimentConfig at(ExperimentConfig c, String key, double value) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ConfigParser.toJson(c);
        ConfigSource.set(tree, key + "=" + value);
        return ConfigParser.parse(tree);
    }

    static ParameterContinuation.Result continueEta(ExperimentConfig c, double from, double to, double step) {
        OrderParameters constants = OrderParameters.fromInit(c.init());
        ExperimentConfig first = at(c, "eta", from);
        List<FixedPoint> points;
        try (StationaryPoints sp = new StationaryPoints(first, constants)) {
            points = sp.solveAll(List.of(new StationaryPoints.Start("specialised", sp.specialised())));
        }
        return ParameterContinuation.run(ParameterContinuation.grid(from, to, step), v -> at(c, "eta", v), constants, points);
    }

    /**
     * K = M = 1, v = v* = 1 fixed, σ = 0: linearising dQ/dt, dR/dt at Q = R = T = 1 with the η² term
     * (which is (Q − 2R + 1) E[g'(ν)⁴] = (Q − 2R + 1) 4/(π²√5) to first order) gives
     * det J = 8η²(5π − √15 η)/(45π³), zero at η_max = π√15/3 ≈ 4.0558 (docs/analysis.md). Tolerance 1e-6:
     * bisection to 1e-10 and a central-difference Jacobian good to ~1e-9 of its entries.
     */
    @Test
    void kOneEtaMaxMatchesClosedForm() {
        ExperimentConfig c = StationaryPointsTest.committee(1, 1, 100);
        ParameterContinuation.Result r = continueEta(c, 0.5, 6, 0.5);
        assertEquals(Math.PI * Math.sqrt(15) / 3, r.critical(), 1e-6);
        // the check can fail: the trace's zero, 7π√15/18 = 4.73, is not it
        assertTrue(Math.abs(r.critical() - 7 * Math.PI * Math.sqrt(15) / 18) > 0.1);
        assertTrue(r.fastest() > 0.5 && r.fastest() < r.critical(), "fastest " + r.fastest());
    }

    /**
     * K = M = 2, 3: integrating the ODE from the perfect solution moved by 1e-3 (R_11 and Q_11 − 1e-3),
     * at 0.99 η_max it returns (ε_g at the end below its start), at 1.01 η_max it leaves (ε_g at the end above
     * 10× its start, or diverged). The horizon t = 20 / (0.01 |slope|) lets the ±1 % growth or decay act.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void etaMaxBracketsWhereTheOdeStopsConverging(int K) {
        ExperimentConfig c = StationaryPointsTest.committee(K, 1, 100);
        ParameterContinuation.Result r = continueEta(c, 0.5, 8, 0.5);
        double etaMax = r.critical();
        assertTrue(Double.isFinite(etaMax), "no eta_max found");
        double slope = Math.abs(ParameterContinuation.lambdaAt(0.9 * etaMax, perfect(c), v -> at(c, "eta", v),
                OrderParameters.fromInit(c.init()))) / (0.1 * etaMax);
        double tMax = 20 / (0.01 * etaMax * slope);
        double[] ratio = new double[2];
        double[] factors = {0.99, 1.01};
        for (int i = 0; i < 2; i++) {
            ExperimentConfig run = at(at(c, "eta", factors[i] * etaMax), "tMax", tMax);
            StateLayout L = Experiments.layout(run);
            double[] y = perfect(c);
            y[L.rIndex(0, 0)] -= 1e-3;
            y[L.qIndex(0, 0)] -= 1e-3;
            OrderParameters start = OrderParameters.fromInit(c.init()).withEvolving(L, y);
            OdeResult res = Experiments.integrate(run, start, new double[] {0, tMax}, new IntegrationObserver() { });
            double[] eps = res.trajectory().column("eps_g");
            ratio[i] = res.diverged() ? Double.POSITIVE_INFINITY : eps[eps.length - 1] / eps[0];
        }
        assertTrue(ratio[0] < 1, String.format(Locale.ROOT, "at 0.99 eta_max = %.6f eps_g grew by %.3g", 0.99 * etaMax, ratio[0]));
        assertTrue(ratio[1] > 10, String.format(Locale.ROOT, "at 1.01 eta_max = %.6f eps_g changed by %.3g", 1.01 * etaMax, ratio[1]));
    }

    static double[] perfect(ExperimentConfig c) {
        try (StationaryPoints sp = new StationaryPoints(c, OrderParameters.fromInit(c.init()))) {
            return sp.specialised();
        }
    }
}
