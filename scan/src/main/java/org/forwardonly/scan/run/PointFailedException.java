package org.forwardonly.scan.run;

/** A point whose run threw (a bug or an engine failure, not a divergence): the scan stops, finished points stay stored. */
public final class PointFailedException extends RuntimeException {
    /** @param message names the point and the cause */
    public PointFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
