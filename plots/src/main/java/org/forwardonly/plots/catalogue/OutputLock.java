package org.forwardonly.plots.catalogue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock of an output directory, held from the check of DIR to the end of the command, so that
 * two runs into one DIR cannot both write it (issue 27): the second is refused with one line
 * naming the holder. It is an operating-system lock ({@link FileChannel#tryLock}) on a file beside
 * DIR, {@code .NAME.pepita-lock}, so it dies with its process (after {@code kill -9} the next run
 * takes it). A lock is owned by the thread that took it (the command's thread; in-process tests
 * run commands on several threads) and released by {@link #releaseHeldBy} when the command returns,
 * or at JVM exit.
 */
final class OutputLock {
    /** What the first line of a lock file starts with; a file of that name without it is not touched. */
    static final String MAGIC = "pepita-lock ";
    private static final Map<Path, OutputLock> HELD = new ConcurrentHashMap<>();
    /** What the holder is doing, written into the lock file (the command line, set by the CLI). */
    static volatile String holder = "pepita";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> HELD.values().forEach(OutputLock::release), "pepita-lock-release"));
    }

    private final Path dir;
    private final Path file;
    private final Thread owner;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path dir, Path file, Thread owner, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.file = file;
        this.owner = owner;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code dir} (absolute, normalized): beside it, in its parent. */
    static Path fileOf(Path dir) {
        return dir.getParent().resolve("." + dir.getFileName() + ".pepita-lock");
    }

    /**
     * Takes the lock of {@code dir} (absolute, normalized) for the current thread, or keeps it if
     * the thread holds it already; creates DIR's parent directories if needed.
     *
     * @throws IllegalArgumentException one line naming the holder when another run holds it
     */
    static void acquire(Path dir) {
        OutputLock mine = HELD.get(dir);
        if (mine != null && mine.owner == Thread.currentThread()) return;
        if (mine != null) throw held(dir, "another command of this process (thread " + mine.owner.getName() + ")");
        Path file = fileOf(dir);
        try {
            Files.createDirectories(dir.getParent());
            for (int attempt = 0; attempt < 5; attempt++) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                boolean keep = false;
                try {
                    String before = read(ch);
                    if (!before.isEmpty() && !before.startsWith(MAGIC)) {
                        throw new IllegalArgumentException("--out " + dir + ": " + file + " exists and is not a pepita lock file;"
                                + " move it away (pepita locks DIR with a file of that name)");
                    }
                    FileLock lock;
                    try {
                        lock = ch.tryLock();
                    } catch (OverlappingFileLockException e) {
                        lock = null;
                    }
                    if (lock == null) throw held(dir, describe(before));
                    // the file may have been removed (and made anew) by the holder we waited for: ours must be the one at the path
                    String token = MAGIC + "pid " + ProcessHandle.current().pid() + ", since " + java.time.Instant.now()
                            + ", " + holder.replace('\n', ' ') + " [" + UUID.randomUUID() + "]\n";
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                    ch.force(false);
                    String now = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
                    if (!now.equals(token)) {
                        lock.release();
                        continue;
                    }
                    OutputLock l = new OutputLock(dir, file, Thread.currentThread(), ch, lock);
                    if (HELD.putIfAbsent(dir, l) != null) {
                        lock.release();
                        throw held(dir, "another command of this process");
                    }
                    keep = true;
                    return;
                } finally {
                    if (!keep) ch.close();
                }
            }
            throw held(dir, "another run (its lock file keeps changing)");
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + dir + ": cannot lock it with " + file + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")");
        }
    }

    private static String read(FileChannel ch) throws IOException {
        long size = Math.min(ch.size(), 4096);
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) { }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    private static String describe(String content) {
        String s = content.startsWith(MAGIC) ? content.substring(MAGIC.length()).strip() : "";
        int token = s.lastIndexOf(" [");
        if (token > 0) s = s.substring(0, token);
        return s.isEmpty() ? "another run" : "another run (" + s + ")";
    }

    private static IllegalArgumentException held(Path dir, String who) {
        return new IllegalArgumentException("--out " + dir + ": " + who
                + " is writing into it; wait for it to finish or choose another directory");
    }

    /** Whether the current thread holds the lock of {@code dir}. */
    static boolean heldHere(Path dir) {
        OutputLock l = HELD.get(dir);
        return l != null && l.owner == Thread.currentThread();
    }

    /** Releases every lock the current thread holds (its command returned); removes their files. */
    static void releaseHeldBy(Thread thread) {
        for (OutputLock l : HELD.values()) if (l.owner == thread) l.release();
    }

    private synchronized void release() {
        if (!HELD.remove(dir, this)) return;
        try {
            // removed while still held: a run waiting on the old file finds it gone and tries again (acquire)
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover lock file is taken over by the next run
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing releases the lock; the process ending does too
        }
    }
}
