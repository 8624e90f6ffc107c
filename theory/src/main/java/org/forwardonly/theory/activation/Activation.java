package org.forwardonly.theory.activation;


/**
 * Hidden-unit activations of docs/model.md §1: g, its first and second derivatives.
 *
 * <p>{@code ERF} is {@code g(z) = erf(z/√2)}, the default of the literature, whose Gaussian
 * averages have closed forms (docs/model.md §3).
 */
public enum Activation {
    /** g(z) = erf(z/√2). */
    ERF {
        @Override public double g(double z) { return ChebyshevErf.erf(z * INV_SQRT2); }
        @Override public double gPrime(double z) { return SQRT_2_OVER_PI * Math.exp(-0.5 * z * z); }
        @Override public double gSecond(double z) { return -z * gPrime(z); }
        @Override public void gPrimeBlock(double[] z, double[] out, int n) {
            GaussianBlock.density(z, out, n);
        }
        @Override public void gBlock(double[] z, double[] out, int n, double[][] scratch) {
            ErfBlock.g(z, out, n, scratch);
        }
    },
    /** g(z) = z. */
    LINEAR {
        @Override public double g(double z) { return z; }
        @Override public double gPrime(double z) { return 1.0; }
        @Override public double gSecond(double z) { return 0.0; }
    },
    /** g(z) = max(0, z); g'(0) is taken as 0. */
    RELU {
        @Override public double g(double z) { return z > 0 ? z : 0.0; }
        @Override public double gPrime(double z) { return z > 0 ? 1.0 : 0.0; }
        @Override public double gSecond(double z) { return 0.0; }
    };

    static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
    static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    /** The activation g(z). */
    public abstract double g(double z);

    /** Its derivative g'(z). */
    public abstract double gPrime(double z);

    /**
     * g'(z[i]) into out[i] for i &lt; n: {@link #gPrime} of a block of fields at once, in
     * a loop the JIT can vectorise (the exact engine's control variate takes g' of 256 points × K units
     * per block). For erf it is the same function to 1e-13 relative ({@link GaussianBlock}), not the
     * same bits.
     */
    public void gPrimeBlock(double[] z, double[] out, int n) {
        for (int i = 0; i < n; i++) out[i] = gPrime(z[i]);
    }

    /**
     * g(z[i]) into out[i] for i &lt; n: {@link #g} of a block of fields at once, in loops the JIT can
     * vectorise (the exact engine's forward passes over 256 points × K units). For erf it is the same
     * function to 2.5e-13 ({@link ErfBlock}), not the same bits. {@code scratch}: {@link #blockScratch}.
     */
    public void gBlock(double[] z, double[] out, int n, double[][] scratch) {
        for (int i = 0; i < n; i++) out[i] = g(z[i]);
    }

    /** Scratch rows for {@link #gBlock} of blocks up to {@code n} long. */
    public static double[][] blockScratch(int n) {
        return new double[ErfBlock.SCRATCH_ROWS][n];
    }

    /** Its second derivative g''(z) (zero almost everywhere for linear and ReLU). */
    public abstract double gSecond(double z);

    /**
     * True when g has a kink (ReLU): Gauss-Hermite grids then carry an O(1/n) bias, so the exact engine
     * extrapolates in 1/n or averages on Sobol points (docs/model.md §8).
     */
    public boolean kinked() { return this == RELU; }

    /** The config name of this activation ("erf", "linear", "relu"). */
    public String configName() { return name().toLowerCase(java.util.Locale.ROOT); }

    /** The config name: messages and figure subtitles write the activation as the config does. */
    @Override public String toString() { return configName(); }

    /** Every config name, in declaration order. */
    public static java.util.List<String> configNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Activation a : values()) names.add(a.configName());
        return names;
    }

    /**
     * Parses a config name (the config boundary, module config's ConfigParser, calls this once); throws
     * IllegalArgumentException listing the allowed names.
     */
    public static Activation fromConfigName(String name) {
        for (Activation a : values()) {
            if (a.configName().equals(name)) return a;
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (allowed: " + String.join(", ", configNames()) + ")");
    }
}
