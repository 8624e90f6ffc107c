package org.forwardonly.cli;

import org.forwardonly.theory.config.ConfigException;

/** The bounds of every command's {@code --threads}: from 1 to {@link #MAX}. */
final class ThreadCount {
    /**
     * Most threads any command starts. Results never depend on the count, and beyond the cores
     * threads only cost memory (the JVM ran out of native threads at --threads 100000).
     */
    static final int MAX = 1024;

    private ThreadCount() {}

    /** {@code threads}, or a ConfigException (exit 2) naming the option. */
    static int check(int threads) {
        if (threads < 1 || threads > MAX) {
            throw new ConfigException("option '--threads': must be >= 1 and at most " + MAX + " (got " + threads
                    + "; this machine has " + Runtime.getRuntime().availableProcessors() + " cores)");
        }
        return threads;
    }
}
