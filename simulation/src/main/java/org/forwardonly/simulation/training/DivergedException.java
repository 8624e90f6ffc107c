package org.forwardonly.simulation.training;

/** A simulation whose error or weights stopped being finite numbers. */
public final class DivergedException extends RuntimeException {
    /** @param message where and when the run diverged */
    public DivergedException(String message) {
        super(message);
    }
}
