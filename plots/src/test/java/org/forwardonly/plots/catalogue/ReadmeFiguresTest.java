package org.forwardonly.plots.catalogue;

import org.forwardonly.plots.figures.FigureCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's figures (docs/figures/NAME.png) were made by scripts/readme-figures from the figure
 * code as it is now: the hash of every file under plots/src/main that the script recorded beside the
 * PNGs (docs/figures/figure-code.sha256) is the hash of those files today. File times mean nothing in
 * a fresh clone, so the check is on contents; any change to the figure code fails it until the
 * script is rerun.
 */
class ReadmeFiguresTest {
    /** The repository root, from the module directory Maven runs the tests in. */
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /**
     * The script's hash: sha256 of the lines {@code "<sha256 of file>  <path>\n"} (sha256sum's format)
     * for every file under {@code dir}, paths relative to {@code root}, in byte order of the paths
     * ({@code LC_ALL=C sort}).
     */
    static String figureCodeHash(Path root, Path dir) throws IOException {
        List<String> paths;
        try (Stream<Path> files = Files.walk(root.resolve(dir))) {
            paths = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
        StringBuilder lines = new StringBuilder();
        for (String p : paths) {
            lines.append(HexFormat.of().formatHex(sha256(Files.readAllBytes(root.resolve(p))))).append("  ").append(p).append('\n');
        }
        return HexFormat.of().formatHex(sha256(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readmeFiguresAreFromTheCurrentFigureCode() throws IOException {
        Path recorded = REPO.resolve("docs/figures/figure-code.sha256");
        assertTrue(Files.isRegularFile(recorded), recorded + " is missing: run scripts/readme-figures");
        assertEquals(Files.readString(recorded).trim(), figureCodeHash(REPO, Path.of("plots/src/main")),
                "the figure code (plots/src/main) changed since the README's PNGs were made: run scripts/readme-figures");
        for (FigureDefinition f : FigureCatalogue.all()) {
            String name = f.name();
            assertTrue(Files.isRegularFile(REPO.resolve("docs/figures/" + name + ".png")),
                    "docs/figures/" + name + ".png is missing: run scripts/readme-figures");
        }
    }

    /** The check can say no: one changed byte, or a renamed file, changes the hash. */
    @Test
    void theHashSeesAChangedByteAndARenamedFile(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("plots/src/main/java"));
        Files.writeString(dir.resolve("A.java"), "class A {}\n");
        Files.writeString(dir.resolve("B.java"), "class B {}\n");
        String before = figureCodeHash(root, Path.of("plots/src/main"));
        Files.writeString(dir.resolve("A.java"), "class A { }\n");
        String changed = figureCodeHash(root, Path.of("plots/src/main"));
        assertNotEquals(before, changed);
        Files.move(dir.resolve("B.java"), dir.resolve("C.java"));
        assertNotEquals(changed, figureCodeHash(root, Path.of("plots/src/main")));
    }

    /** Java's hash is the script's (its sha256sum pipeline), on this repository. */
    @Test
    void theHashIsTheScripts() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", REPO.resolve("scripts/readme-figures").toString(), "--hash")
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), printed);
        assertEquals(printed, figureCodeHash(REPO, Path.of("plots/src/main")));
    }
}
