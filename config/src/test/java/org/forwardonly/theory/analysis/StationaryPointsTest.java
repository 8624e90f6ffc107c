package org.forwardonly.theory.analysis;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stationary points of the bp erf soft committee machine against their closed forms (docs/analysis.md). */
class StationaryPointsTest {

    /**
     * bp, erf, K = M, T = I, v = v* = 1 fixed (η_v = 0), σ = 0, from a slightly asymmetric start
     * (R_km = 0.01 + 0.001 (k + 2m) mod 5 ...): the committee machine of Saad & Solla (1995).
     */
    static ExperimentConfig committee(int K, double eta, double tMax) {
        StringBuilder q = new StringBuilder("["), r = new StringBuilder("["), t = new StringBuilder("["), v = new StringBuilder("[");
        for (int k = 0; k < K; k++) {
            q.append(k > 0 ? "," : "").append("[");
            r.append(k > 0 ? "," : "").append("[");
            t.append(k > 0 ? "," : "").append("[");
            for (int l = 0; l < K; l++) {
                q.append(l > 0 ? "," : "").append(k == l ? "0.2" : "0.01");
                r.append(l > 0 ? "," : "").append(String.format(Locale.ROOT, "%.4f", 0.001 * ((3 * k + 5 * l) % 7)));
                t.append(l > 0 ? "," : "").append(k == l ? "1" : "0");
            }
            q.append("]");
            r.append("]");
            t.append("]");
            v.append(k > 0 ? "," : "").append("1");
        }
        String json = String.format(Locale.ROOT, "{\"rule\":\"bp\",\"activation\":\"erf\",\"K\":%d,\"M\":%d,\"eta\":%s,\"etaV\":0,"
                + "\"sigma\":0,\"tMax\":%s,\"init\":{\"Q\":%s],\"R\":%s],\"T\":%s],\"v\":%s],\"vStar\":%s]}}",
                K, K, eta, tMax, q, r, t, v, v);
        return ConfigParser.parse(json);
    }

    /**
     * The symmetric plateau of Saad & Solla (1995), derived in docs/analysis.md: in the small-η limit
     * (the O(η) terms only) Q_ii = Q_ij = 1/(2K−1) and R_in = 1/√(K(2K−1)). analyse at η = 1e-3
     * (tMax = 1e6, so that the symmetric trajectory reaches the plateau at ηt ~ 1000) finds the plateau
     * of the full drift; the Newton solve continued from it on the O(η) drift alone (smallEta: 4 f(η/2) − f(η),
     * exact since the drift is η A + η² B) finds the limit point. In that limit the plateau is a degenerate
     * root (zero eigenvalues in the direction Q_kk − Q_kl, where the drift closes only quadratically, so
     * round-off fixes it only to √ε ~ 1e-8); the solve stays on the invariant subspace of identical units
     * (Q_kl = Q_kk), and the whole O(η) drift is checked to vanish there. Tolerance 1e-8 (the issue's).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void symmetricPlateauMatchesSaadSolla(int K) {
        ExperimentConfig c = committee(K, 1e-3, 1e6);
        ExperimentConfig small = committee(K, 1e-3, 1e6);
        try (StationaryPoints sp = new StationaryPoints(c, OrderParameters.fromInit(c.init()));
             StationaryPoints spSmall = new StationaryPoints(small, OrderParameters.fromInit(small.init()), true)) {
            List<FixedPoint> points = sp.analyse();
            StateLayout L = sp.layout();
            double q = 1.0 / (2 * K - 1), r = Math.sqrt(q / K);
            FixedPoint found = points.stream().filter(p -> p.origin().equals("symmetric")).findFirst().orElseThrow();
            double[] y = spSmall.solve(found.state(), true);
            assertNotNull(y);
            double drift = 0;
            for (double f : spSmall.residual(y)) drift = Math.max(drift, Math.abs(f));
            assertTrue(drift <= 1e-14, "O(eta) drift " + drift + " at the plateau (eta = 1e-3)");
            FixedPoint plateau = spSmall.classify(y, "symmetric");
            for (int k = 0; k < K; k++) {
                for (int l = k; l < K; l++) assertEquals(q, plateau.state()[L.qIndex(k, l)], 1e-8, "Q_" + k + l);
                for (int m = 0; m < K; m++) assertEquals(r, plateau.state()[L.rIndex(k, m)], 1e-8, "R_" + k + m);
            }
            // a saddle: the escape direction breaks the symmetry; so at the η of the analysis too
            assertEquals("saddle", plateau.stability());
            assertTrue(plateau.lambdaMax() > 0);
            assertEquals("saddle", found.stability());
            // the specialised solution: Q = R = T = I, eps_g = 0, stable
            FixedPoint perfect = points.stream().filter(p -> p.origin().equals("specialised")).findFirst().orElseThrow();
            assertEquals(0, perfect.epsG(), 1e-12);
            assertEquals("stable", perfect.stability());
        }
    }

    /** The check can fail: a wrong closed form (1/(2K) for Q) is far outside the tolerance. */
    @Test
    void aWrongPlateauIsRejected() {
        ExperimentConfig c = committee(2, 1e-4, 1e6);
        try (StationaryPoints sp = new StationaryPoints(c, OrderParameters.fromInit(c.init()))) {
            FixedPoint plateau = sp.solveAll(List.of(new StationaryPoints.Start("symmetric",
                    sp.starts().get(1).state()))).get(0);
            assertTrue(Math.abs(plateau.state()[0] - 0.25) > 1e-3);
        }
    }

    /** A state no weights can have (|R_11| above √(Q_11 T_11)) is not physical; the same with R_11 small is. */
    @Test
    void statesOutsideTheCovarianceConeAreNotPhysical() {
        ExperimentConfig c = committee(2, 1, 10);
        try (StationaryPoints sp = new StationaryPoints(c, OrderParameters.fromInit(c.init()))) {
            double[] y = OrderParameters.fromInit(c.init()).pack(sp.layout());
            assertTrue(sp.physical(y));
            y[sp.layout().rIndex(0, 0)] = 0.5; // Q_11 = 0.2 < 0.25 = R_11² / T_11
            assertFalse(sp.physical(y));
        }
    }

    /** A start far from every stationary point in a region the Newton solve cannot leave returns null, not a point. */
    @Test
    void noConvergenceGivesNull() {
        ExperimentConfig c = committee(2, 1, 10);
        try (StationaryPoints sp = new StationaryPoints(c, OrderParameters.fromInit(c.init()))) {
            double[] y = new double[sp.layout().dimension()];
            java.util.Arrays.fill(y, Double.NaN);
            assertNull(sp.solve(y));
        }
    }
}
