package org.forwardonly.images.data;

/** How pixel values 0..255 become network inputs. */
public enum Normalization {
    /** {@code x = pixel / 255} in [0, 1] (zero pixels stay exactly zero; the default). */
    UNIT,
    /** {@code x = (pixel/255 − mean) / std} with the training set's global mean and std. */
    STANDARD
}
