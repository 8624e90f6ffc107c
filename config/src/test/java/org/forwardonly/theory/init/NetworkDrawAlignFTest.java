package org.forwardonly.theory.init;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code alignF} option of the draw. */
class NetworkDrawAlignFTest {

    private static ExperimentConfig config(String extra) {
        return ConfigParser.parse("{\"rule\":\"pepita\",\"K\":2,\"M\":2,\"N\":4000,\"sigmaF\":0.3" + extra + "}");
    }

    @Test
    void zeroAlignmentLeavesTheDefaultDrawUnchanged() {
        NetworkDraw.Drawn plain = NetworkDraw.draw(2, 2, 4000, 0.3, false, 7);
        NetworkDraw.Drawn viaConfig = NetworkDraw.draw(config(",\"seed\":7"), 7);
        assertArrayEquals(plain.F(), viaConfig.F(), 0.0);
        assertArrayEquals(plain.W()[1], viaConfig.W()[1], 0.0);
    }

    @Test
    void alignedFHasNormSigmaFAndTheRequestedOverlapWithTheStudent() {
        double alpha = 0.6, sigmaF = 0.3;
        NetworkDraw.Drawn d = NetworkDraw.draw(config(",\"alignF\":0.6"), 3);
        int N = d.N();
        double P = 0, vQv = 0;
        double[] c = new double[2];
        double[] u = new double[N];
        for (int i = 0; i < N; i++) {
            P += d.F()[i] * d.F()[i];
            for (int k = 0; k < 2; k++) {
                c[k] += d.W()[k][i] * d.F()[i] / Math.sqrt(N);
                u[i] += d.v()[k] * d.W()[k][i];
            }
        }
        for (double x : u) vQv += x * x / N;
        // |F| = σ_F exactly (construction); tolerance: rounding only
        assertEquals(sigmaF * sigmaF, P, 1e-12);
        // F·(Wᵀv)/(√N √(vᵀQv)) = α σ_F exactly by construction, i.e. Σ_k v_k c_k = α σ_F √(vᵀQv)
        double vc = d.v()[0] * c[0] + d.v()[1] * c[1];
        assertEquals(alpha * sigmaF * Math.sqrt(vQv), vc, 1e-10);
    }
}
