package org.forwardonly.scan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.config.ConfigParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A result cache shared by scans ({@code pepita scan --cache DIR}): one file per point,
 * DIR/ab/abcd....json, named by the SHA-256 of everything that determines the point's rows — the
 * code version, what runs ({@code run}) with the summary settings ({@code threshold},
 * {@code plateauSlope}, {@code plateauDrop}), and the point's fully resolved config (every default
 * filled in, as the spec hash sees it). A point any earlier scan computed with the same code is
 * copied, not recomputed, whatever its index or swept keys there. Entries are written to a temporary
 * file and renamed, so processes sharing the cache never see half an entry; two that compute the same
 * point write the same bytes. An unreadable entry counts as absent and is rewritten.
 */
public final class ResultCache {

    private final Path dir;
    private final String codeVersion;

    private ResultCache(Path dir, String codeVersion) {
        this.dir = dir;
        this.codeVersion = codeVersion;
    }

    /**
     * The cache in DIR (created if absent) for results of this code version; {@link ScanSpecException}
     * (bad input) if DIR cannot be a cache directory.
     *
     * @param codeVersion what identifies the code that computes the rows (the version and git commit)
     */
    public static ResultCache open(Path dir, String codeVersion) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ScanSpecException("option '--cache': cannot create " + dir + " (" + e.getClass().getSimpleName()
                    + "); give a writable directory");
        }
        if (!Files.isWritable(dir)) throw new ScanSpecException("option '--cache': " + dir + " is not writable; give a writable directory");
        return new ResultCache(dir, codeVersion);
    }

    /** The point's key: hex SHA-256 of the code version, the run settings and the resolved config. */
    public String key(ScanSpec spec, ScanPoint point) {
        String text = "version=" + codeVersion + "\nrun=" + spec.run().key() + ";threshold=" + spec.threshold()
                + ";plateauSlope=" + spec.plateauSlope() + ";plateauDrop=" + spec.plateauDrop() + "\n"
                + ConfigParser.toJson(ConfigParser.parse(point.config()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);   // every JVM has SHA-256
        }
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** The point's cached rows under its own index and values (marked cached), if the cache holds them. */
    public Optional<PointResult> get(ScanSpec spec, ScanPoint point) {
        Path f = file(key(spec, point));
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            JsonNode e = ConfigParser.mapper().readTree(Files.readString(f));
            ObjectNode line = ConfigParser.mapper().createObjectNode();
            line.put("point", 0);
            line.putObject("values");
            line.set("rows", e.get("rows"));
            return Optional.of(PointResult.fromJsonLine(line.toString()).copiedAs(point.index(), point.values()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // a damaged entry is a miss; put() rewrites it
        }
    }

    /** Stores a computed point's rows unless the cache has them (a cached result is not stored again). */
    public void put(ScanSpec spec, PointResult result) {
        if (result.cached()) return;
        ScanPoint point = spec.points().get(result.index());
        String key = key(spec, point);
        Path f = file(key);
        if (Files.isRegularFile(f) && get(spec, point).isPresent()) return;
        try {
            Files.createDirectories(f.getParent());
            ObjectNode e = ConfigParser.mapper().createObjectNode();
            e.put("key", key);
            e.put("version", codeVersion);
            e.put("run", spec.run().key());
            e.put("threshold", spec.threshold());
            e.put("plateauSlope", spec.plateauSlope());
            e.put("plateauDrop", spec.plateauDrop());
            e.set("config", ConfigParser.toJson(ConfigParser.parse(point.config())));
            e.set("rows", ConfigParser.mapper().readTree(result.toJsonLine()).get("rows"));
            Path tmp = Files.createTempFile(f.getParent(), key, ".tmp");
            Files.writeString(tmp, e.toString() + "\n");
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache entry " + f + ": " + e.getMessage(), e);
        }
    }
}
