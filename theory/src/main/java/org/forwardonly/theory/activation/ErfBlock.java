package org.forwardonly.theory.activation;

/**
 * erf(z/√2) for a block of arguments in arithmetic the JIT vectorises (the exact engine's forward
 * passes over a block of 256 points): {@link ChebyshevErf} looks its coefficients up per argument,
 * this evaluates a whole block in one loop, faster per argument (docs/performance.md, "Measurements behind the code").
 * With x = |z|/√2 (held at 6, where 1 − erf(x) = 2e-17 is below double precision):
 * erfc(x) = t exp(−x² + P(t)), t = 1/(1 + x/2), the classic form (Numerical Recipes' erfcc) with P a
 * Chebyshev series of degree 18 in t over x ∈ [0, 7], fitted to the exact log(erfc(x) e^{x²}/t) at 600
 * Chebyshev nodes in 40-digit arithmetic ({@code scripts/fit-erf-block.py} prints these coefficients; the
 * truncation: 1e-14 relative in erfc); the exponential is (exp(a/2048))^2048 by {@link Exp2048}.
 * erf = 1 − erfc, so the error is absolute:
 * within 2.5e-13 of {@link ChebyshevErf} on the whole line ({@code ErfBlockTest}), not the same bits.
 * The computation runs in six passes over the block: one loop with all of it was too large for the
 * JIT to vectorise (it unrolls only small loops) and took 31 ns per argument; the sign has a pass
 * of its own because {@code Math.copySign} kept the loop it was in scalar.
 */
final class ErfBlock {
    private ErfBlock() {}

    private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    /** t at x = 7, the fit's lower end: u = (2t − (T_LOW + 1))/(1 − T_LOW) maps t ∈ [T_LOW, 1] to [−1, 1]. */
    private static final double T_LOW = 1.0 / 4.5;

    /** Rows of scratch the block needs, each at least as long as the block. */
    static final int SCRATCH_ROWS = 5;

    /** out[i] = erf(z[i]/√2) for i &lt; n; scratch: {@value #SCRATCH_ROWS} arrays of length ≥ n. */
    static void g(double[] z, double[] out, int n, double[][] scratch) {
        double[] u = scratch[0], t = scratch[1], x2 = scratch[2], c1 = scratch[3], c2 = scratch[4];
        for (int i = 0; i < n; i++) {
            double x = Math.min(Math.abs(z[i]) * INV_SQRT2, 6.0);
            double ti = 1.0 / (1.0 + 0.5 * x);
            t[i] = ti;
            x2[i] = x * x;
            u[i] = (2 * ti - (T_LOW + 1)) * (1.0 / (1 - T_LOW));
        }
        // P(t) by Clenshaw's recurrence, in two passes (coefficients 18 … 10, then 9 … 0)
        for (int i = 0; i < n; i++) {
            double u2 = 2 * u[i];
            double b1 = 0, b2 = 0, b0;
            b0 = u2 * b1 - b2 + 4.3672634726260984e-14; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -2.6523284641124526e-13; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -1.4422806361898756e-13; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + 7.633316162785237e-12; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -2.4019439471412946e-11; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -1.1611783283205927e-10; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + 1.0211965871147494e-09; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -2.5369099435087277e-10; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -2.6264400267883885e-08; b2 = b1; b1 = b0;
            c1[i] = b1;
            c2[i] = b2;
        }
        for (int i = 0; i < n; i++) {
            double uu = u[i], u2 = 2 * uu;
            double b1 = c1[i], b2 = c2[i], b0;
            b0 = u2 * b1 - b2 + 8.408060396988056e-08; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + 4.88387718978909e-07; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -3.658915407364518e-06; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -5.803580722351308e-06; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + 0.00012926870621330892; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -2.9909278135255968e-05; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + -0.005313650424705853; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + 0.004224228158871755; b2 = b1; b1 = b0;
            b0 = u2 * b1 - b2 + 0.5172648053826728; b2 = b1; b1 = b0;
            double P = uu * b1 - b2 + -0.5162658268873469;
            c1[i] = (P - x2[i]) * (1.0 / 2048);
        }
        // exp(2048 s), s = (P − x²)/2048 ∈ [−0.02, 0.001], by Exp2048 in two passes (one was too large to vectorise)
        for (int i = 0; i < n; i++) c1[i] = Exp2048.taylor(c1[i]);
        for (int i = 0; i < n; i++) c1[i] = 1.0 - t[i] * Exp2048.toThe2048th(c1[i]);
        // the sign apart: Math.copySign is not a vector instruction here, and in the loop of the squarings it kept them scalar
        for (int i = 0; i < n; i++) out[i] = Math.copySign(c1[i], z[i]);
    }
}
