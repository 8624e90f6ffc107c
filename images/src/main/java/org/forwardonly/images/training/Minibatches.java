package org.forwardonly.images.training;

import org.apache.commons.rng.UniformRandomProvider;
import org.forwardonly.images.data.ImageSet;

/**
 * The order in which an epoch visits the training images and the copy of each batch into the rule's buffers,
 * shared by the 2-layer {@link Trainer} and the deep {@code DeepTrainer}: a Fisher–Yates reshuffle of all
 * images at the start of every epoch from the {@link Seeds#SHUFFLE} stream, then consecutive batches of
 * {@code batchSize} images (the last one shorter). One order for both trainers is what makes a rule at depth 1
 * see the images exactly as {@code train-images} does.
 */
public final class Minibatches {

    private final ImageSet set;
    private final int batchSize;
    private final UniformRandomProvider rng;
    private final int[] order;

    /**
     * @param set       the training images
     * @param batchSize images per batch
     * @param rng       the generator of the shuffles (its own stream: nothing else draws from it)
     */
    public Minibatches(ImageSet set, int batchSize, UniformRandomProvider rng) {
        this.set = set;
        this.batchSize = batchSize;
        this.rng = rng;
        order = new int[set.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** Batches per epoch, ⌈count / batchSize⌉. */
    public int batches() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** Starts an epoch: reshuffles the order of all images (Fisher–Yates). */
    public void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * Copies batch {@code index} of the current epoch into {@code x} (rows × features, row-major) and
     * {@code labels}.
     *
     * @return the number of rows copied (batchSize, or fewer for the last batch)
     */
    public int fill(int index, double[] x, int[] labels) {
        int n = set.features();
        int from = index * batchSize;
        int rows = Math.min(batchSize, order.length - from);
        for (int r = 0; r < rows; r++) {
            int img = order[from + r];
            System.arraycopy(set.x(), img * n, x, r * n, n);
            labels[r] = set.labels()[img];
        }
        return rows;
    }
}
