package org.forwardonly.theory.concurrent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-off protocol of {@link ItemSplit}: every item of every round, failures on the caller, no leak. */
class ItemSplitTest {

    /** Item i of round r is r·1000 + i; the input (round) is written by the caller before start. */
    private static final class Rounds implements ItemSplit.Work {
        long round;

        @Override
        public void prepare(int thread) {
        }

        @Override
        public double compute(int thread, int item) {
            long r = round;
            if (thread > 0) { // helpers are slow, so a caller that does not wait for them reads stale items
                long until = System.nanoTime() + 1000;
                while (System.nanoTime() < until) Thread.onSpinWait();
            }
            return r * 1000 + item;
        }
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 3})
    void everyItemOfEveryRoundIsWrittenBeforeFinishReturns(int threads) {
        Rounds work = new Rounds();
        try (ItemSplit split = new ItemSplit(55, threads, work, "test-split")) {
            assertEquals(threads, split.threads());
            for (long r = 1; r <= 20_000; r++) {
                work.round = r;
                split.start();
                split.finish();
                for (int i = 0; i < 55; i++) {
                    // a stale or missing item would hold an earlier round's value
                    if (split.value(i) != r * 1000 + i) assertEquals(r * 1000 + i, split.value(i), "round " + r + " item " + i);
                }
            }
        }
    }

    @Test
    void probesWithThenWithoutHelpersThenUsesTheFaster() {
        Rounds work = new Rounds();
        try (ItemSplit split = new ItemSplit(20, 2, work, "test-probe")) {
            int r = 0;
            for (; r < ItemSplit.PROBE_ROUNDS; r++) run(split, work, r);
            assertEquals(1.0, split.helperShare(), "first probe: helpers");
            for (; r < 2 * ItemSplit.PROBE_ROUNDS; r++) run(split, work, r);
            assertEquals(0.5, split.helperShare(), "second probe: caller alone");
            for (; r < 2 * ItemSplit.PROBE_ROUNDS + ItemSplit.EXPLOIT_ROUNDS; r++) run(split, work, r);
            double share = split.helperShare(), all = 2 * ItemSplit.PROBE_ROUNDS + ItemSplit.EXPLOIT_ROUNDS;
            // the third phase used one of the two throughout
            assertTrue(share == (ItemSplit.PROBE_ROUNDS + ItemSplit.EXPLOIT_ROUNDS) / all
                    || share == ItemSplit.PROBE_ROUNDS / all, "share " + share);
        }
        try (ItemSplit one = new ItemSplit(20, 1, work, "test-probe")) {
            run(one, work, 0);
            assertEquals(0.0, one.helperShare());
        }
    }

    private static void run(ItemSplit split, Rounds work, long r) {
        work.round = r;
        split.start();
        split.finish();
        for (int i = 0; i < 20; i++) assertEquals(r * 1000 + i, split.value(i));
    }

    /** As Rounds, but the helper stalls for 2 ms on every 7th round. */
    private static final class StallingRounds implements ItemSplit.Work {
        volatile long round;

        @Override
        public void prepare(int thread) {
        }

        @Override
        public double compute(int thread, int item) {
            long r = round;
            if (thread > 0 && r % 7 == 0) LockSupport.parkNanos(2_000_000);
            return r * 1000 + item;
        }
    }

    @Test
    void lateHelperResultsAreDiscarded() {
        // the caller computes the item a stalled helper holds, moves on, and must never take the
        // stale value the helper writes later (rounds 7, 14, ... and the ones after them)
        StallingRounds work = new StallingRounds();
        try (ItemSplit split = new ItemSplit(6, 2, work, "test-late")) {
            for (long r = 1; r <= 700; r++) {
                work.round = r;
                split.start();
                split.finish();
                for (int i = 0; i < 6; i++) assertEquals(r * 1000 + i, split.value(i), "round " + r + " item " + i);
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
            public double compute(int thread, int item) {
                if (thread == 1) {
                    helperRan.set(true);
                    throw boom;
                }
                // the caller holds its first item until the helper has taken one (10 s at most)
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!helperRan.get() && System.nanoTime() < deadline) Thread.onSpinWait();
                return item;
            }
        };
        try (ItemSplit split = new ItemSplit(8, 2, work, "test-fail")) {
            // the failure is reported by the round it happened in or, if it is recorded after the
            // caller has finished that round without the helper, by the next
            IllegalStateException e = failingRound(split);
            assertTrue(helperRan.get());
            assertSame(boom, e.getCause());
            for (int i = 0; i < 8; i++) assertEquals(i, split.value(i), "the caller computed the failed helper's items");
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
            public double compute(int thread, int item) {
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (!prepared.get() && System.nanoTime() < deadline) Thread.onSpinWait();
                return item;
            }
        };
        try (ItemSplit split = new ItemSplit(4, 2, work, "test-prepare")) {
            assertSame(oops, failingRound(split).getCause());
        }
    }

    @Test
    void closeStopsTheHelpers() {
        Rounds work = new Rounds();
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
        try (ItemSplit split = new ItemSplit(10, 2, new Rounds(), "test-daemon")) {
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
        assertThrows(IllegalArgumentException.class, () -> new ItemSplit(0, 1, new Rounds(), "x"));
        assertThrows(IllegalArgumentException.class, () -> new ItemSplit(1, 0, new Rounds(), "x"));
    }

    /**
     * Runs rounds until finish throws; the split must report a helper's failure. The helper records
     * it after its own throw, and on a loaded machine it can be descheduled in between for many
     * fast rounds (100 rounds were once not enough, in a full `mvn test`), so the bound is time: 10 s.
     */
    private static IllegalStateException failingRound(ItemSplit split) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            split.start();
            try {
                split.finish();
            } catch (IllegalStateException e) {
                // broken for good: the next round reports it too
                split.start();
                assertSame(e.getCause(), assertThrows(IllegalStateException.class, split::finish).getCause());
                return e;
            }
        }
        throw new AssertionError("a helper's failure was never reported");
    }

    private static long alive(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }
}
