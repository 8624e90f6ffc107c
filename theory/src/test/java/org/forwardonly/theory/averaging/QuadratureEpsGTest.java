package org.forwardonly.theory.averaging;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.quadrature.GaussianGrid;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ε_g by quadrature (the engine for mixed activations) against the erf closed form of docs/model.md §3,
 * ε_g = ½ Σ_ab w_a w_b I2(a, b) over the fields (ν, λ) with weights (−v*, v), typed in by {@link ErfIntegrals}.
 */
class QuadratureEpsGTest {
    private static final double[][] Q = {{1.1, 0.3}, {0.3, 0.8}}, R = {{0.6, -0.2}, {0.1, 0.5}}, T = {{1.0, 0.2}, {0.2, 0.9}};
    private static final double[] V = {0.9, -0.6}, V_STAR = {1.0, 0.7};

    private static double closedForm() {
        // fields in the order (ν_1, ν_2, λ_1, λ_2)
        double[][] C = new double[4][4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                C[i][j] = T[i][j];
                C[2 + i][2 + j] = Q[i][j];
                C[2 + i][j] = R[i][j];
                C[j][2 + i] = R[i][j];
            }
        }
        double[] w = {-V_STAR[0], -V_STAR[1], V[0], V[1]};
        ErfIntegrals I = new ErfIntegrals(C);
        double s = 0;
        for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) s += w[a] * w[b] * I.I2(a, b);
        return 0.5 * s;
    }

    @Test
    void tensorGridAndSobolPointsReproduceTheClosedForm() {
        double exact = closedForm();
        // 20^4 = 160 000 points: a tensor grid. Its error falls ~20x per 4 points here (measured 3.7e-4, 1.4e-5,
        // 6.1e-7 at n = 8, 12, 16), so ~3e-8 at n = 20 (measured 2.9e-8): asserted 1e-7
        QuadratureEpsG tensor = QuadratureEpsG.forFields(Activation.ERF, Activation.ERF, 2, 2, 20);
        assertEquals(exact, tensor.epsG(Q, R, T, V, V_STAR), 1e-7);
        // 40^4 > 3e5: 2^16 scrambled Sobol points, documented error about 1e-3 relative (measured 4e-5 here)
        QuadratureEpsG sobol = QuadratureEpsG.forFields(Activation.ERF, Activation.ERF, 2, 2, 40);
        double e = sobol.epsG(Q, R, T, V, V_STAR);
        assertEquals(exact, e, 1e-3 * exact);
        // and it is not a tensor grid, which would be within 1e-7 by now
        assertTrue(Math.abs(e - exact) > 1e-7, "Sobol points, not a tensor grid: error " + (e - exact));
    }

    @Test
    void aPointSetOfTooFewDimensionsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new QuadratureEpsG(Activation.ERF, Activation.RELU, 2, 2, GaussianGrid.tensor(3, 4)));
    }
}
