package org.forwardonly.theory.quadrature;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.random.SobolSequenceGenerator;
import org.hipparchus.special.Erf;

/**
 * Randomized quasi-Monte Carlo points for the D-dimensional standard normal (docs/model.md §8): the
 * first n points of the Sobol sequence (Joe-Kuo direction numbers, Hipparchus), each coordinate
 * scrambled by Matoušek's random linear scramble plus a digital shift (a random lower-triangular
 * binary matrix and a random bit vector per dimension, from {@code seed}), then mapped through the
 * inverse normal CDF; equal weights 1/n.
 *
 * <p>Why: every randomization gives an unbiased estimate of the average, and for smooth
 * integrands its error falls close to 1/n (against 1/√n for plain Monte Carlo), in any dimension,
 * so the cost grows linearly with D rather than as n^D for a tensor grid. Independent scramblings
 * are independent estimates: their spread is an honest error estimate. A kink (ReLU) costs the
 * rate, not the unbiasedness, unlike a tensor grid whose axis sits on the kink.
 *
 * <p>The points are fixed once built, so an average over them is a deterministic, smooth function
 * of the covariance, as the adaptive integrators need.
 */
public final class ScrambledSobol implements GaussianPointSet {
    /** Digits kept of each Sobol coordinate (enough for 2^32 points). */
    private static final int DIGITS = 32;
    /** Hipparchus' Sobol generator writes coordinates as integers over 2^52. */
    private static final double TWO_52 = 0x1p52;
    /** Dimensions with Joe-Kuo direction numbers in Hipparchus. */
    public static final int MAX_DIMENSION = 21201;

    private final int dimension, n;
    /** Coordinate by coordinate: nodes[j n + p] (a block of one coordinate is contiguous, see {@link #copyCoordinate}). */
    private final double[] nodes;
    private final double weight;
    private final long seed;

    private ScrambledSobol(int dimension, int n, double[] nodes, long seed) {
        this.dimension = dimension;
        this.n = n;
        this.nodes = nodes;
        this.weight = 1.0 / n;
        this.seed = seed;
    }

    /**
     * The first {@code n} scrambled Sobol points in {@code D} dimensions (D ≥ 1, n ≥ 1), mapped to
     * N(0, I_D). The same (D, n, seed) give the same points, bit for bit.
     */
    public static ScrambledSobol of(int D, int n, long seed) {
        if (D < 1 || D > MAX_DIMENSION) {
            throw new IllegalArgumentException("Sobol dimension must be in [1, " + MAX_DIMENSION + "] (got " + D + ")");
        }
        if (n < 1) throw new IllegalArgumentException("Sobol points must be >= 1 (got " + n + ")");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // per dimension: DIGITS rows of the scrambling matrix (row i acts on digit i, MSB first) and a shift
        int[][] rows = new int[D][DIGITS];
        int[] shift = new int[D];
        for (int j = 0; j < D; j++) {
            for (int i = 0; i < DIGITS; i++) {
                int diagonal = 1 << (DIGITS - 1 - i);
                // lower triangular in digit order: digit i depends on digits 0..i of the input
                int above = i == 0 ? 0 : (rng.nextInt() & ~((1 << (DIGITS - i)) - 1));
                rows[j][i] = above | diagonal;
            }
            shift[j] = rng.nextInt();
        }
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(D);
        double[] nodes = new double[n * D];
        for (int p = 0; p < n; p++) {
            double[] x = sobol.nextVector();
            for (int j = 0; j < D; j++) {
                int digits = (int) (((long) (x[j] * TWO_52)) >>> (52 - DIGITS));
                int scrambled = 0;
                for (int i = 0; i < DIGITS; i++) {
                    scrambled |= (Integer.bitCount(rows[j][i] & digits) & 1) << (DIGITS - 1 - i);
                }
                scrambled ^= shift[j];
                // the centre of the 2^-32 cell: never 0 or 1
                double u = ((scrambled & 0xffffffffL) + 0.5) * 0x1p-32;
                nodes[j * n + p] = Math.sqrt(2.0) * Erf.erfInv(2.0 * u - 1.0);
            }
        }
        return new ScrambledSobol(D, n, nodes, seed);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double node(int p, int j) {
        return nodes[j * n + p];
    }

    @Override
    public void copyCoordinate(int j, int p0, int count, double[] dest, int destOffset) {
        System.arraycopy(nodes, j * n + p0, dest, destOffset, count);
    }

    @Override
    public double weight(int p) {
        return weight;
    }

    @Override
    public String describe() {
        return "scrambled Sobol " + n + " points in " + dimension + " dimensions (seed " + seed + ")";
    }
}
