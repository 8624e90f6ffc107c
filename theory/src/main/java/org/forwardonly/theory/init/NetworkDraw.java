package org.forwardonly.theory.init;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.forwardonly.theory.config.ExperimentConfig;

/**
 * A finite-N draw of teacher, student and feedback vector from a seed (docs/model.md §1-2): the
 * one place that initialises networks, so that the ODE started from a seed and the
 * simulation with that seed begin from the same order parameters.
 *
 * <p>Student and teacher first-layer weights are i.i.d. N(0,1) (so Q_kk, T_mm ≈ 1); the
 * student's second layer v_k ~ N(0,1); the teacher's second layer is all ones (or N(0,1) with
 * {@code teacherSecondLayer = gaussian}); fa's feedback b_k ~ N(0,1); F_i ~ N(0, σ_F²/N).
 * The draw order is fixed (W*, v*, W, v, b, F) so that a seed always means the same network.
 *
 * <p>With {@code alignF = α ≠ 0} the drawn F is then turned partly toward the student:
 * F = σ_F (α û + √(1−α²) ξ̂), where û = Wᵀv/|Wᵀv| and ξ̂ is the drawn F's direction with its
 * û-component removed. Then |F| = σ_F exactly and c ≈ α σ_F Qv/√(vᵀQv), so that AFA's feedback
 * −s c starts along ±v. α = 0 leaves the draw untouched.
 */
public final class NetworkDraw {
    private NetworkDraw() {}

    /** The weights drawn for one seed. Arrays are owned by the caller (the simulation trains them in place). */
    public record Drawn(double[][] W, double[][] Wstar, double[] F, double[] v, double[] vStar, double[] b) {
        /** Input dimension N. */
        public int N() {
            return F.length;
        }
    }

    /** The random source for a seed: xoroshiro128++, fast and of high statistical quality. */
    public static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** Draws the networks of {@code config} at its N with the given seed. */
    public static Drawn draw(ExperimentConfig config, long seed) {
        Drawn d = draw(config.K(), config.M(), config.N(), config.sigmaF(),
                "gaussian".equals(config.teacherSecondLayer()), seed);
        if (config.alignF() != 0 && config.sigmaF() > 0) alignF(d, config.alignF(), config.sigmaF());
        return d;
    }

    /** Turns F in place to σ_F (α û + √(1−α²) ξ̂), û = Wᵀv/|Wᵀv| (see the class comment). */
    public static void alignF(Drawn d, double alpha, double sigmaF) {
        int N = d.N();
        double[] u = new double[N];
        for (int k = 0; k < d.v().length; k++) {
            for (int i = 0; i < N; i++) u[i] += d.v()[k] * d.W()[k][i];
        }
        scaleToUnit(u);
        double[] F = d.F();
        double fu = 0;
        for (int i = 0; i < N; i++) fu += F[i] * u[i];
        for (int i = 0; i < N; i++) F[i] -= fu * u[i];
        scaleToUnit(F);
        double across = Math.sqrt(1 - alpha * alpha);
        for (int i = 0; i < N; i++) F[i] = sigmaF * (alpha * u[i] + across * F[i]);
    }

    private static void scaleToUnit(double[] x) {
        double n2 = 0;
        for (double e : x) n2 += e * e;
        double inv = 1 / Math.sqrt(n2);
        for (int i = 0; i < x.length; i++) x[i] *= inv;
    }

    /** Draws K student and M teacher units at input dimension N. */
    public static Drawn draw(int K, int M, int N, double sigmaF, boolean gaussianTeacherSecondLayer, long seed) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng(seed));
        double[][] Wstar = gaussianMatrix(gauss, M, N);
        double[] vStar = new double[M];
        for (int m = 0; m < M; m++) vStar[m] = gaussianTeacherSecondLayer ? gauss.sample() : 1.0;
        double[][] W = gaussianMatrix(gauss, K, N);
        double[] v = new double[K];
        for (int k = 0; k < K; k++) v[k] = gauss.sample();
        double[] b = new double[K];
        for (int k = 0; k < K; k++) b[k] = gauss.sample();
        double[] F = new double[N];
        double scale = sigmaF / Math.sqrt(N);
        for (int i = 0; i < N; i++) F[i] = scale * gauss.sample();
        return new Drawn(W, Wstar, F, v, vStar, b);
    }

    private static double[][] gaussianMatrix(ZigguratSampler.NormalizedGaussian gauss, int rows, int N) {
        double[][] A = new double[rows][N];
        for (double[] row : A) {
            for (int i = 0; i < N; i++) row[i] = gauss.sample();
        }
        return A;
    }
}
