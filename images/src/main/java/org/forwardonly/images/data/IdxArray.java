package org.forwardonly.images.data;

/**
 * The contents of one IDX file of unsigned bytes (the MNIST / Fashion-MNIST format).
 *
 * @param dims   the dimensions, outermost first (images: count, rows, columns; labels: count)
 * @param values the values, row-major, each in 0..255 (stored as Java bytes; read with {@code & 0xFF})
 */
public record IdxArray(int[] dims, byte[] values) {

    /** Number of items along the outermost dimension. */
    public int count() {
        return dims[0];
    }

    /** Number of values per item (the product of the inner dimensions). */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) {
            size *= dims[i];
        }
        return size;
    }

    /** The unsigned value at flat index {@code i}. */
    public int unsigned(int i) {
        return values[i] & 0xFF;
    }
}
