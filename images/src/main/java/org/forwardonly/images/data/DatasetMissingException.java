package org.forwardonly.images.data;

/** The dataset files are not where they were looked for. The message is one line that says how to install them. */
public final class DatasetMissingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line: what is missing, where it was looked for, how to install it */
    public DatasetMissingException(String message) {
        super(message);
    }
}
