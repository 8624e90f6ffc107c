package org.forwardonly.scan.spark;

import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.exec.ScanExecutorProvider;

/** Registers the Spark executor under the name {@code spark} (found with ServiceLoader). */
public final class SparkExecutorProvider implements ScanExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ScanExecutor create(String master) {
        return new SparkScanExecutor(master);
    }
}
