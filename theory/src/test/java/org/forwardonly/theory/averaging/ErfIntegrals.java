package org.forwardonly.theory.averaging;

/**
 * Test oracle: the closed-form erf averages of docs/model.md §3, typed in from the formulas (not
 * shared with the code under test), over an explicit covariance matrix C of named fields.
 */
final class ErfIntegrals {
    private final double[][] C;

    ErfIntegrals(double[][] C) {
        this.C = C;
    }

    double I2(int a, int b) {
        return 2 / Math.PI * Math.asin(C[a][b] / Math.sqrt((1 + C[a][a]) * (1 + C[b][b])));
    }

    double I3(int a, int b, int c) {
        double l3 = (1 + C[a][a]) * (1 + C[c][c]) - C[a][c] * C[a][c];
        return 2 / Math.PI * (C[b][c] * (1 + C[a][a]) - C[a][b] * C[a][c]) / ((1 + C[a][a]) * Math.sqrt(l3));
    }

    double I4(int a, int b, int c, int d) {
        double l4 = (1 + C[a][a]) * (1 + C[b][b]) - C[a][b] * C[a][b];
        double l0 = l4 * C[c][d] - C[b][c] * C[b][d] * (1 + C[a][a]) - C[a][c] * C[a][d] * (1 + C[b][b])
                + C[a][b] * C[a][c] * C[b][d] + C[a][b] * C[a][d] * C[b][c];
        double l1 = l4 * (1 + C[c][c]) - C[b][c] * C[b][c] * (1 + C[a][a]) - C[a][c] * C[a][c] * (1 + C[b][b])
                + 2 * C[a][b] * C[a][c] * C[b][c];
        double l2 = l4 * (1 + C[d][d]) - C[b][d] * C[b][d] * (1 + C[a][a]) - C[a][d] * C[a][d] * (1 + C[b][b])
                + 2 * C[a][b] * C[a][d] * C[b][d];
        return 4 / (Math.PI * Math.PI) / Math.sqrt(l4) * Math.asin(l0 / Math.sqrt(l1 * l2));
    }

    double J2(int a, int b) {
        return 2 / Math.PI / Math.sqrt((1 + C[a][a]) * (1 + C[b][b]) - C[a][b] * C[a][b]);
    }
}
