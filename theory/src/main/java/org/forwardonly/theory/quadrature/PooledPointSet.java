package org.forwardonly.theory.quadrature;

import java.util.List;

/**
 * Several point sets of one dimension as one, each point weighted by its own set's weight divided by the
 * number of sets: the average over the pool is the mean of the sets' averages (docs/model.md §8). The exact
 * engine pools independently scrambled Sobol replicates this way and integrates one trajectory of the pooled
 * drift, whose error then falls with the total number of points. Coordinates are stored coordinate-major, as
 * {@link ScrambledSobol} stores them, so blocks of points copy in one go.
 */
public final class PooledPointSet implements GaussianPointSet {
    private final int dimension, size;
    private final double[] nodes;
    private final double[] weights;
    private final String description;

    private PooledPointSet(int dimension, int size, double[] nodes, double[] weights, String description) {
        this.dimension = dimension;
        this.size = size;
        this.nodes = nodes;
        this.weights = weights;
        this.description = description;
    }

    /**
     * The pool of {@code parts} (at least one, all of one dimension).
     *
     * @param parts the point sets, in order
     * @return their pool
     */
    public static PooledPointSet of(List<? extends GaussianPointSet> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("a pool needs at least one point set");
        int D = parts.get(0).dimension();
        int n = 0;
        for (GaussianPointSet p : parts) {
            if (p.dimension() != D) throw new IllegalArgumentException("pooled point sets differ in dimension");
            n += p.size();
        }
        double[] nodes = new double[n * D];
        double[] weights = new double[n];
        int offset = 0;
        for (GaussianPointSet p : parts) {
            for (int j = 0; j < D; j++) p.copyCoordinate(j, 0, p.size(), nodes, j * n + offset);
            for (int q = 0; q < p.size(); q++) weights[offset + q] = p.weight(q) / parts.size();
            offset += p.size();
        }
        String description = parts.size() == 1 ? parts.get(0).describe()
                : parts.size() + " pooled sets of " + parts.get(0).size() + " points (first: " + parts.get(0).describe() + ")";
        return new PooledPointSet(D, n, nodes, weights, description);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public double node(int p, int j) {
        return nodes[j * size + p];
    }

    @Override
    public void copyCoordinate(int j, int p0, int count, double[] dest, int destOffset) {
        System.arraycopy(nodes, j * size + p0, dest, destOffset, count);
    }

    @Override
    public double weight(int p) {
        return weights[p];
    }

    @Override
    public String describe() {
        return description;
    }
}
