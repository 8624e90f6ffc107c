package org.forwardonly.theory.averaging;

/**
 * The time derivatives of the order parameters at one state (THEORY.md §4-6), written by the
 * drift engines into preallocated arrays (hot loop: mutable, no allocation). Full K×K dQ
 * (symmetric). dc, dd, dP are zero-length/zero for rules without F.
 */
public final class Drift {
    /** dQ_kl/dt, K×K symmetric. */
    public final double[][] dQ;
    /** dR_km/dt, K×M. */
    public final double[][] dR;
    /** dv_k/dt. */
    public final double[] dv;
    /** dc_k/dt (K entries). */
    public final double[] dc;
    /** dd_m/dt (M entries). */
    public final double[] dd;
    /** dP/dt. */
    public double dP;

    /** Zeroed storage for K student and M teacher units. */
    public Drift(int K, int M) {
        dQ = new double[K][K];
        dR = new double[K][M];
        dv = new double[K];
        dc = new double[K];
        dd = new double[M];
    }

    /** Sets every entry to zero. */
    public void clear() {
        for (double[] row : dQ) java.util.Arrays.fill(row, 0.0);
        for (double[] row : dR) java.util.Arrays.fill(row, 0.0);
        java.util.Arrays.fill(dv, 0.0);
        java.util.Arrays.fill(dc, 0.0);
        java.util.Arrays.fill(dd, 0.0);
        dP = 0.0;
    }
}
