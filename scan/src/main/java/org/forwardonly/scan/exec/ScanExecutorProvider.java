package org.forwardonly.scan.exec;

/**
 * A pluggable executor found with {@link java.util.ServiceLoader} (the Spark executor in module
 * scan-spark registers one), so modules without it never depend on its libraries.
 */
public interface ScanExecutorProvider {
    /** The executor's name, e.g. {@code spark}. */
    String name();

    /** An executor for the given target (for Spark: the master URL, e.g. {@code local[2]}). */
    ScanExecutor create(String target);
}
