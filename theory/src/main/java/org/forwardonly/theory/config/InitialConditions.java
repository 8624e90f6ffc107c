package org.forwardonly.theory.config;

/**
 * Explicit initial order parameters (the config's {@code init} object). Arrays are not
 * copied on access: treat them as read-only. Optional entries are null when absent.
 *
 * @param Q student overlaps, K×K symmetric positive-definite
 * @param R student-teacher overlaps, K×M
 * @param T teacher overlaps, M×M symmetric positive-definite
 * @param v student second layer, K
 * @param vStar teacher second layer, M
 * @param b fixed feedback of fa, K (or null)
 * @param c adaptive feedback w_k·F/√N, K (or null)
 * @param d teacher feedback overlaps w*_m·F/√N, M (or null)
 * @param P |F|² (NaN when absent)
 */
public record InitialConditions(double[][] Q, double[][] R, double[][] T, double[] v, double[] vStar,
                                double[] b, double[] c, double[] d, double P) {
}
