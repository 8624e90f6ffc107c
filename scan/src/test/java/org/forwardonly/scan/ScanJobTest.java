package org.forwardonly.scan;

import org.forwardonly.scan.exec.LocalExecutor;
import org.forwardonly.scan.output.ScanTable;
import org.forwardonly.scan.run.PointFailedException;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.scan.store.ScanLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanJobTest {

    static final String SPEC = "{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50},"
            + " 'grid': {'eta': [0.5, 1, 2, 4], 'sigmaF': [0.1, 0.2, 0.3]}, 'threshold': 0.05}";

    static ScanJob.Outcome run(ScanSpec spec, Path dir, int threads) {
        return ScanJob.run(spec, dir, new FakeRunner(2), new LocalExecutor(threads), "test");
    }

    @Test
    void tableIsSortedInGridOrderAndIndependentOfThreadCount(@TempDir Path tmp) throws Exception {
        ScanSpec spec = ScanSpecParserTest.parse(SPEC);
        ScanJob.Outcome one = run(spec, tmp.resolve("one"), 1);
        ScanJob.Outcome two = run(spec, tmp.resolve("two"), 2);
        assertEquals(12, one.computed());
        assertEquals(3, one.diverged(), "eta = 4 diverges in the fake runner: a result, not a crash");
        byte[] a = Files.readAllBytes(one.table()), b = Files.readAllBytes(two.table());
        assertArrayEquals(a, b);
        List<String> lines = Files.readAllLines(one.table());
        assertEquals("point,eta,sigmaF,engine,eps_g_final,eps_g_final_se,t_threshold,plateau_start,plateau_length,plateau_height,alignment_final,"
                + "diverged,t_end", lines.get(0));
        assertEquals(13, lines.size());
        for (int i = 1; i <= 12; i++) assertTrue(lines.get(i).startsWith((i - 1) + ","), lines.get(i));
        assertTrue(lines.get(1).startsWith("0,0.5,0.1,ode,"), lines.get(1));
        assertTrue(lines.get(12).startsWith("11,4,0.3,ode,NaN,NaN,NaN,NaN,NaN,NaN,NaN,true,"), lines.get(12));
    }

    @Test
    void aSecondRunOnAFinishedDirComputesNothingAndRewritesTheSameTable(@TempDir Path tmp) throws Exception {
        ScanSpec spec = ScanSpecParserTest.parse(SPEC);
        ScanJob.Outcome first = run(spec, tmp, 2);
        byte[] table = Files.readAllBytes(first.table());
        ScanJob.Outcome again = run(spec, tmp, 2);
        assertEquals(0, again.computed());
        assertEquals(12, again.resumed());
        assertArrayEquals(table, Files.readAllBytes(again.table()));
    }

    @Test
    void aTornLastLineIsCutAndThatPointIsRecomputed(@TempDir Path tmp) throws Exception {
        ScanSpec spec = ScanSpecParserTest.parse(SPEC);
        Path ref = run(spec, tmp.resolve("ref"), 2).table();
        Path dir = tmp.resolve("torn");
        run(spec, dir, 2);
        Path results = dir.resolve(ResultStore.FILE);
        List<String> lines = Files.readAllLines(results);
        // keep 5 whole lines and half of the 6th, as a kill in the middle of a write would
        String torn = String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, lines.get(5).length() / 2);
        Files.writeString(results, torn);
        Files.delete(dir.resolve(ScanTable.FILE));
        List<String> heard = new java.util.ArrayList<>();
        ScanJob.Outcome o = ScanJob.run(spec, dir, new FakeRunner(2), new LocalExecutor(2), "test", List.of(), new ScanJob.Listener() {
            @Override
            public void started(int total, int resumed, String executor) {
                heard.add("started " + total + " " + resumed);
            }

            @Override
            public void stored(int done, int total) {
                heard.add(done + "/" + total);
            }

            @Override
            public void finished(int total) {
                heard.add("finished " + total);
            }
        });
        assertEquals(List.of("started 12 5", "6/12", "7/12", "8/12", "9/12", "10/12", "11/12", "12/12", "finished 12"), heard,
                "the progress counts resumed points");
        assertEquals(5, o.resumed());
        assertEquals(7, o.computed());
        assertArrayEquals(Files.readAllBytes(ref), Files.readAllBytes(o.table()));
        assertEquals(12, Files.readAllLines(results).size(), "no duplicate, no lost line");
    }

    @Test
    void aLockedDirIsRefused(@TempDir Path tmp) throws Exception {
        ScanSpec spec = ScanSpecParserTest.parse(SPEC);
        try (ScanLock held = ScanLock.acquire(tmp)) {
            ScanSpecException e = assertThrows(ScanSpecException.class, () -> run(spec, tmp, 1));
            assertTrue(e.getMessage().contains("in use by another running scan"), e.getMessage());
        }
        assertEquals(12, run(spec, tmp, 1).computed(), "free again once released");
    }

    @Test
    void aChangedGridIsRefusedInsteadOfMixingResults(@TempDir Path tmp) throws Exception {
        run(ScanSpecParserTest.parse(SPEC), tmp, 2);
        ScanSpec bigger = ScanSpecParserTest.parse(SPEC.replace("[0.5, 1, 2, 4]", "[0.5, 1, 2, 4, 8]"));
        ScanSpecException e = assertThrows(ScanSpecException.class, () -> run(bigger, tmp, 2));
        assertTrue(e.getMessage().contains("holds results of a different scan"), e.getMessage());
        assertEquals(12, Files.readAllLines(tmp.resolve(ResultStore.FILE)).size(), "stored results untouched");
    }

    @Test
    void aPointThatThrowsStopsTheScanButKeepsFinishedPoints(@TempDir Path tmp) throws Exception {
        ScanSpec spec = ScanSpecParserTest.parse(SPEC);
        PointFailedException e = assertThrows(PointFailedException.class, () -> ScanJob.run(spec, tmp, c -> {
            if (c.eta() == 2) throw new ArithmeticException("boom");
            return new FakeRunner(0).run(c);
        }, new LocalExecutor(1), "test"));
        assertTrue(e.getMessage().startsWith("point 6 (eta=2, sigmaF=0.1) failed"), e.getMessage());
        assertEquals(6, Files.readAllLines(tmp.resolve(ResultStore.FILE)).size());
        assertTrue(Files.notExists(tmp.resolve(ScanTable.FILE)), "no table until every point is done");
    }
}
