package org.forwardonly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-images --protocol}: tables from tiny datasets of the published formats, and bad input. */
class TrainImagesProtocolTest {

    @TempDir
    Path dir;

    static void idx(Path file, int[] dims, byte[] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {0, 0, 8, (byte) dims.length});
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(values);
        }
    }

    /** A learnable toy MNIST in IDX files: class k lights up row k of the 28×28 image, plus noise. */
    static void toyMnist(Path d, int train, int test) throws IOException {
        Files.createDirectories(d);
        Random rng = new Random(1);
        for (String set : List.of("train", "t10k")) {
            int n = set.equals("train") ? train : test;
            byte[] images = new byte[n * 784];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(10);
                labels[i] = (byte) k;
                for (int p = 0; p < 784; p++) {
                    images[i * 784 + p] = (byte) (p / 28 == 2 * k ? 200 : rng.nextInt(60));
                }
            }
            idx(d.resolve(set + "-images-idx3-ubyte"), new int[] {n, 28, 28}, images);
            idx(d.resolve(set + "-labels-idx1-ubyte"), new int[] {n}, labels);
        }
    }

    @Test
    void table1OnATinyMnistWritesEveryRowAndSaysItIsCut() throws IOException {
        Path data = dir.resolve("data");
        toyMnist(data.resolve("mnist"), 256, 100);
        Path out = dir.resolve("t1");
        TrainImagesCommandTest.Result r = TrainImagesCommandTest.run("train-images", "--protocol", "table1", "--data",
                data.toString(), "-o", out.toString(), "--epochs", "1", "--hidden", "16", "--threads", "1", "--quiet");
        assertEquals(0, r.exit(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("table.csv"));
        assertEquals(9, csv.size(), String.join("\n", csv));     // header + the 8 rows of Table 1 the tool implements
        for (String rule : List.of("bp", "fa", "dfa", "ff", "pepita", "pepita-hebbian", "pepita-wm", "pepita-tl")) {
            assertTrue(csv.stream().anyMatch(l -> l.split(",")[4].equals(rule)), rule);
        }
        String md = Files.readString(out.resolve("table.md"));
        assertTrue(md.contains("CUT DOWN") && md.contains("1 epochs"), md);
        for (String f : List.of("metrics.csv", "timing.csv", "config.json", "curves.png", "curves.ipynb")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }

    @Test
    void truncatedCifarFileIsOneLineExit2AndNothingWritten() throws IOException {
        Path data = dir.resolve("cifar");
        Path folder = Files.createDirectories(data.resolve("cifar-10-batches-bin"));
        for (String f : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            Files.write(folder.resolve(f), new byte[f.equals("data_batch_2.bin") ? 3073 * 2 - 5 : 3073 * 2]);
        }
        Path out = dir.resolve("f3");
        TrainImagesCommandTest.Result r = TrainImagesCommandTest.run("train-images", "--protocol", "fig3", "--data",
                data.toString(), "-o", out.toString(), "--epochs", "1");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("data_batch_2.bin") && r.err().contains("truncated"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void missingDataNamesTheExpectedFilesAndBadValuesAreOneLine() {
        Path out = dir.resolve("x");
        TrainImagesCommandTest.Result r = TrainImagesCommandTest.run("train-images", "--protocol", "tableS1", "--data",
                dir.resolve("none").toString(), "-o", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("train-images-idx3-ubyte"), r.err());
        for (List<String> bad : List.of(List.of("--protocol", "table3", "--data", "d"), List.of("--protocol", "table1"),
                List.of("--protocol", "table1", "--data", "d", "--seeds", "0"),
                List.of("--protocol", "table1", "--data", "d", "--rows", "9"),
                List.of("--protocol", "table1", "--data", "d", "--stand-in", "svhn"))) {
            String[] args = new String[bad.size() + 3];
            args[0] = "train-images";
            args[1] = "-o";
            args[2] = out.toString();
            for (int i = 0; i < bad.size(); i++) {
                args[3 + i] = bad.get(i);
            }
            TrainImagesCommandTest.Result b = TrainImagesCommandTest.run(args);
            assertEquals(2, b.exit(), bad + ": " + b.err());
            assertEquals(1, b.err().strip().lines().count(), b.err());
        }
        assertFalse(Files.exists(out));
    }
}
