package org.forwardonly.scan.store;

import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resumable record of finished points: DIR/results.jsonl, one JSON line per point in
 * completion order. Each line is appended with a single write and then forced to disk, so a
 * kill leaves at most one torn last line; opening the store cuts such a line off. A point is
 * never stored twice: the executor only runs points the store does not hold.
 */
public final class ResultStore implements AutoCloseable {

    /** The results file's name inside DIR. */
    public static final String FILE = "results.jsonl";

    private final FileChannel channel;
    private final Map<Integer, PointResult> done = new TreeMap<>();

    private ResultStore(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens (or creates) DIR/results.jsonl for this spec, cuts a torn last line, and loads the
     * finished points. A line that names a point this spec does not have (or with other
     * values) means DIR holds another scan: {@link ScanSpecException}.
     */
    public static ResultStore open(Path dir, ScanSpec spec) {
        Path file = dir.resolve(FILE);
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            ResultStore store = new ResultStore(ch);
            store.load(file, spec);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private void load(Path file, ScanSpec spec) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') end--;   // a torn last line (killed mid-write) is dropped
        if (end < bytes.length) {
            channel.truncate(end);
            channel.force(true);
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isEmpty()) continue;
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
            done.putIfAbsent(r.index(), r);
        }
        channel.position(end);
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

    /** Appends one finished point: one write of the whole line, then fsync. */
    public synchronized void append(PointResult r) {
        if (done.containsKey(r.index())) return;
        ByteBuffer buf = ByteBuffer.wrap((r.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + FILE + ": " + e.getMessage(), e);
        }
        done.put(r.index(), r);
    }

    /** The finished points in grid order. */
    public synchronized List<PointResult> results() {
        return List.copyOf(done.values());
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
