package org.forwardonly.scan.spark;

import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.exec.ScanExecutorProvider;
import org.forwardonly.scan.spec.ScanSpecException;

import java.time.Duration;

/**
 * Registers the Spark executor under the name {@code spark} (found with ServiceLoader). The
 * executor timeout (how long a cluster may have no executor) is the system property
 * {@code pepita.spark.executorTimeout} in seconds, default {@value #DEFAULT_EXECUTOR_TIMEOUT_SECONDS}.
 */
public final class SparkExecutorProvider implements ScanExecutorProvider {

    /** Default executor timeout, seconds: room for a worker to launch an executor JVM on a busy machine. */
    public static final int DEFAULT_EXECUTOR_TIMEOUT_SECONDS = 120;
    /** System property overriding the executor timeout (seconds). */
    public static final String EXECUTOR_TIMEOUT_PROPERTY = "pepita.spark.executorTimeout";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ScanExecutor create(String master) {
        return new SparkScanExecutor(master, executorTimeout());
    }

    private static Duration executorTimeout() {
        String s = System.getProperty(EXECUTOR_TIMEOUT_PROPERTY, String.valueOf(DEFAULT_EXECUTOR_TIMEOUT_SECONDS));
        try {
            int seconds = Integer.parseInt(s.trim());
            if (seconds >= 1) return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScanSpecException("system property '" + EXECUTOR_TIMEOUT_PROPERTY + "': must be a whole number of seconds >= 1 (got '"
                + s + "')");
    }
}
