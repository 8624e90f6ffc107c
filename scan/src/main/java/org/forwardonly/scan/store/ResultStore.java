package org.forwardonly.scan.store;

import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resumable record of finished points: DIR/results.jsonl, one JSON line per point in
 * completion order. Several processes may append to it at once (the tasks of a Slurm array, a
 * requeued task, the driver): every read of new lines, cut of a torn line and append happens
 * under an exclusive OS lock on the file (and, within one JVM, on a monitor per file, since the OS
 * lock is per process), after reading what the others appended. So a point is stored at most
 * once whoever computes it, and a line is always written whole by one holder of the lock: a
 * writer killed mid-write (even kill -9) leaves at most a torn last line with no newline, which
 * the next holder of the lock cuts off, since no live writer can be in the middle of it. The OS
 * lock is {@code fcntl}'s, which local file systems and NFSv4 honour across machines.
 */
public final class ResultStore implements AutoCloseable {

    /** The results file's name inside DIR. */
    public static final String FILE = "results.jsonl";

    /** One monitor per results file in this JVM: the OS lock does not exclude two channels of one process. */
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final Path file;
    private final ScanSpec spec;
    private final Object monitor;
    private final Map<Integer, PointResult> done = new TreeMap<>();
    /** Bytes of the file read so far, always just after a newline. */
    private long readPos;
    private int lineNo;

    private ResultStore(FileChannel channel, Path file, ScanSpec spec) {
        this.channel = channel;
        this.file = file;
        this.spec = spec;
        this.monitor = MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object());
    }

    /**
     * Opens (or creates) DIR/results.jsonl for this spec, cuts a torn last line, and loads the
     * finished points. A line that names a point this spec does not have (or with other
     * values) means DIR holds another scan: {@link ScanSpecException}.
     */
    public static ResultStore open(Path dir, ScanSpec spec) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ResultStore store = new ResultStore(ch, file, spec);
            store.refresh();
            return store;
        } catch (IOException e) {
            close(ch);
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(ch);
            throw e;
        }
    }

    private static void close(FileChannel ch) {
        try {
            if (ch != null) ch.close();
        } catch (IOException ignored) {
            // closing after a failure
        }
    }

    /**
     * Reads the points other processes stored since the last read (under the lock, cutting a torn
     * last line left by a dead writer) and returns the number of finished points.
     */
    public int refresh() {
        synchronized (monitor) {
            try (FileLock ignored = channel.lock()) {
                readNew();
                return size();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads whole lines past {@link #readPos}, then cuts whatever follows the last newline. Holds the lock. */
    private void readNew() throws IOException {
        long size = channel.size();
        if (size > readPos) {
            ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(size - readPos));
            while (buf.hasRemaining() && channel.read(buf, readPos + buf.position()) >= 0) {
                // read the new bytes whole
            }
            byte[] bytes = buf.array();
            int end = buf.position();
            while (end > 0 && bytes[end - 1] != '\n') end--;   // a torn last line (its writer died mid-write) is dropped
            String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                lineNo++;
                if (line.isEmpty()) continue;
                add(line);
            }
            readPos += end;
        }
        if (channel.size() > readPos) {
            channel.truncate(readPos);
            channel.force(true);
        }
    }

    private void add(String line) {
        PointResult r;
        try {
            r = PointResult.fromJsonLine(line);
        } catch (IllegalArgumentException e) {
            throw new ScanSpecException("scan: " + file + " line " + lineNo + " is not a result line; the directory is "
                    + "damaged or not a scan's (use another --out)");
        }
        if (r.index() < 0 || r.index() >= spec.size() || !spec.points().get(r.index()).values().equals(r.values())) {
            throw new ScanSpecException("scan: " + file + " line " + lineNo + " holds point " + r.index() + " " + r.values()
                    + ", which this spec does not have; use another --out");
        }
        synchronized (this) {
            done.putIfAbsent(r.index(), r);
        }
    }

    /** True if the point is already finished. */
    public synchronized boolean isDone(int index) {
        return done.containsKey(index);
    }

    /** The points of the spec that are not finished, in grid order. */
    public synchronized List<ScanPoint> missing(ScanSpec spec) {
        List<ScanPoint> out = new ArrayList<>();
        for (ScanPoint p : spec.points()) if (!done.containsKey(p.index())) out.add(p);
        return out;
    }

    /** Number of finished points. */
    public synchronized int size() {
        return done.size();
    }

    /**
     * Appends one finished point unless some process stored it already: under the lock, reads what
     * the others appended, then writes the whole line with one write and forces it to disk.
     *
     * @return true if this call stored it, false if it was stored already
     */
    public boolean append(PointResult r) {
        synchronized (monitor) {
            try (FileLock ignored = channel.lock()) {
                readNew();
                synchronized (this) {
                    if (done.containsKey(r.index())) return false;
                }
                ByteBuffer buf = ByteBuffer.wrap((r.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
                long pos = readPos;
                while (buf.hasRemaining()) pos += channel.write(buf, pos);
                channel.force(false);
                readPos = pos;
                lineNo++;
                synchronized (this) {
                    done.put(r.index(), r);
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + FILE + ": " + e.getMessage(), e);
            }
        }
    }

    /** The finished points in grid order. */
    public synchronized List<PointResult> results() {
        return List.copyOf(done.values());
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
