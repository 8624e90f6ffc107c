package org.forwardonly.scan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.config.ConfigParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * DIR/scan.json: the spec as given plus its hash, the number of points, the version and the
 * command that started the scan. It is
 * written once, when the scan starts in an empty DIR; a later run on the same DIR must have the
 * same hash, so results of different grids are never mixed.
 */
public final class ScanManifest {

    /** The manifest's name inside DIR. */
    public static final String FILE = "scan.json";

    private ScanManifest() {}

    /** Writes the manifest if DIR has none; otherwise checks that its hash is this spec's. */
    public static void writeOrCheck(Path dir, ScanSpec spec, String version, List<String> command) {
        Path file = dir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                JsonNode old;
                try {
                    old = ConfigParser.mapper().readTree(Files.readString(file));
                } catch (java.io.IOException e) {
                    throw new ScanSpecException("scan: " + file + " is not a scan manifest (" + e.getClass().getSimpleName()
                            + "); it was damaged or not written by pepita scan: move it away, or use another --out");
                }
                String oldHash = old == null ? null : old.path("specHash").asText(null);
                if (!spec.hash().equals(oldHash)) {
                    throw new ScanSpecException("scan: " + dir + " holds results of a different scan (spec hash "
                            + shortHash(oldHash) + ", this spec " + shortHash(spec.hash())
                            + "); use another --out, or delete " + dir + " to start over");
                }
                return;
            }
            if (Files.exists(dir.resolve(ResultStore.FILE)) && Files.size(dir.resolve(ResultStore.FILE)) > 0) {
                throw new ScanSpecException("scan: " + dir + " has results but no " + FILE + "; use another --out");
            }
            ObjectNode m = ConfigParser.mapper().createObjectNode();
            m.put("specHash", spec.hash());
            m.put("points", spec.size());
            m.put("version", version);
            if (!command.isEmpty()) m.put("command", String.join(" ", command));
            m.set("spec", spec.source());
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.writeString(tmp, ConfigParser.pretty(m));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String shortHash(String h) {
        return h == null ? "missing" : h.substring(0, Math.min(12, h.length()));
    }
}
