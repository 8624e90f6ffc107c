package org.forwardonly.images.network;

/** Angles between matrices seen as vectors (Frobenius inner product). */
public final class Angles {

    private Angles() {
    }

    /** {@code acos(⟨a,b⟩_F / (|a|_F |b|_F))} in degrees; NaN when either matrix is zero. */
    public static double degrees(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return Double.NaN;
        }
        double cos = Math.max(-1.0, Math.min(1.0, ab / Math.sqrt(aa * bb)));
        return Math.toDegrees(Math.acos(cos));
    }

    /** The Frobenius norm. */
    public static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
