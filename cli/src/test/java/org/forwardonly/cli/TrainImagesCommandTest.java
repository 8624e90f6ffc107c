package org.forwardonly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainImagesCommandTest {

    @TempDir
    Path dir;

    record Result(int exit, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = PepitaCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = cl.execute(args);
        return new Result(exit, err.toString());
    }

    @Test
    void missingDatasetIsOneLineWithTheInstallCommandAndExit2() {
        Path out = dir.resolve("out");
        Result r = run("train-images", "--data-dir", dir.resolve("nothing-here").toString(), "-o", out.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("sudo apt-get install dataset-fashion-mnist"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void badOptionValuesAreOneLineAndExit2() {
        Path out = dir.resolve("out");
        for (List<String> bad : List.of(List.of("--rules", "bp,sgd"), List.of("--modulation-sign", "2"),
                List.of("--lr", "pepita=-1"), List.of("--dataset", "cifar10"), List.of("--epochs", "x"))) {
            String[] args = new String[bad.size() + 3];
            args[0] = "train-images";
            args[1] = "-o";
            args[2] = out.toString();
            for (int i = 0; i < bad.size(); i++) {
                args[3 + i] = bad.get(i);
            }
            Result r = run(args);
            assertEquals(2, r.exit(), bad + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out));
        }
    }

    /** Runs only where the Debian package is installed: one epoch on 2000 real images. */
    @Test
    void realFashionMnistTinyRun() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.exists(Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")),
                "dataset-fashion-mnist not installed");
        Path out = dir.resolve("real");
        Result r = run("train-images", "-o", out.toString(), "--rules", "bp,pepita", "--train-size", "2000",
                "--test-size", "1000", "--hidden", "128", "--epochs", "1", "--threads", "1", "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(5, lines.size());
        double bp = Double.parseDouble(lines.get(2).split(",")[4]);       // bp after epoch 1
        double pepita = Double.parseDouble(lines.get(4).split(",")[4]);   // pepita after epoch 1
        // Chance is 10 %. Linear classifiers reach ~80 % on Fashion-MNIST, and bp passes 50 % within the 32
        // batches of 2000 images. PEPITA starts slower (42 % measured here, seed 1); 20 % is twice chance.
        assertTrue(bp > 0.5, lines.get(2));
        assertTrue(pepita > 0.2, lines.get(4));
        assertTrue(Files.exists(out.resolve("config.json")) && Files.exists(out.resolve("summary.md"))
                && Files.exists(out.resolve("pepita/metrics.csv")) && Files.exists(out.resolve("timing.csv")));
        // the figure (plots module) and its notebook, with one table per rule
        for (String f : List.of("training.png", "training.svg", "training.pdf", "training.ipynb", "data/accuracy_bp.csv",
                "data/angle_pepita.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }
}
