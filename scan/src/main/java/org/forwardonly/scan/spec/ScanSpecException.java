package org.forwardonly.scan.spec;

/**
 * Bad scan input, reported with exit code 2: a bad spec (one line: what is wrong, which key, what
 * is allowed), or a scan directory that is busy or holds another scan.
 */
public final class ScanSpecException extends RuntimeException {
    /** @param message one line: what, which key, what is allowed */
    public ScanSpecException(String message) {
        super(message);
    }
}
