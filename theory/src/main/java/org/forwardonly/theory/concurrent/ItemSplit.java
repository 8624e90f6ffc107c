package org.forwardonly.theory.concurrent;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Independent items 0..n−1 of one evaluation, each a double, computed by the calling thread
 * together with {@code threads − 1} daemon helper threads, round after round without allocation.
 *
 * <p>A round: the caller writes the round's inputs, calls {@link #start()}, may do other work, and
 * calls {@link #finish()}, after which {@link #value(int)} holds every item. Items are claimed one
 * at a time from a shared counter by whichever thread is free. Which thread computes an item is
 * therefore not fixed, but what it computes is: {@link Work#compute} must be a function of the
 * round's inputs and the item only (a workspace prepared from those inputs by the same code), so
 * the values are bitwise the same for any thread count and any schedule.
 *
 * <p>The caller never waits long for a helper: when no item is left to claim, it waits for an
 * item a helper still holds for about twice the time it took itself for an item, then computes
 * that item too (a helper that is not scheduled, e.g. on a busy machine, would otherwise stall the
 * round for a scheduler time slice). A helper's late result is discarded: each helper writes to
 * its own buffer and stamps each item with its round, and the caller takes only items stamped with
 * the current round. So a helper may still be reading a round's inputs while the caller writes the
 * next round's; {@link Work} must not fail on that (its result is then discarded).
 *
 * <p>Whether the helpers pay is measured, not assumed (on a machine whose cores are busy with other
 * work, a helper only takes CPU time from the caller): rounds alternate between a probe of
 * {@value #PROBE_ROUNDS} rounds with the helpers, a probe of as many without (the caller computes
 * every item), and {@value #EXPLOIT_ROUNDS} rounds with whichever had the shorter mean time from
 * one {@link #start()} to the next. The values do not depend on it.
 *
 * <p>Helpers poll (yielding the core) for {@value #SPIN_NANOS} ns after a round, then park until
 * the next one. An exception thrown by {@link Work} on a helper stops that helper (the caller then
 * computes its items) and is rethrown by {@link #finish()} of that round or, if it arrives after
 * the caller has finished the round alone, of the next one, wrapped in an
 * {@link IllegalStateException} with the original as cause; every later {@code finish()} throws too. {@link #close()} stops the helpers;
 * call it when
 * the rounds are over (they are daemons, so a forgotten close does not keep the JVM alive, but
 * leaves them parked). One caller thread at a time.
 */
public final class ItemSplit implements AutoCloseable {

    /** The work of one round, split by item. */
    public interface Work {
        /**
         * Prepares helper {@code thread}'s own workspace (thread = 1..threads−1) from the round's
         * inputs, before that helper's first item of the round. The caller (thread 0) prepares its
         * own before {@link #start()}.
         */
        void prepare(int thread);

        /** Item {@code item}, computed with thread {@code thread}'s workspace. */
        double compute(int thread, int item);
    }

    /** How long an idle helper polls (yielding) before it parks. */
    static final long SPIN_NANOS = 100_000;
    /** How long the caller waits for a helper's item before the caller has timed an item itself. */
    private static final long FIRST_PATIENCE_NANOS = 20_000;
    /** Rounds of each probe (with helpers, then without), and of the phase that uses the faster. */
    static final int PROBE_ROUNDS = 32, EXPLOIT_ROUNDS = 2048;
    private static final int PROBE_WITH = 0, PROBE_WITHOUT = 1, EXPLOIT = 2;

    private final int items;
    private final Work work;
    private final Helper[] helpers;
    /** (round << 32) | next unclaimed item; round 0 means none yet. */
    private final AtomicLong state = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** The round's values. */
    private final double[] values;
    /** callerRound[i] == round: the caller computed item i this round. */
    private final long[] callerRound;
    private volatile boolean closed;
    private long round;
    private long patienceNanos = FIRST_PATIENCE_NANOS;
    /** The schedule: phase, rounds into it, when its timed part began, mean round times of the probes. */
    private int phase = PROBE_WITH, phaseRound;
    private long phaseStart;
    private double withNanos = Double.NaN, withoutNanos = Double.NaN;
    private boolean helpersOn = true;
    private long rounds, roundsWithHelpers;

    /**
     * @param items   items per round (≥ 1)
     * @param threads threads that compute them, the caller included (≥ 1; 1 starts no helper)
     * @param work    what an item is
     * @param name    helper thread name prefix
     */
    public ItemSplit(int items, int threads, Work work, String name) {
        if (items < 1) throw new IllegalArgumentException("need at least one item (got " + items + ")");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        this.items = items;
        this.work = work;
        this.values = new double[items];
        this.callerRound = new long[items];
        this.helpers = new Helper[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1, name + "-" + (i + 1));
            helpers[i].start();
        }
    }

    /** Threads computing items, the caller included. */
    public int threads() {
        return helpers.length + 1;
    }

    /** Fraction of the rounds so far that used the helpers (0 without helpers). */
    public double helperShare() {
        return rounds == 0 ? 0 : roundsWithHelpers / (double) rounds;
    }

    /**
     * Mean time from one {@link #start()} to the next in the last probe with the helpers and in
     * the last without, in ns (NaN before the first probes end).
     */
    public double[] lastProbeNanos() {
        return new double[] {withNanos, withoutNanos};
    }

    /** Item {@code item} of the last finished round. */
    public double value(int item) {
        return values[item];
    }

    /** Opens a round: helpers may claim items from now on. The round's inputs must be written before. */
    public void start() {
        if (helpers.length == 0) return;
        if (closed) throw new IllegalStateException("the split is closed");
        schedule(System.nanoTime());
        rounds++;
        if (!helpersOn) return;
        roundsWithHelpers++;
        round++;
        state.set(round << 32); // volatile write: publishes the inputs to the helpers
        for (Helper h : helpers) {
            if (h.parked) LockSupport.unpark(h);
        }
    }

    /**
     * Computes the items not yet claimed on the calling thread (workspace 0) and collects those
     * the helpers computed, computing any a helper is late with. Without helpers it computes all
     * items in order (no {@link #start()} needed).
     */
    public void finish() {
        if (helpers.length == 0 || !helpersOn) {
            for (int i = 0; i < items; i++) values[i] = work.compute(0, i);
            if (helpers.length > 0) throwIfFailed();
            return;
        }
        long r = round;
        boolean timed = false;
        int item;
        while ((item = claim(r)) >= 0) {
            if (!timed) { // time one item per round: how long to wait for a helper's
                long t0 = System.nanoTime();
                values[item] = work.compute(0, item);
                patienceNanos = 2 * (System.nanoTime() - t0) + 1000;
                timed = true;
            } else {
                values[item] = work.compute(0, item);
            }
            callerRound[item] = r;
        }
        for (int i = 0; i < items; i++) {
            if (callerRound[i] != r) values[i] = fromHelper(r, i);
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        Throwable t = failure.get();
        if (t != null) throw new IllegalStateException("a helper thread failed: " + t, t);
    }

    /**
     * Advances the schedule at the start of a round ({@code now}): each phase times its rounds
     * from the start of its second round (the first may wait for a parked helper) to the start of
     * the round after it.
     */
    private void schedule(long now) {
        phaseRound++;
        int length = phase == EXPLOIT ? EXPLOIT_ROUNDS : PROBE_ROUNDS;
        if (phaseRound == 2) phaseStart = now;
        if (phaseRound <= length) return;
        double perRound = (now - phaseStart) / (double) (length - 1);
        if (phase == PROBE_WITH) {
            withNanos = perRound;
            phase = PROBE_WITHOUT;
            helpersOn = false;
        } else if (phase == PROBE_WITHOUT) {
            withoutNanos = perRound;
            phase = EXPLOIT;
            helpersOn = withNanos < withoutNanos;
        } else {
            phase = PROBE_WITH;
            helpersOn = true;
        }
        phaseRound = 1;
    }

    /** Item i of round r, claimed by a helper: its value once stamped, or the caller's if it is late. */
    private double fromHelper(long r, int i) {
        long deadline = 0;
        int spins = 0;
        while (true) {
            for (Helper h : helpers) {
                if (h.stamp.get(i) == r) return h.out[i]; // volatile read: h's value of round r is visible
            }
            if (++spins < 64) {
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (deadline == 0) deadline = now + patienceNanos;
            else if (now >= deadline) return work.compute(0, i);
            Thread.onSpinWait();
        }
    }

    /** Claims the next item of round r, or −1 when none is left (or another round has begun). */
    private int claim(long r) {
        while (true) {
            long s = state.get();
            int next = (int) s;
            if (s >>> 32 != r || next >= items) return -1;
            if (state.compareAndSet(s, s + 1)) return next;
        }
    }

    /** Stops and joins the helpers. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Helper h : helpers) LockSupport.unpark(h);
        boolean interrupted = false;
        for (Helper h : helpers) {
            while (h.isAlive()) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** A helper thread: waits for a round, prepares its workspace, claims items until none is left. */
    private final class Helper extends Thread {
        private final int id;
        /** This helper's values, and the round each was computed in. */
        final double[] out;
        final AtomicLongArray stamp;
        volatile boolean parked;

        Helper(int id, String name) {
            super(name);
            this.id = id;
            this.out = new double[items];
            this.stamp = new AtomicLongArray(items);
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            long idleSince = System.nanoTime();
            while (!closed) {
                long s = state.get();
                long r = s >>> 32;
                if (r == seen || (int) s >= items) {
                    seen = r;
                    idle(seen, idleSince);
                    continue;
                }
                seen = r;
                try {
                    work.prepare(id);
                    int item;
                    while ((item = claim(r)) >= 0) {
                        out[item] = work.compute(id, item);
                        stamp.set(item, r); // volatile write: publishes out[item]
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    return; // the caller computes every item from now on, and reports the failure
                }
                idleSince = System.nanoTime();
            }
        }

        /** Spins for SPIN_NANOS after the last round, then parks until round {@code seen} is over or close. */
        private void idle(long seen, long idleSince) {
            if (System.nanoTime() - idleSince < SPIN_NANOS) {
                // yield, not a busy spin: on a busy machine the waiting helper must not hold a core
                // the caller (or anyone) could use; on an idle one yield returns at once
                Thread.yield();
                return;
            }
            parked = true;
            // re-check after announcing: start() either sees parked or we see its round
            if (!closed && state.get() >>> 32 == seen) LockSupport.park(this);
            parked = false;
        }
    }
}
