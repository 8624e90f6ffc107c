package org.forwardonly.theory.quadrature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CholeskyFactorTest {

    @Test
    void reproducesADefiniteMatrixAndSolves() {
        double[] C = {4, 2, 0.4, 2, 3, 0.5, 0.4, 0.5, 2};
        CholeskyFactor L = new CholeskyFactor(3);
        assertEquals(0, L.factor(C));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += L.get(i, k) * L.get(j, k);
                assertEquals(C[i * 3 + j], s, 1e-14, "L L^T at " + i + "," + j);
            }
        }
        double[] b = {1, -2, 0.5}, gamma = new double[3], back = new double[3];
        L.solveLower(b, gamma);
        L.multiply(gamma, back);
        for (int i = 0; i < 3; i++) assertEquals(b[i], back[i], 1e-14);
    }

    @Test
    void dropsTheSingularDirectionOfASemidefiniteMatrix() {
        // u_2 = u_0 exactly (a student unit equal to a teacher unit): rank 2
        double[] C = {1, 0.3, 1, 0.3, 1, 0.3, 1, 0.3, 1};
        CholeskyFactor L = new CholeskyFactor(3);
        assertEquals(1, L.factor(C));
        assertEquals(0.0, L.get(2, 2), 0.0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) s += L.get(i, k) * L.get(j, k);
                assertEquals(C[i * 3 + j], s, 1e-12, "L L^T at " + i + "," + j);
            }
        }
    }
}
