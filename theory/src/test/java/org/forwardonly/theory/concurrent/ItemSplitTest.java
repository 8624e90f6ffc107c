package org.forwardonly.theory.concurrent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-off protocol of {@link ItemSplit}: every item of every round, failures on the caller, no leak. */
class ItemSplitTest {

    /** Item i of round r is r·1000 + i; the inputs (round) are written by the caller before start. */
    private static final class Rounds implements ItemSplit.Work {
        final long[] out;
        final int[] helperPrepares = new int[4];
        long round;

        Rounds(int items) {
            out = new long[items];
        }

        @Override
        public void prepare(int thread) {
            helperPrepares[thread]++;
        }

        @Override
        public void compute(int thread, int item) {
            if (thread > 0) { // helpers are slow, so a caller that does not wait for them reads stale items
                long until = System.nanoTime() + 1000;
                while (System.nanoTime() < until) Thread.onSpinWait();
            }
            out[item] = round * 1000 + item;
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 3})
    void everyItemOfEveryRoundIsWrittenBeforeFinishReturns(int threads) {
        Rounds work = new Rounds(55);
        try (ItemSplit split = new ItemSplit(55, threads, work, "test-split")) {
            assertEquals(threads, split.threads());
            for (long r = 1; r <= 20_000; r++) {
                work.round = r;
                split.start();
                split.finish();
                for (int i = 0; i < 55; i++) {
                    // a stale or missing item would hold an earlier round's value
                    if (work.out[i] != r * 1000 + i) assertEquals(r * 1000 + i, work.out[i], "round " + r + " item " + i);
                }
            }
        }
    }

    @Test
    void helperExceptionSurfacesOnTheCaller() {
        AtomicBoolean helperRan = new AtomicBoolean();
        RuntimeException boom = new RuntimeException("boom");
        ItemSplit.Work work = new ItemSplit.Work() {
            @Override
            public void prepare(int thread) {
            }

            @Override
            public void compute(int thread, int item) {
                if (thread == 1) {
                    helperRan.set(true);
                    throw boom;
                }
                // the caller holds its first item until the helper has taken one (10 s at most)
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!helperRan.get() && System.nanoTime() < deadline) Thread.onSpinWait();
            }
        };
        try (ItemSplit split = new ItemSplit(8, 2, work, "test-fail")) {
            split.start();
            IllegalStateException e = assertThrows(IllegalStateException.class, split::finish);
            assertTrue(helperRan.get());
            assertSame(boom, e.getCause());
            // the split stays broken: the next round reports the failure again, and does not hang
            split.start();
            assertSame(boom, assertThrows(IllegalStateException.class, split::finish).getCause());
        }
    }

    @Test
    void helperPrepareExceptionSurfacesOnTheCaller() {
        Error oops = new AssertionError("prepare failed");
        AtomicBoolean prepared = new AtomicBoolean();
        ItemSplit.Work work = new ItemSplit.Work() {
            @Override
            public void prepare(int thread) {
                prepared.set(true);
                throw oops;
            }

            @Override
            public void compute(int thread, int item) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!prepared.get() && System.nanoTime() < deadline) Thread.onSpinWait();
            }
        };
        try (ItemSplit split = new ItemSplit(4, 2, work, "test-prepare")) {
            split.start();
            // the caller finishes every item; the helper's failure is reported with it
            long deadline = System.nanoTime() + 10_000_000_000L;
            IllegalStateException e = null;
            while (e == null && System.nanoTime() < deadline) {
                try {
                    split.finish();
                    split.start();
                } catch (IllegalStateException x) {
                    e = x;
                }
            }
            assertSame(oops, e.getCause());
        }
    }

    @Test
    void closeStopsTheHelpers() {
        Rounds work = new Rounds(10);
        ItemSplit split = new ItemSplit(10, 3, work, "test-close");
        for (int r = 0; r < 100; r++) {
            split.start();
            split.finish();
        }
        assertEquals(2, alive("test-close-"));
        split.close();
        split.close(); // idempotent
        assertEquals(0, alive("test-close-"));
        assertThrows(IllegalStateException.class, split::start);
    }

    @Test
    void helpersAreDaemons() {
        try (ItemSplit split = new ItemSplit(10, 2, new Rounds(10), "test-daemon")) {
            int helpers = 0;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("test-daemon-")) {
                    assertTrue(t.isDaemon(), t.getName());
                    helpers++;
                }
            }
            assertEquals(1, helpers);
        }
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new ItemSplit(0, 1, new Rounds(1), "x"));
        assertThrows(IllegalArgumentException.class, () -> new ItemSplit(1, 0, new Rounds(1), "x"));
    }

    private static long alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }
}
