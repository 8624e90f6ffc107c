package org.forwardonly.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code pepita scan --slurm} and {@code --cache} from the command line: the Slurm errors are one
 * line and exit 2 with nothing written; {@code --no-wait}, {@code --status DIR} and {@code pepita scan
 * DIR} finish a scan to the local table's bytes; a second scan sharing half its grid with the first
 * computes only the new half. The tests that submit need the cluster of scripts/slurm-local-cluster:
 * they skip without it, and fail under CI=true, where .ci/run starts it.
 */
class SlurmScanCommandTest {

    static final String SPEC = "{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 20, 'nTimes': 40}, "
            + "'grid': {'eta': [0.5, 1], 'sigmaF': [0.1, 0.5, 1.0]}, 'threshold': 0.2}";

    private static String unavailable;
    private static boolean checked;

    static synchronized void assumeCluster() {
        if (!checked) {   // once per JVM: sinfo waits ~10 s for a controller that does not answer
            unavailable = check();
            checked = true;
        }
        if (unavailable == null) return;
        String why = "no Slurm cluster (" + unavailable + "); start one with scripts/slurm-local-cluster start";
        if ("true".equals(System.getenv("CI"))) fail(why);
        Assumptions.abort(why);
    }

    private static String check() {
        String why;
        try {
            Process p = new ProcessBuilder("sinfo", "-h", "-o", "%R").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            why = !p.waitFor(30, TimeUnit.SECONDS) ? "sinfo did not answer" : p.exitValue() != 0 ? "sinfo: " + out
                    : out.isEmpty() ? "no partition" : null;
        } catch (IOException | InterruptedException e) {
            why = "no sinfo on PATH";
        }
        return why;
    }

    @Test
    void noSbatchOnPathIsOneLineAndExit2(@TempDir Path tmp) throws Exception {
        Path spec = ScanCommandTest.spec(tmp, SPEC);
        Path empty = Files.createDirectories(tmp.resolve("no-slurm-here"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PepitaCommand.class.getName(),
                "scan", spec.toString(), "--out", tmp.resolve("out").toString(), "--slurm");
        pb.environment().put("PATH", empty.toString());
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("pepita scan: option '--slurm': no 'sbatch' on PATH;"), err);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void aPartitionThatDoesNotExistIsOneLineNamingTheOnesThatDoAndExit2(@TempDir Path tmp) throws Exception {
        assumeCluster();
        Path spec = ScanCommandTest.spec(tmp, SPEC);
        OdeCommandTest.Run r = OdeCommandTest.run("scan", spec.toString(), "--out", tmp.resolve("out").toString(), "--slurm",
                "--partition", "no-such-partition");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().matches("pepita scan: option '--partition': Slurm has no partition 'no-such-partition' \\(partitions: "
                + "[^)]+\\)\\s*"),
                r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void slurmOptionsNeedSlurm(@TempDir Path tmp) throws Exception {
        Path spec = ScanCommandTest.spec(tmp, SPEC);
        OdeCommandTest.Run r = OdeCommandTest.run("scan", spec.toString(), "--out", tmp.resolve("out").toString(), "--partition", "x");
        assertEquals(2, r.exit(), r.err());
        assertEquals("pepita scan: option '--partition' needs --slurm", r.err().strip());
    }

    @Test
    void noWaitThenStatusThenResumeGivesTheLocalTable(@TempDir Path tmp) throws Exception {
        assumeCluster();
        Path spec = ScanCommandTest.spec(tmp, SPEC);
        Path dir = tmp.resolve("slurm");
        OdeCommandTest.Run submit = OdeCommandTest.run("scan", spec.toString(), "--out", dir.toString(), "--slurm", "--array-size", "2",
                "--no-wait", "--no-plots");
        assertEquals(0, submit.exit(), submit.err());
        assertTrue(submit.out().matches("(?s)pepita scan: submitted Slurm array \\d+ for 6 point\\(s\\).*"), submit.out());
        assertFalse(Files.exists(dir.resolve("scan.csv")));
        OdeCommandTest.Run status = OdeCommandTest.run("scan", dir.toString(), "--status");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().matches("(?s).* of 6 points stored.*Slurm array \\d+ \\(slurm/array-0\\): .*"), status.out());
        OdeCommandTest.Run resume = OdeCommandTest.run("scan", dir.toString(), "--no-plots", "--no-progress");
        assertEquals(0, resume.exit(), resume.err());
        assertTrue(resume.out().contains("pepita scan: 6 points ("), resume.out());
        OdeCommandTest.Run local = OdeCommandTest.run("scan", spec.toString(), "--out", tmp.resolve("local").toString(),
                "--no-plots", "--no-progress");
        assertEquals(0, local.exit(), local.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("local/scan.csv")), Files.readAllBytes(dir.resolve("scan.csv")));
        assertEquals(6, Files.readAllLines(dir.resolve("results.jsonl")).size());
    }

    @Test
    void aSecondScanSharingHalfItsGridComputesOnlyTheNewHalf(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Path first = ScanCommandTest.spec(Files.createDirectories(tmp.resolve("a")), SPEC);
        Path second = ScanCommandTest.spec(Files.createDirectories(tmp.resolve("b")), SPEC.replace("[0.5, 1]", "[1, 2]"));
        OdeCommandTest.Run a = OdeCommandTest.run("scan", first.toString(), "--out", tmp.resolve("first").toString(), "--cache",
                cache.toString(), "--no-plots", "--no-progress");
        assertEquals(0, a.exit(), a.err());
        assertTrue(a.out().contains("6 points (6 computed, 0 from the cache, 0 resumed)"), a.out());
        OdeCommandTest.Run b = OdeCommandTest.run("scan", second.toString(), "--out", tmp.resolve("second").toString(), "--cache",
                cache.toString(), "--no-plots", "--no-progress");
        assertEquals(0, b.exit(), b.err());
        assertTrue(b.out().contains("6 points (3 computed, 3 from the cache, 0 resumed)"), b.out());
        List<String> csv = Files.readAllLines(tmp.resolve("second/scan.csv"));
        assertTrue(csv.get(0).endsWith(",cached"), csv.get(0));
        assertEquals(3, csv.stream().filter(l -> l.endsWith(",true")).count(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("0,1,0.1,ode,") && csv.get(1).endsWith(",true"), csv.get(1));
    }
}
