package org.forwardonly.plots.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output directory that is filled all at once, the one staging mechanism of every command:
 * files are written into a hidden staging directory next to it ({@code .NAME.partial-PID-*}) and
 * moved in only when everything is written, so that a failed, interrupted or killed command
 * leaves no half-written file in it and an earlier complete run intact. Moving in replaces files
 * of the same name and merges into existing subdirectories; it never deletes a file this run did
 * not write. A staging directory whose process is gone (killed) is removed by the next run.
 * DIR is locked from its check to the end of the command ({@link OutputLock}), and with
 * {@code --overwrite} only files listed in DIR's manifest with their present content
 * ({@link Manifest}, {@code DIR/.pepita-manifest}) are replaced or removed (issue 27).
 * See docs/reliability.md.
 */
public final class OutputDirectory {
    /**
     * What the project names its staging directories: {@code .NAME.partial-PID-RANDOM}, and before PIDs
     * were in the name {@code .NAME.partial-RANDOM} or {@code .NAME.tmp-RANDOM}; RANDOM is the 10 to 20
     * digits of {@link Files#createTempDirectory}.
     */
    private static final Pattern STAGING = Pattern.compile("\\.(.+)\\.(?:partial|tmp)-(?:(\\d+)-)?\\d{10,}");
    /** The writability probes of {@link #check} (made and removed at once; never cleaned, to spare a live probe). */
    private static final Pattern PROBE = Pattern.compile("\\.pepita-probe-\\d+");
    /** The locks of subdirectories (reproduce's figures) inside DIR. */
    private static final Pattern LOCK = Pattern.compile("\\..+\\.pepita-lock");
    /**
     * The file every staging directory holds until it is moved in: what proves that a directory
     * with a staging name is the project's, so that a user's {@code .o.tmp-1234567890/} is never removed.
     */
    static final String MARKER = ".pepita-staging";

