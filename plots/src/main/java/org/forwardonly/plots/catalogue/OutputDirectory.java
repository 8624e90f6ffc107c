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
     * Checks that {@code dir} can be written without creating anything: it is a writable
     * directory, or it does not exist and its nearest existing ancestor is a writable directory.
     *
     * @throws IllegalArgumentException with one line saying what is wrong
     */
    public static void check(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) throw new IllegalArgumentException("--out " + dir + ": exists and is not a directory");
            if (!Files.isWritable(abs)) throw new IllegalArgumentException("--out " + dir + ": directory is not writable");
            return;
        }
        Path p = abs.getParent();
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) throw new IllegalArgumentException("--out " + dir + ": no existing parent directory");
        if (!Files.isDirectory(p)) throw new IllegalArgumentException("--out " + dir + ": " + p + " is not a directory");
        if (!Files.isWritable(p)) throw new IllegalArgumentException("--out " + dir + ": " + p + " is not writable");
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
