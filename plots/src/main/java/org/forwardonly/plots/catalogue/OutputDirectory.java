package org.forwardonly.plots.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output directory that is filled all at once: files are written into a hidden staging
 * directory next to it and moved in only when everything is written, so that a failed or
 * interrupted command leaves no half-written figure behind.
 */
public final class OutputDirectory {
    private final Path target;
    private final Path stage;

    private OutputDirectory(Path target, Path stage) {
        this.target = target;
        this.stage = stage;
    }

    /**
     * Checks that {@code dir} can be written, leaving nothing behind: it is a writable directory,
     * or it does not exist and its nearest existing ancestor is a writable directory. Writability
     * is tried (a probe directory made and removed), since permission bits say nothing for root
     * or on read-only and virtual file systems.
     *
     * @throws IllegalArgumentException with one line saying what is wrong
     */
    public static void check(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path p = abs;
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) throw new IllegalArgumentException("--out " + dir + ": no existing parent directory");
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("--out " + dir + ": " + (p.equals(abs) ? "exists and is not a directory" : p + " is not a directory"));
        }
        // the staging directory goes next to the target, so the target's parent must take new entries
        Path where = p.equals(abs) && abs.getParent() != null ? abs.getParent() : p;
        try {
            Files.delete(Files.createTempDirectory(where, ".pepita-probe-"));
            if (p.equals(abs)) Files.delete(Files.createTempDirectory(abs, ".pepita-probe-"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("--out " + dir + ": cannot create files in " + where
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Checks {@code dir} and creates the staging directory next to it. */
    public static OutputDirectory open(Path dir) throws IOException {
        check(dir);
        Path abs = dir.toAbsolutePath().normalize();
        Files.createDirectories(abs.getParent());
        Path stage = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
        return new OutputDirectory(abs, stage);
    }

    /** A path in the staging directory (parents created). */
    public Path file(String relative) throws IOException {
        Path p = stage.resolve(relative);
        Files.createDirectories(p.getParent());
        return p;
    }

    /** Moves everything written into the target directory (replacing files and folders of the same name). */
    public void commit() throws IOException {
        if (!Files.exists(target)) {
            Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(stage)) {
            entries = s.sorted().toList();
        }
        for (Path e : entries) {
            Path dest = target.resolve(e.getFileName().toString());
            if (Files.isDirectory(dest)) deleteTree(dest);
            Files.move(e, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.delete(stage);
    }

    /** Deletes the staging directory and what it holds (after a failure). */
    public void abandon() {
        try {
            if (Files.exists(stage)) deleteTree(stage);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden .partial directory is harmless
        }
    }

    /** The directory the files end up in. */
    public Path target() {
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
