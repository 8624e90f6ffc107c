package org.forwardonly.images.network;

/** Softmax output with cross-entropy loss, row by row over a batch. */
public final class Softmax {

    private Softmax() {
    }

    /**
     * Turns logits {@code z (rows×C)} into probabilities in place (max-shifted for stability) and
     * writes the error {@code e = p − onehot(label)} into {@code err}.
     *
     * @return the summed cross-entropy {@code Σ_r −log p_r[label_r]} of the rows
     */
    public static double probabilitiesAndError(double[] z, int rows, int classes, int[] labels, double[] err) {
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, z[o + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                z[o + c] = Math.exp(z[o + c] - max);
                sum += z[o + c];
            }
            for (int c = 0; c < classes; c++) {
                z[o + c] /= sum;
                err[o + c] = z[o + c];
            }
            err[o + labels[r]] -= 1.0;
            loss -= Math.log(Math.max(z[o + labels[r]], Double.MIN_NORMAL));
        }
        return loss;
    }

    /** Index of the largest entry of row {@code r}. */
    public static int argmax(double[] z, int r, int classes) {
        int best = 0;
        int o = r * classes;
        for (int c = 1; c < classes; c++) {
            if (z[o + c] > z[o + best]) {
                best = c;
            }
        }
        return best;
    }
}
