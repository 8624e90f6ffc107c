package org.forwardonly.scan;

import org.forwardonly.scan.exec.LocalExecutor;
import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.store.ResultCache;
import org.forwardonly.theory.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The result cache: a second scan sharing half its grid with the first computes only the new half. */
class ResultCacheTest {

    /** Counts the points it really computes (in this JVM). */
    static final class CountingRunner implements PointRunner {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger RUNS = new AtomicInteger();
        private final FakeRunner fake = new FakeRunner(0);

        @Override
        public List<PointSummary> run(ExperimentConfig config) {
            RUNS.incrementAndGet();
            return fake.run(config);
        }
    }

    static final String FIRST = "{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50}, 'grid': {'eta': [0.5, 1], 'sigmaF': [0.1, 0.2, "
            + "0.3]}}";
    /** Shares eta = 1 (3 points, in another position of the grid and with another key order) with FIRST. */
    static final String SECOND = "{'base': {'rule': 'afa', 'K': 2, 'M': 2, 'tMax': 50}, 'grid': {'eta': [1, 2], 'sigmaF': [0.1, 0.2, "
            + "0.3]}}";

    static ScanJob.Outcome run(ScanSpec spec, Path dir, ResultCache cache) {
        return ScanJob.run(spec, dir, new CountingRunner(), new LocalExecutor(2), "test", List.of(), ScanJob.Listener.NONE, cache);
    }

    @Test
    void aSecondScanSharingHalfItsGridComputesOnlyTheNewHalf(@TempDir Path tmp) throws Exception {
        ResultCache cache = ResultCache.open(tmp.resolve("cache"), "v1");
        ScanSpec second = ScanSpecParserTest.parse(SECOND);
        run(ScanSpecParserTest.parse(FIRST), tmp.resolve("first"), cache);
        CountingRunner.RUNS.set(0);
        ScanJob.Outcome o = run(second, tmp.resolve("second"), cache);
        assertEquals(3, CountingRunner.RUNS.get(), "only the eta = 2 points run");
        assertEquals(3, o.computed());
        assertEquals(3, o.cached());
        List<String> withCache = Files.readAllLines(o.table());
        assertTrue(withCache.get(0).endsWith(",t_end,cached"), withCache.get(0));
        for (int i = 1; i <= 6; i++) assertTrue(withCache.get(i).endsWith(i <= 3 ? ",true" : ",false"), withCache.get(i));
        // the rows are those of a fresh run without a cache, but for the last column
        List<String> fresh = Files.readAllLines(ScanJob.run(second, tmp.resolve("fresh"), new FakeRunner(0), new LocalExecutor(1),
                "test").table());
        for (int i = 0; i < 7; i++) assertEquals(fresh.get(i), withCache.get(i).substring(0, withCache.get(i).lastIndexOf(',')));
        // a third scan of the second grid computes nothing, and its copied points say so
        CountingRunner.RUNS.set(0);
        ScanJob.Outcome again = run(second, tmp.resolve("third"), cache);
        assertEquals(0, CountingRunner.RUNS.get());
        assertEquals(6, again.cached());
    }

    @Test
    void anotherCodeVersionComputesEverything(@TempDir Path tmp) throws Exception {
        run(ScanSpecParserTest.parse(FIRST), tmp.resolve("first"), ResultCache.open(tmp.resolve("cache"), "v1"));
        CountingRunner.RUNS.set(0);
        ScanJob.Outcome o = run(ScanSpecParserTest.parse(SECOND), tmp.resolve("second"), ResultCache.open(tmp.resolve("cache"), "v2"));
        assertEquals(6, CountingRunner.RUNS.get(), "the key holds the code version");
        assertEquals(0, o.cached());
    }

    @Test
    void anotherRunSettingIsAnotherKey(@TempDir Path tmp) throws Exception {
        ResultCache cache = ResultCache.open(tmp.resolve("cache"), "v1");
        run(ScanSpecParserTest.parse(FIRST), tmp.resolve("first"), cache);
        CountingRunner.RUNS.set(0);
        run(ScanSpecParserTest.parse(FIRST.replace("}}", "}, 'threshold': 0.2}")), tmp.resolve("second"), cache);
        assertEquals(6, CountingRunner.RUNS.get(), "a threshold changes t_threshold: not the same rows");
    }
}
