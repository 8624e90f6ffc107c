package org.forwardonly.theory.quadrature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CholeskyFactorTest {

    @Test
    void reproducesADefiniteMatrixAndSolves() {
        double[] C = {4, 2, 0.4, 2, 3, 0.5, 0.4, 0.5, 2};
        CholeskyFactor L = new CholeskyFactor(3);
        assertEquals(0, L.factor(C));
        assertReproduces(C, L, 3, 1e-14);
        // gamma holds old values (the engine reuses it): solving must only read the entries it has written
        double[] b = {1, -2, 0.5}, gamma = {7, 7, 7}, back = new double[3];
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
        assertReproduces(C, L, 3, 1e-12);
    }

    private static void assertReproduces(double[] C, CholeskyFactor L, int n, double tol) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += L.get(i, k) * L.get(j, k);
                assertEquals(C[i * n + j], s, tol, "L L^T at " + i + "," + j);
            }
        }
    }

    @Test
    void aDroppedPivotBeforeTheLastRowLeavesZerosNotNaN() {
        // u_1 = u_0 (rank 2) with a further field after it: the column of the dropped pivot is 0 in the rows below,
        // and solving L γ = b for a b consistent with C (Cov(u_1, φ) = Cov(u_0, φ)) gives γ_1 = 0 and L γ = b
        // the factor is reused (as the engine does, once per right-hand side): a definite matrix first, so that an
        // entry not rewritten would keep its old value
        double[] C = {1, 1, 0.3, 1, 1, 0.3, 0.3, 0.3, 1};
        CholeskyFactor L = new CholeskyFactor(3);
        assertEquals(3, L.size());
        assertEquals(0, L.factor(new double[] {4, 2, 0.4, 2, 3, 0.5, 0.4, 0.5, 2}));
        assertEquals(1, L.factor(C));
        for (int i = 0; i < 3; i++) for (int j = i + 1; j < 3; j++) assertEquals(0.0, L.get(i, j), 0.0, "above the diagonal");
        assertEquals(0.0, L.get(1, 1), 0.0);
        assertEquals(0.0, L.get(2, 1), 0.0);
        assertReproduces(C, L, 3, 1e-14);
        double[] b = {0.5, 0.5, -0.2}, gamma = new double[3], back = new double[3];
        L.solveLower(b, gamma);
        assertEquals(0.0, gamma[1], 0.0);
        L.multiply(gamma, back);
        for (int i = 0; i < 3; i++) assertEquals(b[i], back[i], 1e-14);
    }

    @Test
    void thePivotToleranceIsRelativeToTheLargestDiagonalEntry() {
        // a pivot of 1e-14 of the scale (below PIVOT_TOLERANCE = 1e-13) is dropped however large the scale, and
        // wherever the largest diagonal entry sits (here last, alone); one of 1e-6 of the scale is kept however small.
        // The small case first: the dropped pivot must then overwrite the kept one.
        CholeskyFactor L = new CholeskyFactor(3);
        double t = 1e-16;
        double[] small = {t, 0, 0, 0, t, t, 0, t, t * (1 + 1e-6)};
        assertEquals(0, L.factor(small), "pivot 1e-22 at scale 1e-16");
        assertEquals(Math.sqrt(t * 1e-6), L.get(2, 2), 1e-6 * Math.sqrt(t * 1e-6));
        assertReproduces(small, L, 3, 1e-30);
        // u_2 = 1e4 u_1 + a 1e-6 part: the diagonal (1, 1, 1e8), pivot 1e-6 = 1e-14 of the scale
        double s = 1e8;
        double[] big = {1, 0, 0, 0, 1, 1e4, 0, 1e4, s * (1 + 1e-14)};
        assertEquals(1, L.factor(big), "pivot 1e-6 at scale 1e8");
        assertEquals(0.0, L.get(2, 2), 0.0);
        assertEquals(2, new CholeskyFactor(2).factor(new double[] {0, 0, 0, 0}), "the zero matrix: every pivot dropped");
    }
}
