package org.forwardonly.images.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    /** An IDX file of unsigned bytes with the given dimensions and values, optionally gzipped. */
    static void writeIdx(Path file, int[] dims, byte[] values, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(values);
        out.flush();
        try (OutputStream os = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            os.write(bytes.toByteArray());
        }
    }

    @Test
    void readsPlainAndGzippedImagesWithUnsignedValues() throws IOException {
        byte[] values = new byte[2 * 3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = (byte) (i * 11);          // 11*23 = 253: values above 127 must read back unsigned
        }
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = dir.resolve(gzip ? "imgs.gz" : "imgs");
            writeIdx(file, new int[] {2, 3, 4}, values, gzip);
            IdxArray read = IdxReader.read(file);
            assertArrayEquals(new int[] {2, 3, 4}, read.dims());
            assertEquals(2, read.count());
            assertEquals(12, read.itemSize());
            for (int i = 0; i < values.length; i++) {
                assertEquals(i * 11, read.unsigned(i), "value " + i + (gzip ? " (gzip)" : ""));
            }
        }
    }

    @Test
    void rejectsBadMagicUnsupportedTypeAndTruncation() throws IOException {
        Path bad = dir.resolve("bad");
        Files.write(bad, new byte[] {1, 2, 8, 1, 0, 0, 0, 1, 5});
        assertTrue(assertThrows(IOException.class, () -> IdxReader.read(bad)).getMessage().contains("magic"));

        Path ints = dir.resolve("ints");
        Files.write(ints, new byte[] {0, 0, 0x0C, 1, 0, 0, 0, 1, 0, 0, 0, 5});
        assertTrue(assertThrows(IOException.class, () -> IdxReader.read(ints)).getMessage().contains("not supported"));

        Path truncated = dir.resolve("trunc");
        writeIdx(truncated, new int[] {10}, new byte[3], false);     // header promises 10 values, 3 present
        assertTrue(assertThrows(IOException.class, () -> IdxReader.read(truncated)).getMessage().contains("truncated"));
    }

    @Test
    void missingFashionMnistSaysHowToInstallOnOneLine() {
        Path nowhere = dir.resolve("no-such-dir");
        DatasetMissingException e = assertThrows(DatasetMissingException.class,
                () -> FashionMnist.load(nowhere, Normalization.UNIT));
        assertTrue(e.getMessage().contains("sudo apt-get install dataset-fashion-mnist"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void loadsAFakeFashionMnistDirectoryAndScalesPixels() throws IOException {
        byte[] train = new byte[3 * 28 * 28];
        train[0] = (byte) 255;
        train[28 * 28 + 1] = (byte) 51;
        writeIdx(dir.resolve("train-images-idx3-ubyte.gz"), new int[] {3, 28, 28}, train, true);
        writeIdx(dir.resolve("train-labels-idx1-ubyte"), new int[] {3}, new byte[] {9, 0, 4}, false);
        writeIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), new int[] {1, 28, 28}, new byte[28 * 28], true);
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {1}, new byte[] {7}, true);
        FashionMnist.Split split = FashionMnist.load(dir, Normalization.UNIT);
        assertEquals(3, split.train().count());
        assertEquals(784, split.train().features());
        assertArrayEquals(new int[] {9, 0, 4}, split.train().labels());
        assertEquals(1.0, split.train().x()[0], 0.0);
        assertEquals(0.2, split.train().x()[784 + 1], 1e-15);   // 51/255, exact up to rounding
        assertEquals(7, split.test().labels()[0]);

        writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {1}, new byte[] {10}, true);
        assertThrows(IOException.class, () -> FashionMnist.load(dir, Normalization.UNIT));   // label 10 is out of range
    }
}