    private final Path target;
    private final Path stage;
    /** Removes the staging directory when the JVM is stopped (Ctrl-C, SIGTERM) before commit or abandon. */
    private final Thread onExit = new Thread(this::abandonIfOpen, "pepita-staging-cleanup");
    /** Committed or abandoned; guarded by this, so a stop during {@link #commit} waits for it to finish. */
    private boolean settled;

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
        if (dir.toString().isEmpty()) throw new IllegalArgumentException("--out: empty path (give a directory, e.g. --out runs/x)");
        if (dir.toString().indexOf('\uFFFD') >= 0) {
            // issue 27: $'out4-\xff' created out4-\uFFFD, a name the user did not type; Java sees such bytes only as U+FFFD
            throw new IllegalArgumentException("--out " + dir + ": not valid UTF-8 (a byte Java cannot read as a character);"
                    + " use a name in UTF-8");
        }
        Path abs = dir.toAbsolutePath().normalize();
        Path p = abs;
        while (p != null && !Files.exists(p)) p = p.getParent();
        if (p == null) throw new IllegalArgumentException("--out " + dir + ": no existing parent directory");
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("--out " + dir + ": " + (p.equals(abs) ? "exists and is not a directory" : p
                    + " is not a directory"));
        }
        if (abs.getParent() == null) throw new IllegalArgumentException("--out " + dir
                + ": the root directory cannot be an output directory");
        // the staging directory goes next to the target, so the target's parent must take new entries
        Path where = p.equals(abs) ? abs.getParent() : p;
        try {
            Files.delete(Files.createTempDirectory(where, ".pepita-probe-"));
            if (p.equals(abs)) Files.delete(Files.createTempDirectory(abs, ".pepita-probe-"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("--out " + dir + ": cannot create files in " + where
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() != null && !e.getMessage().equals(where.toString())
                    ? ": " + e.getMessage() : "") + ")");
        }
    }

    /**
     * {@link #check} and, unless {@code overwrite}, that {@code dir} is absent or empty (the
     * project's own stale staging directories aside): a command never mixes its files with others
     * unasked. With {@code overwrite} files of the same names are replaced and nothing else deleted.
     *
     * @throws IllegalArgumentException with one line saying what is wrong and that --overwrite exists
     */
    public static void checkFresh(Path dir, boolean overwrite) {
        check(dir);
        lock(dir);
        if (overwrite || !Files.isDirectory(dir)) return;
        List<String> held = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !STAGING.matcher(n).matches() && !PROBE.matcher(n).matches()
                    && !LOCK.matcher(n).matches()).sorted().forEach(held::add);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + dir + ": cannot list it (" + e.getClass().getSimpleName() + ")");
        }
        if (!held.isEmpty()) {
            throw new IllegalArgumentException("--out " + dir + ": not empty (holds " + held.size() + " entr"
                    + (held.size() == 1 ? "y" : "ies") + ", e.g. " + held.get(0) + "); pass --overwrite to write into it "
                    + "(files of the same names are replaced, nothing else is deleted) or choose another directory");
        }
    }

    /**
     * Takes the lock of {@code dir} for the current thread until its command returns
     * ({@link #releaseLocks}), or keeps it if the thread holds it already: a second run into the
     * same DIR is refused from its start, however long the first one runs.
     *
     * @throws IllegalArgumentException one line naming the holder
     */
    public static void lock(Path dir) {
        if (dir.toString().isEmpty()) throw new IllegalArgumentException("--out: empty path (give a directory, e.g. --out runs/x)");
        OutputLock.acquire(dir.toAbsolutePath().normalize());
    }

    /** Releases the output-directory locks the current thread holds: its command has returned. */
    public static void releaseLocks() {
        OutputLock.releaseHeldBy(Thread.currentThread());
    }

    /** What a lock file says its holder is doing (the command line), for the one line of a refused run. */
    public static void describeHolder(String commandLine) {
        OutputLock.holder = commandLine;
    }

    /**
     * Checks {@code dir}, locks it ({@link #lock}), removes stale staging left beside it by killed
     * runs, and creates this run's staging directory.
     *
     * @throws IOException also when another run holds DIR's lock (its message names the holder)
     */
    public static OutputDirectory open(Path dir) throws IOException {
        check(dir);
        Path abs = dir.toAbsolutePath().normalize();
        try {
            OutputLock.acquire(abs);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
        Files.createDirectories(abs.getParent());
        cleanStale(abs.getParent(), abs.getFileName().toString());
        if (Files.isDirectory(abs)) cleanStale(abs, null); // reproduce stages its figures inside DIR
        Path stage = Files.createTempDirectory(abs.getParent(),
                "." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid() + "-");
        Files.writeString(stage.resolve(MARKER), "staging of pepita pid " + ProcessHandle.current().pid() + "\n");
        OutputDirectory out = new OutputDirectory(abs, stage);
        Runtime.getRuntime().addShutdownHook(out.onExit);
        return out;
    }

    /**
     * Removes, in {@code where}, the staging directories of {@code name} ({@code .NAME.partial-PID-*},
     * {@code .NAME.tmp-*}; of any name if null) whose process is no longer alive: what a killed run left.
     * Only directories that hold the project's {@link #MARKER} (or nothing at all) are removed: a
     * user's directory that merely has such a name is left alone, as are the staging of a live run
     * and names the project does not write.
     *
     * @return how many were removed
     */
    public static int cleanStale(Path where, String name) {
        int removed = 0;
        List<Path> entries;
        try (Stream<Path> s = Files.list(where)) {
            entries = s.toList();
        } catch (IOException e) {
            return 0; // nothing to clean where nothing can be listed
        }
        for (Path e : entries) {
            Matcher m = STAGING.matcher(e.getFileName().toString());
            if (!m.matches() || !Files.isDirectory(e, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
            if (name != null && !name.equals(m.group(1))) continue;
            if (m.group(2) != null && (m.group(2).length() > 18
                    || ProcessHandle.of(Long.parseLong(m.group(2))).map(ProcessHandle::isAlive).orElse(false))) {
                continue; // a live run (possibly this one) is still writing it, or not a PID at all
            }
            if (!Files.isRegularFile(e.resolve(MARKER), java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isEmpty(e)) {
                continue; // not provably the project's: a user's directory with a staging-like name
            }
            try {
                deleteTree(e);
                removed++;
            } catch (IOException | UncheckedIOException x) {
                // best effort: tried again by the next run
            }
        }
        return removed;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes {@code relative} from the target at {@link #commit}: an output of an earlier run that
     * this run does not write and that would misdescribe it. Only if the manifest proves pepita wrote
     * it; otherwise commit fails before moving anything, and the file stays.
     */
    public void removeAtCommit(String relative) {
        removals.add(relative);
    }

    private final List<String> removals = new ArrayList<>();

    /** The staging directory itself (files written here are moved into the target by {@link #commit}). */
    public Path stage() {
        return stage;
    }

    /** A path in the staging directory (parents created). */
    public Path file(String relative) throws IOException {
        Path p = stage.resolve(relative);
        Files.createDirectories(p.getParent());
        return p;
    }

    /**
     * Moves everything written into the target directory: files replace files of the same name,
     * directories are merged into directories of the same name, nothing else in the target is
     * touched. A name that is a file on one side and a directory on the other fails before
     * anything is moved (IOException naming it).
     */
    public synchronized void commit() throws IOException {
        if (settled) throw new IllegalStateException("staging of " + target + " already committed or abandoned");
        Files.deleteIfExists(stage.resolve(MARKER));
        Manifest written = new Manifest();
        written.addTree(stage);
        if (!Files.exists(target)) {
            written.writeTo(stage);
            Files.move(stage, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Manifest earlier = Manifest.of(target);
            checkNoClash(stage, target, target, earlier);
            for (String r : removals) {
                Path f = target.resolve(r);
                if (Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !earlier.proves(target, r)) {
                    throw new IOException(notOurs(f) + "; this run does not write it and would leave it misdescribing the run");
                }
            }
            // what pepita wrote before and nobody changed since stays provable; then this run's files
            Manifest next = new Manifest();
            for (String rel : earlier.files.keySet()) {
                if (!removals.contains(rel) && earlier.proves(target, rel)) next.files.put(rel, earlier.files.get(rel));
            }
            next.files.putAll(written.files);
            merge(stage, target);
            for (String r : removals) Files.deleteIfExists(target.resolve(r));
            next.writeTo(target);
            deleteTree(stage);
        }
        settle();
    }

    /**
     * Before a run starts, with {@code --overwrite}: refuses when {@code dir} holds one of {@code names} (files the run
     * replaces or removes at {@link #commit}) that its manifest does not prove pepita wrote, so that the refusal comes
     * before the work rather than after it (hostile trial: {@code simulate --overwrite} over a user's per_seed.csv
     * ran to the end, then was refused). Commit checks again, and every other name.
     *
     * @throws IllegalArgumentException with one line naming the file
     */
    public static void checkReplaceable(Path dir, String... names) {
        if (!Files.isDirectory(dir)) return;
        Manifest earlier = Manifest.of(dir);
        for (String n : names) {
            Path f = dir.resolve(n);
            // the same words as commit's checks
            if (Files.isSymbolicLink(f)) throw new IllegalArgumentException(f + " is a symbolic link where this run writes; move it away");
            if (Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(f + " is a directory where this run writes a file; move it away");
            }
            try {
                if (Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !earlier.proves(dir, n)) {
                    throw new IllegalArgumentException(notOurs(f));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--out " + dir + ": cannot read " + f + " (" + e.getMessage() + ")");
            }
        }
    }

    private static String notOurs(Path f) {
        return f + " was not written by pepita (or was changed since; it is not in " + Manifest.NAME
                + " with its present content), so it is kept; move it away or choose another --out";
    }

    private void settle() {
        settled = true;
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is stopping: the hook runs and finds the staging settled
        }
    }

    private synchronized void abandonIfOpen() {
        if (!settled) abandon();
    }

    private static void checkNoClash(Path from, Path to, Path root, Manifest earlier) throws IOException {
        for (Path e : list(from)) {
            Path dest = to.resolve(e.getFileName().toString());
            if (Files.isSymbolicLink(dest)) throw new IOException(dest + " is a symbolic link where this run writes; move it away");
            if (!Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
            boolean dirHere = Files.isDirectory(e), dirThere = Files.isDirectory(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (dirHere != dirThere) {
                throw new IOException(dest + " is " + (dirThere ? "a directory" : "a file") + " where this run writes "
                        + (dirHere ? "a directory" : "a file") + "; move it away");
            }
            if (dirHere) checkNoClash(e, dest, root, earlier);
            else if (!earlier.proves(root, root.relativize(dest).toString().replace('\\', '/'))) throw new IOException(notOurs(dest));
        }
    }

    private static void merge(Path from, Path to) throws IOException {
        for (Path e : list(from)) {
            Path dest = to.resolve(e.getFileName().toString());
            if (Files.isDirectory(e) && Files.isDirectory(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                merge(e, dest);
            } else {
                Files.move(e, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** Deletes the staging directory and what it holds (after a failure); nothing once committed. */
    public synchronized void abandon() {
        if (settled) return;
        try {
            if (Files.exists(stage)) deleteTree(stage);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover staging directory is removed by the next run (cleanStale)
        }
        settle();
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
