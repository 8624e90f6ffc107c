package org.forwardonly.simulation.network;

import org.forwardonly.theory.init.NetworkDraw;

/**
 * The weights of one finite-N teacher-student pair and the top-down feedback vector
 * (docs/model.md §1-2), as plain row-major arrays for the hot loops. Mutable: the trainer updates
 * W and v in place, a mirroring step may update F.
 *
 * <p>Row k of the student's first layer is {@code W[k*N .. k*N+N-1]}; the teacher's
 * {@code Wstar} is laid out the same way.
 */
public final class Network {
    /** Input dimension. */
    public final int N;
    /** Student hidden units K, teacher hidden units M. */
    public final int K, M;
    /** Student first layer, K×N row-major. */
    public final double[] W;
    /** Teacher first layer, M×N row-major (never trained). */
    public final double[] Wstar;
    /** Top-down feedback vector F (pepita, afa, ff). */
    public final double[] F;
    /** Student second layer v_k. */
    public final double[] v;
    /** Teacher second layer v*_m. */
    public final double[] vStar;
    /** Fixed random feedback b_k (fa). */
    public final double[] b;

    private Network(int N, int K, int M, double[] W, double[] Wstar, double[] F,
                    double[] v, double[] vStar, double[] b) {
        this.N = N;
        this.K = K;
        this.M = M;
        this.W = W;
        this.Wstar = Wstar;
        this.F = F;
        this.v = v;
        this.vStar = vStar;
        this.b = b;
    }

    /** Copies a seeded draw into row-major arrays (the draw itself is left untouched). */
    public static Network of(NetworkDraw.Drawn d) {
        int N = d.N();
        int K = d.W().length;
        int M = d.Wstar().length;
        return new Network(N, K, M, rowMajor(d.W(), N), rowMajor(d.Wstar(), N), d.F().clone(),
                d.v().clone(), d.vStar().clone(), d.b().clone());
    }

    /** A deep copy (for tests and paired runs from one draw). */
    public Network copy() {
        return new Network(N, K, M, W.clone(), Wstar.clone(), F.clone(), v.clone(), vStar.clone(), b.clone());
    }

    private static double[] rowMajor(double[][] A, int N) {
        double[] out = new double[A.length * N];
        for (int r = 0; r < A.length; r++) System.arraycopy(A[r], 0, out, r * N, N);
        return out;
    }
}
