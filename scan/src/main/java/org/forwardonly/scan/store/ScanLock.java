package org.forwardonly.scan.store;

import org.forwardonly.scan.spec.ScanSpecException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a scan directory (DIR/.lock, an OS file lock): a second scan on the same
 * DIR refuses at once. The OS drops the lock when the process dies, even by kill -9.
 */
public final class ScanLock implements AutoCloseable {

    /** The lock file's name inside DIR. */
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ScanLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link ScanSpecException} saying DIR is busy. */
    public static ScanLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;   // held by this JVM
            }
            if (l == null) {
                ch.close();
                throw new ScanSpecException("scan: " + dir + " is in use by another running scan (lock " + file
                        + " is held); wait for it to finish or use another --out");
            }
            return new ScanLock(ch, l);
        } catch (IOException e) {
            try {
                if (ch != null) ch.close();
            } catch (IOException ignored) {
                // closing after a failure
            }
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
