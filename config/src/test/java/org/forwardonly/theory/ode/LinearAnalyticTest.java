package org.forwardonly.theory.ode;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Linear activation, K = M = 1, fixed second layer (etaV = 0): the ODE against its analytic solution.
 *
 * <p>Derivation (docs/model.md §3-4 with linear g: I3(k,b,c) = C_bc, I4(k,l,c,d) = C_cd, J2 = 1;
 * feedback b = v for bp, fixed b for fa; minibatch B):
 * <pre>
 *   dR/dt = η b (v* T − v R)                      = −a (R − R∞),   a = η b v,  R∞ = v* T / v
 *   dQ/dt = 2 η b (v* R − v Q) + (η² b²/B)(v*² T − 2 v v* R + v² Q + σ²)
 *         = −γ Q + β R + κ,   γ = 2ηbv − η²b²v²/B,  β = 2ηbv* − 2η²b²v v* / B,  κ = η²b²(v*²T + σ²)/B
 * </pre>
 * so R(t) = R∞ + (R0 − R∞) e^{−a t} and, substituting, Q(t) = A + D e^{−a t} + (Q0 − A − D) e^{−γ t}
 * with A = (β R∞ + κ)/γ and D = β (R0 − R∞)/(γ − a) (γ ≠ a). Then
 * ε_g = ½ (v² Q − 2 v v* R + v*² T).
 */
class LinearAnalyticTest {

    @ParameterizedTest(name = "{0} b={1} v={2} B={3} {4}")
    @CsvSource({
            "bp, 0.8, 0.8, 1, dp853",
            "bp, 1.1, 1.1, 2, dp853",
            "fa, 0.6, 0.8, 4, dp853",
            "fa, -0.5, -1.2, 1, dp853",
            "bp, 0.8, 0.8, 1, dp54",
            "fa, 0.6, 0.8, 4, dp54",
    })
    void matchesAnalyticSolution(String rule, double b, double v, int B, String integrator) {
        double eta = 0.5, sigma = 0.3, vStar = 1.0, T = 1.2, Q0 = 0.9, R0 = 0.1;
        ExperimentConfig config = ConfigParser.parse("{\"rule\":\"" + rule + "\",\"activation\":\"linear\",\"K\":1,\"M\":1,"
                + "\"eta\":" + eta + ",\"etaV\":0,\"sigma\":" + sigma + ",\"batchSize\":" + B + ",\"integrator\":\"" + integrator + "\","
                + "\"rtol\":1e-11,\"atol\":1e-13,\"tMax\":20,\"timeSpacing\":\"linear\",\"nTimes\":41,"
                + "\"init\":{\"Q\":[[" + Q0 + "]],\"R\":[[" + R0 + "]],\"T\":[[" + T + "]],\"v\":[" + v + "],\"vStar\":[" + vStar + "]"
                + (rule.equals("fa") ? ",\"b\":[" + b + "]" : "") + "}}");
        OdeResult result = Experiments.integrate(config, OrderParameters.fromInit(config.init()), IntegrationObserver.NONE);
        assertFalse(result.diverged());
        Trajectory tr = result.trajectory();
        assertEquals(41, tr.size());

        double a = eta * b * v, rInf = vStar * T / v;
        double gamma = 2 * eta * b * v - eta * eta * b * b * v * v / B;
        double beta = 2 * eta * b * vStar - 2 * eta * eta * b * b * v * vStar / B;
        double kappa = eta * eta * b * b * (vStar * vStar * T + sigma * sigma) / B;
        double A = (beta * rInf + kappa) / gamma, D = beta * (R0 - rInf) / (gamma - a);
        double[] R = tr.column("R_1_1"), Q = tr.column("Q_1_1"), eps = tr.column("eps_g"), vs = tr.column("v_1");
        for (int i = 0; i < tr.size(); i++) {
            double t = tr.times()[i];
            double rExact = rInf + (R0 - rInf) * Math.exp(-a * t);
            double qExact = A + D * Math.exp(-a * t) + (Q0 - A - D) * Math.exp(-gamma * t);
            double epsExact = 0.5 * (v * v * qExact - 2 * v * vStar * rExact + vStar * vStar * T);
            // dp853 or dp54 at rtol 1e-11 on a smooth linear system over t <= 20: global error well below 1e-8
            assertEquals(rExact, R[i], 1e-8, "R at t=" + t);
            assertEquals(qExact, Q[i], 1e-8, "Q at t=" + t);
            assertEquals(epsExact, eps[i], 1e-8, "eps_g at t=" + t);
            assertEquals(v, vs[i], 0.0, "v is fixed when etaV = 0");
        }
    }
}
