package org.forwardonly.theory.concurrent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Independent items 0..n−1 of one evaluation, computed by the calling thread together with
 * {@code threads − 1} daemon helper threads, round after round without allocation.
 *
 * <p>A round: the caller writes the round's inputs, calls {@link #start()}, may do other work, and
 * calls {@link #finish()}, which returns once every item is computed. Items are claimed one at a
 * time from a shared counter by whichever thread is free (a helper that is not scheduled, e.g. on
 * a busy machine, costs the caller at most the item it holds). Which thread computes an item is
 * therefore not fixed, but what it computes is: {@link Work#compute} must write only item i's own
 * output from the round's inputs and a workspace prepared from those same inputs by the same code,
 * so the outputs are bitwise the same for any thread count and any schedule. Combining the outputs
 * (in a fixed order) is left to the caller, after {@link #finish()}.
 *
 * <p>Helpers spin for {@value #SPIN_NANOS} ns after a round, then park until the next one. An
 * exception thrown by {@link Work} on a helper is rethrown by {@link #finish()} (wrapped in an
 * {@link IllegalStateException} with the original as cause); the split is then broken and every
 * later {@code finish()} throws too. {@link #close()} stops the helpers; call it when the rounds
 * are over (they are daemons, so a forgotten close does not keep the JVM alive, but leaves them
 * parked). One caller thread at a time.
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

        /** Computes item {@code item} with thread {@code thread}'s workspace; writes item's output only. */
        void compute(int thread, int item);
    }

    /** How long an idle helper spins before it parks. */
    static final long SPIN_NANOS = 100_000;

    private final int items;
    private final Work work;
    private final Helper[] helpers;
    /** (round << 32) | next unclaimed item; round 0 means none yet. */
    private final AtomicLong state = new AtomicLong();
    /** Items of the current round whose output is written. */
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    private long round;

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

    /** Opens a round: helpers may claim items from now on. The round's inputs must be written before. */
    public void start() {
        if (helpers.length == 0) return;
        if (closed) throw new IllegalStateException("the split is closed");
        completed.set(0);
        round++;
        state.set(round << 32); // volatile write: publishes the inputs to the helpers
        for (Helper h : helpers) {
            if (h.parked) LockSupport.unpark(h);
        }
    }

    /**
     * Computes the items not yet claimed on the calling thread (workspace 0) and waits for those
     * the helpers hold. Returns when every item of the round is written. Without helpers it
     * computes all items in order (no {@link #start()} needed).
     */
    public void finish() {
        if (helpers.length == 0) {
            for (int i = 0; i < items; i++) work.compute(0, i);
            return;
        }
        long r = round;
        int item;
        RuntimeException mine = null;
        while ((item = claim(r)) >= 0) {
            // after a failure of its own the caller still claims (skips) the rest, so that no
            // helper is left computing this round when the next one starts
            if (mine == null) {
                try {
                    work.compute(0, item);
                } catch (RuntimeException e) {
                    mine = e;
                }
            }
            completed.incrementAndGet();
        }
        int spins = 0;
        while (completed.get() < items) { // volatile read: the helpers' outputs are visible after it
            if (++spins < 1 << 12) Thread.onSpinWait();
            else Thread.yield();
        }
        if (mine != null) throw mine;
        Throwable t = failure.get();
        if (t != null) throw new IllegalStateException("a helper thread failed: " + t, t);
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
        volatile boolean parked;

        Helper(int id, String name) {
            super(name);
            this.id = id;
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
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    return; // the caller computes every item from now on, and reports the failure
                }
                int item;
                while ((item = claim(r)) >= 0) {
                    try {
                        work.compute(id, item);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        return;
                    } finally {
                        completed.incrementAndGet(); // volatile write: publishes the output
                    }
                }
                idleSince = System.nanoTime();
            }
        }

        /** Spins for SPIN_NANOS after the last round, then parks until round {@code seen} is over or close. */
        private void idle(long seen, long idleSince) {
            if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
                return;
            }
            parked = true;
            // re-check after announcing: start() either sees parked or we see its round
            if (!closed && state.get() >>> 32 == seen) LockSupport.park(this);
            parked = false;
        }
    }
}
