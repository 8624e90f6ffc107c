package org.forwardonly.theory.integrals;

import org.forwardonly.theory.activation.Activation;

/**
 * The closed forms of docs/model.md §3 for g(z) = erf(z/√2) and for linear g. ReLU has no closed
 * form for I4 and is left to numerical integration.
 */
public enum ClosedFormAverages implements GaussianAverages {

    /** g(z) = erf(z/√2). */
    ERF {
        @Override
        public double i2(double[][] C, int a, int b) {
            return TWO_OVER_PI * Math.asin(C[a][b] / Math.sqrt((1 + C[a][a]) * (1 + C[b][b])));
        }

        @Override
        public double i3(double[][] C, int a, int b, int c) {
            double oneA = 1 + C[a][a];
            double lambda3 = oneA * (1 + C[c][c]) - C[a][c] * C[a][c];
            return TWO_OVER_PI * (C[b][c] * oneA - C[a][b] * C[a][c]) / (oneA * Math.sqrt(lambda3));
        }

        @Override
        public double i4(double[][] C, int a, int b, int c, int d) {
            double oneA = 1 + C[a][a], oneB = 1 + C[b][b];
            double ab = C[a][b], ac = C[a][c], ad = C[a][d], bc = C[b][c], bd = C[b][d];
            double lambda4 = oneA * oneB - ab * ab;
            double lambda0 = lambda4 * C[c][d] - bc * bd * oneA - ac * ad * oneB + ab * ac * bd + ab * ad * bc;
            double lambda1 = lambda4 * (1 + C[c][c]) - bc * bc * oneA - ac * ac * oneB + 2 * ab * ac * bc;
            double lambda2 = lambda4 * (1 + C[d][d]) - bd * bd * oneA - ad * ad * oneB + 2 * ab * ad * bd;
            return FOUR_OVER_PI2 / Math.sqrt(lambda4) * Math.asin(lambda0 / Math.sqrt(lambda1 * lambda2));
        }

        @Override
        public double j2(double[][] C, int a, int b) {
            return TWO_OVER_PI / Math.sqrt((1 + C[a][a]) * (1 + C[b][b]) - C[a][b] * C[a][b]);
        }

        @Override
        public double gPrime(double[][] C, int a) {
            return SQRT_2_OVER_PI / Math.sqrt(1 + C[a][a]);
        }

        @Override
        public double gPrimeGG(double[][] C, int a, int c, int d) {
            // docs/model.md §2: E[g'(a) f] = √(2/π)(1+C_aa)^(-1/2) E'[f], E' over C' = C − C_·a C_a·/(1+C_aa)
            double oneA = 1 + C[a][a];
            double cd = C[c][d] - C[c][a] * C[a][d] / oneA;
            double cc = C[c][c] - C[c][a] * C[a][c] / oneA;
            double dd = C[d][d] - C[d][a] * C[a][d] / oneA;
            return SQRT_2_OVER_PI / Math.sqrt(oneA) * TWO_OVER_PI * Math.asin(cd / Math.sqrt((1 + cc) * (1 + dd)));
        }
    },

    /** g(z) = z: every average is a covariance. */
    LINEAR {
        @Override
        public double i2(double[][] C, int a, int b) {
            return C[a][b];
        }

        @Override
        public double i3(double[][] C, int a, int b, int c) {
            return C[b][c];
        }

        @Override
        public double i4(double[][] C, int a, int b, int c, int d) {
            return C[c][d];
        }

        @Override
        public double j2(double[][] C, int a, int b) {
            return 1.0;
        }

        @Override
        public double gPrime(double[][] C, int a) {
            return 1.0;
        }

        @Override
        public double gPrimeGG(double[][] C, int a, int c, int d) {
            return C[c][d];
        }
    };

    static final double TWO_OVER_PI = 2.0 / Math.PI;
    static final double FOUR_OVER_PI2 = 4.0 / (Math.PI * Math.PI);
    static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    /** True when the activation has closed forms (erf, linear). */
    public static boolean has(Activation g) {
        return g == Activation.ERF || g == Activation.LINEAR;
    }

    /** The closed forms of an activation; IllegalArgumentException for ReLU. */
    public static ClosedFormAverages of(Activation g) {
        return switch (g) {
            case ERF -> ERF;
            case LINEAR -> LINEAR;
            default -> throw new IllegalArgumentException("no closed-form Gaussian averages for activation '"
                    + g.configName() + "' (closed forms exist for erf and linear)");
        };
    }
}
