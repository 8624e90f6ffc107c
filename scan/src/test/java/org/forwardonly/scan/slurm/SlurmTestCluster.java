package org.forwardonly.scan.slurm;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Slurm cluster the tests submit to: the one scripts/slurm-local-cluster starts (or any
 * whose sbatch and sinfo are on PATH). Without one a test skips on a developer's machine and
 * fails under CI=true, where .ci/run installs and starts it.
 */
public final class SlurmTestCluster {

    private static java.util.Optional<String> checked;

    private SlurmTestCluster() {}

    /** Skips (or, under CI=true, fails) the calling test unless sinfo answers with a partition. */
    public static synchronized void assume() {
        if (checked == null) checked = java.util.Optional.ofNullable(unavailable());   // once per JVM: sinfo waits ~10 s for a dead controller
        String why = checked.orElse(null);
        if (why == null) return;
        why = "no Slurm cluster (" + why + "); start one with scripts/slurm-local-cluster start";
        if ("true".equals(System.getenv("CI"))) fail(why);
        Assumptions.abort(why);
    }

    /** Runs a command, returns its stdout; fails the test on a non-zero exit. */
    public static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) fail(String.join(" ", cmd) + " failed: " + out);
        return out;
    }

    private static String unavailable() {
        try {
            Process p = new ProcessBuilder("sinfo", "-h", "-o", "%R").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) return "sinfo did not answer in 30 s";
            if (p.exitValue() != 0) return "sinfo: " + out.lines().findFirst().orElse("exit " + p.exitValue());
            return out.isEmpty() ? "sinfo lists no partition" : null;
        } catch (IOException e) {
            return "no sinfo on PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
