package org.forwardonly.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output directory written all at once: files go into a hidden temporary sibling that is
 * moved into place by {@link #commit()}, so a failed run leaves nothing half-written.
 */
final class RunDirectory implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    private RunDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks that {@code target} is absent or an empty directory (else a one-line message for
     * exit code 2) and creates the staging directory.
     */
    static RunDirectory create(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) throw new BadOutput("--out " + target + " exists and is not a directory");
            try (Stream<Path> s = Files.list(abs)) {
                if (s.findAny().isPresent()) {
                    throw new BadOutput("--out " + target + " exists and is not empty (choose a new directory)");
                }
            }
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        return new RunDirectory(abs, staging);
    }

    /** A file in the staging directory. */
    Path file(String name) {
        return staging.resolve(name);
    }

    /** Moves the staging directory into place. */
    void commit() throws IOException {
        if (Files.isDirectory(target)) Files.delete(target); // checked empty in create()
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        committed = true;
    }

    /** Removes the staging directory unless committed. */
    @Override
    public void close() throws IOException {
        if (committed || !Files.exists(staging)) return;
        try (Stream<Path> s = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

    /** An unusable --out (exit code 2). */
    static final class BadOutput extends IOException {
        BadOutput(String message) {
            super(message);
        }
    }
}
