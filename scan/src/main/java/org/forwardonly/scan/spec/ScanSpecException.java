package org.forwardonly.scan.spec;

/** A bad scan spec: the message is one line saying what is wrong, which key, and what is allowed. */
public final class ScanSpecException extends RuntimeException {
    /** @param message one line: what, which key, what is allowed */
    public ScanSpecException(String message) {
        super(message);
    }
}
