package org.forwardonly.images.training;

/** A run whose loss or weights stopped being finite. */
public final class DivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: which rule, at which epoch and batch */
    public DivergedException(String message) {
        super(message);
    }
}
