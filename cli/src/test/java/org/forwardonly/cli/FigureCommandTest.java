package org.forwardonly.cli;

import org.forwardonly.plots.figures.FigureCatalogue;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The figure, reproduce and notebook commands' contract: listing, bad input (one line, exit 2, nothing written). */
class FigureCommandTest {

    @TempDir
    Path tmp;

    private static OdeCommandTest.Run run(String... args) {
        return OdeCommandTest.run(args);
    }

    private static void assertOneLine(OdeCommandTest.Run r, String mustContain) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line on stderr: " + r.err());
        assertTrue(r.err().contains(mustContain), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    private long entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void listNamesEveryFigureWithItsDescriptionAndThePaperFigureItAnswers() {
        OdeCommandTest.Run r = run("figure", "--list");
        assertEquals(0, r.exit(), r.err());
        for (FigureDefinition f : FigureCatalogue.all()) {
            String tag = f.paperFigure().isEmpty() ? "[the project's extension]" : "[paper " + f.paperFigure() + "]";
            assertTrue(r.out().contains(f.name() + "  " + tag + System.lineSeparator()), f.name());
            assertTrue(r.out().contains(f.description()));
        }
        assertTrue(r.out().contains("fig2a-pepita-vs-afa  [paper Fig. 2a]"), r.out());
    }

    @Test
    void unknownNameIsOneLineAndExit2AndWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        OdeCommandTest.Run r = run("figure", "no-such-figure", "--out", out.toString(), "--no-progress");
        assertOneLine(r, "unknown figure 'no-such-figure'");
        assertTrue(r.err().contains(FigureCatalogue.all().get(0).name()), "the message lists the figures");
        assertFalse(Files.exists(out));
        assertEquals(0, entries(tmp));
    }

    @Test
    void unwritableOutIsOneLineAndExit2() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        // a directory cannot be made under a regular file (root can write anywhere, so permissions would not test this)
        OdeCommandTest.Run r = run("figure", "learning-curves", "--quick", "--out", file.resolve("sub").toString(), "--no-progress");
        assertOneLine(r, "is not a directory");
        r = run("figure", "learning-curves", "--quick", "--out", file.toString(), "--no-progress");
        assertOneLine(r, "exists and is not a directory");
        r = run("reproduce", "--quick", "--out", file.resolve("sub").toString(), "--no-progress");
        assertOneLine(r, "is not a directory");
        if (java.nio.file.Files.isDirectory(Path.of("/proc/self"))) {
            // /proc takes no new files, even for root: refused before any run starts
            r = run("figure", "learning-curves", "--quick", "--out", "/proc/pepita-figures", "--no-progress");
            assertOneLine(r, "cannot create files in /proc");
        }
        assertEquals(1, entries(tmp), "nothing but the file itself");
    }

    @Test
    void sameFigureWhateverTheThreadCount() throws Exception {
        Path one = tmp.resolve("one"), two = tmp.resolve("two");
        assertEquals(0, run("figure", "alignment", "--quick", "--threads", "1", "--out", one.toString(), "--no-progress").exit());
        assertEquals(0, run("figure", "alignment", "--quick", "--threads", "2", "--out", two.toString(), "--no-progress").exit());
        List<String> files;
        try (Stream<Path> s = Files.walk(one)) {
            files = s.filter(Files::isRegularFile).map(p -> one.relativize(p).toString()).sorted().toList();
        }
        assertTrue(files.contains("data/pepita_sim.csv") && files.contains("alignment.pdf"), files.toString());
        for (String f : files) {
            // the command line (with --threads) is recorded in these; everything else must match byte for byte
            if (f.startsWith("configs/") || f.equals("command.txt") || f.equals("figure.json") || f.endsWith(".ipynb")
                    || f.equals(".pepita-manifest")) continue; // the manifest holds those files' hashes
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
    }

    @Test
    void missingNameOrOutIsExit2() {
        assertOneLine(run("figure", "--out", tmp.toString()), "missing NAME");
        assertOneLine(run("figure", "learning-curves"), "missing --out");
    }

    @Test
    void notebookOfADirectoryWithoutCsvIsExit2() throws Exception {
        assertOneLine(run("notebook", tmp.toString()), "no CSV");
        assertOneLine(run("notebook", tmp.resolve("absent").toString()), "is not a directory");
        assertFalse(Files.exists(tmp.resolve("notebook.ipynb")));
    }
}
