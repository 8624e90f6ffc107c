package org.forwardonly.images.data;

/**
 * A labelled set of images as plain arrays: {@code x} is {@code count × features} row-major
 * (one flattened, normalised image per row), {@code labels[i]} in {@code 0..classes-1}.
 * Arrays are shared, not copied: treat them as read-only.
 */
public record ImageSet(double[] x, int[] labels, int count, int features, int classes) {

    /** Checks the shapes. */
    public ImageSet {
        if (x.length != (long) count * features || labels.length != count) {
            throw new IllegalArgumentException("image set shapes do not match: x " + x.length
                    + ", labels " + labels.length + ", count " + count + ", features " + features);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
            }
        }
    }

    /** The first {@code n} items (or all of them when {@code n >= count}). */
    public ImageSet head(int n) {
        if (n >= count) {
            return this;
        }
        double[] xs = new double[n * features];
        System.arraycopy(x, 0, xs, 0, xs.length);
        int[] ls = new int[n];
        System.arraycopy(labels, 0, ls, 0, n);
        return new ImageSet(xs, ls, n, features, classes);
    }
}
