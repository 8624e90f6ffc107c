package org.forwardonly.images.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR binary readers on small files of the published format that the test writes. */
class CifarTest {

    @TempDir
    Path dir;

    /** Writes every file of {@code kind} with {@code records} random records each; returns the records, train first. */
    static List<byte[]> write(Cifar.Kind kind, Path dir, int records, long seed) throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<byte[]> all = new ArrayList<>();
        Files.createDirectories(dir);
        for (String name : kind.files()) {
            byte[] file = new byte[records * kind.recordBytes()];
            rng.nextBytes(file);
            for (int r = 0; r < records; r++) {
                int o = r * kind.recordBytes();
                if (kind == Cifar.Kind.CIFAR100) {
                    file[o] = (byte) rng.nextInt(20);
                    file[o + 1] = (byte) rng.nextInt(100);
                } else {
                    file[o] = (byte) rng.nextInt(10);
                }
                byte[] rec = new byte[kind.recordBytes()];
                System.arraycopy(file, o, rec, 0, rec.length);
                all.add(rec);
            }
            Files.write(dir.resolve(name), file);
        }
        return all;
    }

    /** Every label and every one of the 3072 pixel bytes of every record comes back: x·255 rounds to the byte. */
    @Test
    void bothFormatsReadBackByteForByte() throws IOException {
        for (Cifar.Kind kind : Cifar.Kind.values()) {
            Path d = dir.resolve(kind.name());
            List<byte[]> records = write(kind, d.resolve(kind.folder()), 3, kind.ordinal() + 1);  // the archive's folder
            FashionMnist.Split s = Cifar.load(kind, d, Normalization.UNIT);
            int trainFiles = kind.files().size() - 1;
            assertEquals(3 * trainFiles, s.train().count());
            assertEquals(3, s.test().count());
            assertEquals(Cifar.PIXELS, s.train().features());
            assertEquals(kind.classes(), s.train().classes());
            for (int i = 0; i < records.size(); i++) {
                ImageSet set = i < 3 * trainFiles ? s.train() : s.test();
                int k = i < 3 * trainFiles ? i : i - 3 * trainFiles;
                byte[] rec = records.get(i);
                int labelBytes = kind.recordBytes() - Cifar.PIXELS;
                assertEquals(rec[labelBytes - 1] & 0xFF, set.labels()[k], kind + " label of record " + i);
                for (int p = 0; p < Cifar.PIXELS; p++) {
                    double v = set.x()[k * Cifar.PIXELS + p] * 255;
                    assertEquals(rec[labelBytes + p] & 0xFF, (int) Math.round(v), kind + " record " + i + " byte " + p);
                    assertEquals(Math.round(v), v, 1e-9);
                }
            }
        }
    }

    @Test
    void truncatedFileIsRefusedWithOneLine() throws IOException {
        Path d = dir.resolve("c10");
        write(Cifar.Kind.CIFAR10, d, 2, 3);
        Path f = d.resolve("data_batch_3.bin");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        IOException e = assertThrows(IOException.class, () -> Cifar.load(Cifar.Kind.CIFAR10, d, Normalization.UNIT));
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.getMessage().contains("data_batch_3.bin") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        Path d = dir.resolve("c100");
        write(Cifar.Kind.CIFAR100, d, 1, 4);
        Files.delete(d.resolve("test.bin"));
        DatasetMissingException e = assertThrows(DatasetMissingException.class,
                () -> Cifar.load(Cifar.Kind.CIFAR100, d, Normalization.UNIT));
        assertTrue(e.getMessage().contains("train.bin, test.bin"), e.getMessage());
        DatasetMissingException m = assertThrows(DatasetMissingException.class,
                () -> ImageDatasets.load("mnist", d, Normalization.UNIT));
        assertTrue(m.getMessage().contains("train-images-idx3-ubyte, train-labels-idx1-ubyte"), m.getMessage());
    }
}
