package org.forwardonly.scan.exec;

/**
 * Where the points run failed, not a point: a Spark master that cannot be reached, executors that
 * cannot start, every worker lost. The message is one line naming the cause and what to try; the
 * scan stops, points already stored stay stored, and a rerun resumes.
 */
public final class ExecutorUnavailableException extends RuntimeException {
    /** @param message one line: the cause and what to try */
    public ExecutorUnavailableException(String message) {
        super(message);
    }

    /** @param message one line: the cause and what to try; {@code cause} is kept for debugging only */
    public ExecutorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
