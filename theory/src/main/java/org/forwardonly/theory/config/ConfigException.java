package org.forwardonly.theory.config;

/** A bad config: the message is one line naming the key, the problem and what is allowed. */
public final class ConfigException extends RuntimeException {
    /** @param message one line: what is wrong, which key, what is allowed */
    public ConfigException(String message) {
        super(message);
    }
}
