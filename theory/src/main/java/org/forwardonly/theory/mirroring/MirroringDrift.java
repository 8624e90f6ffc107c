package org.forwardonly.theory.mirroring;

import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.averaging.Drift;
import org.forwardonly.theory.config.Mirroring;
import org.forwardonly.theory.state.StateLayout;

/**
 * The weight-mirroring terms of docs/model.md §6, added to the drift of c, d and P. A mirroring
 * step F ← F + (η_wm/N)(ξ ŷ(ξ) − λ_wm F), ξ ~ N(0, a² I_N), with r steps per learning step,
 * gives per unit time (Stein's lemma on the noise fields μ = Wξ/√N, Cov μ = a² Q):
 *
 * <pre>
 *   [dc_k] = r η_wm ( a² Σ_j Q_kj v_j D_j − λ_wm c_k )
 *   [dd_m] = r η_wm ( a² Σ_j R_jm v_j D_j − λ_wm d_m )
 *   [dP]   = r [ 2 η_wm ( a² Σ_j c_j v_j D_j − λ_wm P ) + η_wm² a² E[ŷ(ξ)²] ]
 * </pre>
 *
 * with D_j = E[g'(μ_j)]. The η_wm² term is the norm the isotropic noise part of each step adds
 * to F: |ξ ŷ|² ≈ N a² ŷ², O(1/N) per step like the drift. With {@code rescale} (|F| = σ_F after
 * every step), P is fixed and c, d lose the part along F: dc = [dc] − c [dP]/(2P),
 * dd = [dd] − d [dP]/(2P), dP = 0.
 */
public final class MirroringDrift {
    private final Mirroring mirroring;
    private final Activation g;
    private final double[] slope; // v_j D_j

    /**
     * @param mirroring the config's mirroring parameters
     * @param g the student activation (mirroring reads the student's response to noise)
     * @param K student hidden units
     */
    public MirroringDrift(Mirroring mirroring, Activation g, int K) {
        this.mirroring = mirroring;
        this.g = g;
        this.slope = new double[K];
    }

    /**
     * With rescale, the simulation's first mirroring step sets |F| = σ_F exactly, a jump of
     * relative size O(1/√N) from the drawn |F|: c and d scale by σ_F/√P and P becomes σ_F².
     * Applies that jump to a packed initial state.
     */
    public static void rescaleStart(StateLayout layout, double[] y, double sigmaF) {
        double P = y[layout.pIndex()];
        if (!(P > 0)) return;
        double scale = sigmaF / Math.sqrt(P);
        for (int k = 0; k < layout.K(); k++) y[layout.cIndex(k)] *= scale;
        for (int m = 0; m < layout.M(); m++) y[layout.dIndex(m)] *= scale;
        y[layout.pIndex()] = sigmaF * sigmaF;
    }

    /** Adds the mirroring terms at one state to {@code out.dc}, {@code out.dd}, {@code out.dP}. */
    public void addTo(double[][] Q, double[][] R, double[] v, double[] c, double[] d, double P, Drift out) {
        int K = v.length, M = d.length;
        double a2 = mirroring.a() * mirroring.a();
        double etaWm = mirroring.etaWm(), lambdaWm = mirroring.lambdaWm(), r = mirroring.r();
        for (int j = 0; j < K; j++) slope[j] = v[j] * NoiseResponse.meanSlope(g, a2 * Q[j][j]);
        // E[ŷ(ξ)²] = Σ_ij v_i v_j E[g(μ_i) g(μ_j)], Cov μ = a² Q
        double y2 = 0;
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                y2 += v[i] * v[j] * NoiseResponse.secondMoment(g, a2 * Q[i][i], a2 * Q[j][j], a2 * Q[i][j]);
            }
        }
        double cSlope = 0;
        for (int j = 0; j < K; j++) cSlope += c[j] * slope[j];
        double dP = r * (2 * etaWm * (a2 * cSlope - lambdaWm * P) + etaWm * etaWm * a2 * y2);
        double shrink = mirroring.rescale() ? dP / (2 * P) : 0.0;
        for (int k = 0; k < K; k++) {
            double qs = 0;
            for (int j = 0; j < K; j++) qs += Q[k][j] * slope[j];
            out.dc[k] += r * etaWm * (a2 * qs - lambdaWm * c[k]) - shrink * c[k];
        }
        for (int m = 0; m < M; m++) {
            double rs = 0;
            for (int j = 0; j < K; j++) rs += R[j][m] * slope[j];
            out.dd[m] += r * etaWm * (a2 * rs - lambdaWm * d[m]) - shrink * d[m];
        }
        if (!mirroring.rescale()) out.dP += dP;
    }
}
