package org.forwardonly.plots.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code DIR/.pepita-manifest}: the files the project wrote into DIR, one line each, as
 * {@code sha256sum} prints them ({@code HEX  relative/path}; {@code sha256sum -c} checks it). It is
 * the proof {@code --overwrite} needs (issue 27): a file of DIR is replaced or removed only if it is
 * listed with the hash it has now, i.e. pepita wrote it and nobody changed it since; any other file
 * is the user's and stays, whatever its name.
 */
final class Manifest {
    static final String NAME = ".pepita-manifest";
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (.+)");

    /** Relative path ('/'-separated) to SHA-256 hex. */
    final Map<String, String> files = new TreeMap<>();

    /** The manifest of {@code dir}; empty if it has none or it is not one (nothing is proven then). */
    static Manifest of(Path dir) {
        Manifest m = new Manifest();
        Path f = dir.resolve(NAME);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) return m;
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                Matcher x = LINE.matcher(line);
                if (x.matches() && !x.group(2).contains("..")) m.files.put(x.group(2), x.group(1));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            m.files.clear(); // unreadable or not UTF-8: proves nothing
        }
        return m;
    }

    /** Whether {@code dir/relative} is a regular file listed here with its present hash. */
    boolean proves(Path dir, String relative) throws IOException {
        String h = files.get(relative);
        Path f = dir.resolve(relative);
        return h != null && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && h.equals(sha256(f));
    }

    /** The SHA-256 of a file, hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Adds every regular file under {@code root} (the staging directory), by path relative to it. */
    void addTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(q -> Files.isRegularFile(q, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(NAME)) files.put(rel, sha256(p));
            }
        }
    }

    /** Writes the manifest as {@code dir/.pepita-manifest} (a temporary file moved over it). */
    void writeTo(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        files.forEach((rel, h) -> b.append(h).append("  ").append(rel).append('\n'));
        Path tmp = dir.resolve(NAME + ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
