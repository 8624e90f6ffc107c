package org.forwardonly.simulation.training;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.init.NetworkDraw;
import org.forwardonly.theory.rules.Rules;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single steps of the trainer against updates computed independently here, from the
 * definitions in docs/model.md §1-2 (not from the rule classes). Tolerance 1e-12 absolute: the two
 * computations differ only in the order of floating-point operations on O(1) numbers.
 */
class OnlineTrainerTest {
    private static final int N = 64, K = 3, M = 2;
    private static final double ETA = 0.7, ETA_V = 0.4, SIGMA = 0.3, SIGMA_F = 0.8, TOL = 1e-12;

    private static Network network(long seed) {
        return Network.of(NetworkDraw.draw(K, M, N, SIGMA_F, true, seed));
    }

    private static OnlineTrainer trainer(Network net, String rule, Activation g, int s, int batch,
                                         UniformRandomProvider rng) {
        return new OnlineTrainer(net, Rules.byName(rule, true), g, g, ETA, ETA_V, SIGMA, s, batch, rng, null);
    }

    private static double[] input(long seed) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(NetworkDraw.rng(seed));
        double[] x = new double[N];
        for (int i = 0; i < N; i++) x[i] = gauss.sample();
        return x;
    }

    private static double[] fields(double[] A, int rows, double[] x) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int i = 0; i < N; i++) s += A[r * N + i] * x[i];
            out[r] = s / Math.sqrt(N);
        }
        return out;
    }

    private static double error(Network net, Activation g, double[] x, double zeta) {
        double[] lam = fields(net.W, K, x), nu = fields(net.Wstar, M, x);
        double yHat = 0, y = SIGMA * zeta;
        for (int k = 0; k < K; k++) yHat += net.v[k] * g.g(lam[k]);
        for (int m = 0; m < M; m++) y += net.vStar[m] * g.g(nu[m]);
        return yHat - y;
    }

    @Test
    void ffStepForReluIsThePepitaHebbianUpdate() {
        for (int s : new int[] {-1, 1}) {
            Network net = network(11);
            Network before = net.copy();
            double[] x = input(99);
            double zeta = 0.37;
            trainer(net, "ff", Activation.RELU, s, 1, NetworkDraw.rng(5)).applySample(x, zeta);

            // W_new = W − η/√N (h xᵀ − h̃ x̃ᵀ), x̃ = x + s F e, h = relu(Wx/√N), h̃ = relu(Wx̃/√N)
            double e = error(before, Activation.RELU, x, zeta);
            double[] xt = new double[N];
            for (int i = 0; i < N; i++) xt[i] = x[i] + s * before.F[i] * e;
            double[] lam = fields(before.W, K, x), lamT = fields(before.W, K, xt);
            for (int k = 0; k < K; k++) {
                double h = Math.max(0, lam[k]), hT = Math.max(0, lamT[k]);
                for (int i = 0; i < N; i++) {
                    double expected = before.W[k * N + i] - ETA / Math.sqrt(N) * (h * x[i] - hT * xt[i]);
                    assertEquals(expected, net.W[k * N + i], TOL, "W[" + k + "][" + i + "], s=" + s);
                }
                // the last layer learns from h̃
                assertEquals(before.v[k] - ETA_V / N * e * hT, net.v[k], TOL, "v_" + k);
            }
            assertTrue(anyDiffers(before.W, net.W), "the step must move W");
        }
    }

    @Test
    void pepitaStepUsesTheModulatedInputForBothPasses() {
        for (int s : new int[] {-1, 1}) {
            Network net = network(12);
            Network before = net.copy();
            double[] x = input(98);
            double zeta = -0.8;
            trainer(net, "pepita", Activation.ERF, s, 1, NetworkDraw.rng(5)).applySample(x, zeta);

            // docs/model.md §2: w_k ← w_k − (η/√N)(h_k − h̃_k) x̃, h̃ = g(W x̃/√N), v ← v − (η_v/N) e h̃
            Activation g = Activation.ERF;
            double e = error(before, g, x, zeta);
            double[] xt = new double[N];
            for (int i = 0; i < N; i++) xt[i] = x[i] + s * before.F[i] * e;
            double[] lam = fields(before.W, K, x), lamT = fields(before.W, K, xt);
            for (int k = 0; k < K; k++) {
                double d = g.g(lam[k]) - g.g(lamT[k]);
                for (int i = 0; i < N; i++) {
                    assertEquals(before.W[k * N + i] - ETA / Math.sqrt(N) * d * xt[i], net.W[k * N + i], TOL);
                }
                assertEquals(before.v[k] - ETA_V / N * e * g.g(lamT[k]), net.v[k], TOL);
            }
        }
    }

    @Test
    void faStepUsesTheFixedFeedbackInPlaceOfV() {
        // docs/model.md §2: δ_k = b_k g'(λ_k) e with b fixed, w_k ← w_k − (η/√N) δ_k x, v ← v − (η_v/N) e g(λ)
        Network net = network(14);
        Network before = net.copy();
        double[] x = input(96);
        double zeta = 0.6;
        trainer(net, "fa", Activation.ERF, -1, 1, NetworkDraw.rng(5)).applySample(x, zeta);
        Activation g = Activation.ERF;
        double e = error(before, g, x, zeta);
        double[] lam = fields(before.W, K, x);
        for (int k = 0; k < K; k++) {
            assertTrue(Math.abs(before.b[k] - before.v[k]) > 0.05, "b and v differ, so using v would fail the test");
            for (int i = 0; i < N; i++) {
                double delta = before.b[k] * g.gPrime(lam[k]) * e;
                assertEquals(before.W[k * N + i] - ETA / Math.sqrt(N) * delta * x[i], net.W[k * N + i], TOL);
            }
            assertEquals(before.v[k] - ETA_V / N * e * g.g(lam[k]), net.v[k], TOL);
        }
        assertTrue(java.util.Arrays.equals(before.b, net.b), "b is fixed");
    }

    @Test
    void afaStepUsesMinusSTimesTheOverlapOfWWithFAsFeedback() {
        // docs/model.md §2: c_k = w_k·F/√N, δ_k = −s c_k g'(λ_k) e, w_k ← w_k − (η/√N) δ_k x; last layer h:
        // v ← v − (η_v/N) e g(λ); last layer h̃ to first order in F: h̃_k = g(λ_k) + s c_k e g'(λ_k)
        for (boolean modulated : new boolean[] {false, true}) {
            for (int s : new int[] {-1, 1}) {
                Network net = network(15);
                Network before = net.copy();
                double[] x = input(95);
                double zeta = -0.45;
                new OnlineTrainer(net, Rules.byName("afa", modulated), Activation.ERF, Activation.ERF, ETA, ETA_V, SIGMA, s, 1,
                        NetworkDraw.rng(5), null).applySample(x, zeta);
                Activation g = Activation.ERF;
                double e = error(before, g, x, zeta);
                double[] lam = fields(before.W, K, x), c = fields(before.W, K, before.F);
                for (int k = 0; k < K; k++) {
                    double delta = -s * c[k] * g.gPrime(lam[k]) * e;
                    for (int i = 0; i < N; i++) {
                        assertEquals(before.W[k * N + i] - ETA / Math.sqrt(N) * delta * x[i], net.W[k * N + i], TOL,
                                "W[" + k + "][" + i + "], s = " + s);
                    }
                    double hPre = g.g(lam[k]) + (modulated ? s * c[k] * e * g.gPrime(lam[k]) : 0);
                    assertEquals(before.v[k] - ETA_V / N * e * hPre, net.v[k], TOL, "v_" + k + ", s = " + s + ", h̃ = " + modulated);
                }
                assertTrue(anyDiffers(before.W, net.W), "the step must move W");
            }
        }
    }

    @Test
    void bpStepIsTheGradientOfHalfTheSquaredError() {
        Network net = network(13);
        Network before = net.copy();
        double[] x = input(97);
        double zeta = 1.3;
        trainer(net, "bp", Activation.ERF, -1, 1, NetworkDraw.rng(5)).applySample(x, zeta);
        Activation g = Activation.ERF;
        double e = error(before, g, x, zeta);
        double[] lam = fields(before.W, K, x);
        for (int k = 0; k < K; k++) {
            for (int i = 0; i < N; i++) {
                double grad = e * before.v[k] * g.gPrime(lam[k]) * x[i] / Math.sqrt(N);
                assertEquals(before.W[k * N + i] - ETA * grad, net.W[k * N + i], TOL);
            }
            assertEquals(before.v[k] - ETA_V / N * e * g.g(lam[k]), net.v[k], TOL);
        }
    }

    @Test
    void carriedAdaptiveFeedbackEqualsTheOverlapOfTheWeightsWithF() {
        // single samples and minibatches of 3 (the batch path carries c through its own sums)
        for (int batch : new int[] {1, 3}) {
            for (String rule : new String[] {"afa", "pepita", "ff"}) {
                Network net = network(14);
                double[] c0 = fields(net.W, K, net.F);
                OnlineTrainer tr = trainer(net, rule, Activation.ERF, -1, batch, NetworkDraw.rng(6));
                tr.advanceTo(20 * N);
                double[] c = tr.c().clone();
                double[] exact = fields(net.W, K, net.F); // c = W F/√N
                // 1e-10: rounding accumulated over 1280 increments of size O(η/N)
                for (int k = 0; k < K; k++) {
                    assertEquals(exact[k], c[k], 1e-10, rule + " c_" + k + ", B = " + batch);
                    assertTrue(Math.abs(c[k] - c0[k]) > 1e-6, "c_" + k + " moved, so carrying it is tested");
                }
            }
        }
    }

    @Test
    void aMinibatchStepAveragesTheUpdatesOfItsSamples() {
        int B = 3;
        Network net = network(15);
        Network before = net.copy();
        trainer(net, "pepita", Activation.ERF, -1, B, NetworkDraw.rng(7)).step();

        // The same stream drawn here: x (N Gaussians) then ζ, per sample.
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(NetworkDraw.rng(7));
        double[] expectedW = before.W.clone(), expectedV = before.v.clone();
        Activation g = Activation.ERF;
        for (int n = 0; n < B; n++) {
            double[] x = new double[N];
            for (int i = 0; i < N; i++) x[i] = gauss.sample();
            double zeta = gauss.sample();
            double e = error(before, g, x, zeta); // every sample sees the weights before the step
            double[] xt = new double[N];
            for (int i = 0; i < N; i++) xt[i] = x[i] - before.F[i] * e;
            double[] lam = fields(before.W, K, x), lamT = fields(before.W, K, xt);
            for (int k = 0; k < K; k++) {
                double d = g.g(lam[k]) - g.g(lamT[k]);
                for (int i = 0; i < N; i++) expectedW[k * N + i] -= ETA / Math.sqrt(N) * d * xt[i] / B;
                expectedV[k] -= ETA_V / N * e * g.g(lamT[k]) / B;
            }
        }
        for (int j = 0; j < K * N; j++) assertEquals(expectedW[j], net.W[j], TOL);
        for (int k = 0; k < K; k++) assertEquals(expectedV[k], net.v[k], TOL);
    }

    @Test
    void aFeedbackUpdateHookSeesEveryStepAndResyncsC() {
        Network net = network(16);
        int[] calls = {0};
        OnlineTrainer tr = new OnlineTrainer(net, Rules.byName("afa", true), Activation.ERF, Activation.ERF, ETA,
                ETA_V, SIGMA, -1, 1, NetworkDraw.rng(8), nw -> {
                    calls[0]++;
                    for (int i = 0; i < nw.N; i++) nw.F[i] *= 0.5; // halves F, so c halves
                    return true;
                });
        tr.advanceTo(10);
        assertEquals(10, calls[0]);
        double[] exact = fields(net.W, K, net.F);
        for (int k = 0; k < K; k++) assertEquals(exact[k], tr.c()[k], TOL);
    }

    private static boolean anyDiffers(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return true;
        return false;
    }
}
