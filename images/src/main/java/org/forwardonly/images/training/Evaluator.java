package org.forwardonly.images.training;

import org.forwardonly.images.data.ImageSet;
import org.forwardonly.images.network.BatchMatmul;
import org.forwardonly.images.network.Softmax;
import org.forwardonly.images.network.TwoLayerNetwork;

/** Test accuracy of a network, in chunks of {@link #CHUNK} images with buffers allocated once. */
public final class Evaluator {

    /** Rows per chunk. */
    public static final int CHUNK = 1000;
    private final ImageSet set;
    private final double[] h;
    private final double[] z;
    private final double[] chunk;

    /** For the images of {@code set}. */
    public Evaluator(TwoLayerNetwork net, ImageSet set) {
        this.set = set;
        h = new double[CHUNK * net.hidden];
        z = new double[CHUNK * net.classes];
        chunk = new double[CHUNK * set.features()];
    }

    /** Fraction of images whose largest logit is the label. */
    public double accuracy(TwoLayerNetwork net, BatchMatmul mm) {
        int correct = 0;
        int n = set.features();
        for (int start = 0; start < set.count(); start += CHUNK) {
            int rows = Math.min(CHUNK, set.count() - start);
            System.arraycopy(set.x(), start * n, chunk, 0, rows * n);
            net.hidden(mm, chunk, rows, h);
            net.logits(h, rows, z);
            for (int r = 0; r < rows; r++) {
                if (Softmax.argmax(z, r, net.classes) == set.labels()[start + r]) {
                    correct++;
                }
            }
        }
        return (double) correct / set.count();
    }
}
