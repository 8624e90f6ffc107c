package org.forwardonly.images.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 and CIFAR-100 in their published binary versions (Krizhevsky 2009,
 * https://www.cs.toronto.edu/~kriz/cifar.html). A record is the label byte(s) then 3072 pixel bytes: the
 * 1024 red values of the 32×32 image row by row, then green, then blue.
 * <ul>
 *   <li>CIFAR-10 ({@code cifar-10-binary.tar.gz}, directory {@code cifar-10-batches-bin}): {@code data_batch_1.bin} …
 *       {@code data_batch_5.bin} and {@code test_batch.bin}, records of 1 + 3072 bytes (label 0..9);</li>
 *   <li>CIFAR-100 ({@code cifar-100-binary.tar.gz}, directory {@code cifar-100-binary}): {@code train.bin} and
 *       {@code test.bin}, records of 2 + 3072 bytes (coarse label 0..19, fine label 0..99; the fine label is used).</li>
 * </ul>
 * An image becomes the 3072 values {@code pixel × scale − shift} in the file's order.
 */
public final class Cifar {

    /** Pixel bytes per image. */
    public static final int PIXELS = 3072;

    /** The two datasets' layouts. */
    public enum Kind {
        /** CIFAR-10. */
        CIFAR10("cifar-10-batches-bin", List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                "data_batch_4.bin", "data_batch_5.bin"), List.of("test_batch.bin"), 1, 10),
        /** CIFAR-100, fine labels. */
        CIFAR100("cifar-100-binary", List.of("train.bin"), List.of("test.bin"), 2, 100);

        final String folder;
        final List<String> trainFiles;
        final List<String> testFiles;
        final int labelBytes;
        final int classes;

        Kind(String folder, List<String> trainFiles, List<String> testFiles, int labelBytes, int classes) {
            this.folder = folder;
            this.trainFiles = trainFiles;
            this.testFiles = testFiles;
            this.labelBytes = labelBytes;
            this.classes = classes;
        }

        /** Bytes per record. */
        public int recordBytes() {
            return labelBytes + PIXELS;
        }

        /** Number of classes. */
        public int classes() {
            return classes;
        }

        /** The file names, training first. */
        public List<String> files() {
            List<String> all = new ArrayList<>(trainFiles);
            all.addAll(testFiles);
            return all;
        }

        /** The directory of the published archive. */
        public String folder() {
            return folder;
        }
    }

    private Cifar() {
    }

    /** The directory that holds the files: {@code dir} itself, or {@code dir/<archive folder>}. */
    public static Path locate(Kind kind, Path dir) {
        for (Path candidate : List.of(dir, dir.resolve(kind.folder))) {
            boolean all = true;
            for (String f : kind.files()) {
                all &= Files.isRegularFile(candidate.resolve(f));
            }
            if (all) {
                return candidate;
            }
        }
        throw new DatasetMissingException((kind == Kind.CIFAR10 ? "CIFAR-10" : "CIFAR-100")
                + " not found: expected " + String.join(", ", kind.files()) + " in " + dir + " or " + dir.resolve(kind.folder)
                + " (the binary version, " + kind.folder + " from https://www.cs.toronto.edu/~kriz/cifar.html)");
    }

    /**
     * Loads the training and test sets from {@code dir} (see {@link #locate}).
     *
     * @throws DatasetMissingException when a file is missing (one line naming the expected files)
     * @throws IOException when a file is truncated or has a label out of range (one line)
     */
    public static FashionMnist.Split load(Kind kind, Path dir, Normalization normalization) throws IOException {
        Path base = locate(kind, dir);
        List<byte[]> train = new ArrayList<>();
        for (String f : kind.trainFiles) {
            train.add(readRecords(kind, base.resolve(f)));
        }
        List<byte[]> test = new ArrayList<>();
        for (String f : kind.testFiles) {
            test.add(readRecords(kind, base.resolve(f)));
        }
        double scale = 1.0 / 255.0;
        double shift = 0.0;
        if (normalization == Normalization.STANDARD) {
            double sum = 0;
            double sumSq = 0;
            long count = 0;
            int rb = kind.recordBytes();
            for (byte[] file : train) {
                for (int r = 0; r < file.length / rb; r++) {
                    for (int p = 0; p < PIXELS; p++) {
                        double v = (file[r * rb + kind.labelBytes + p] & 0xFF) / 255.0;
                        sum += v;
                        sumSq += v * v;
                        count++;
                    }
                }
            }
            double mean = sum / count;
            double std = Math.sqrt(sumSq / count - mean * mean);
            scale = 1.0 / (255.0 * std);
            shift = mean / std;
        }
        return new FashionMnist.Split(toImageSet(kind, train, scale, shift), toImageSet(kind, test, scale, shift));
    }

    /** The bytes of one file, checked to be whole records with labels in range. */
    static byte[] readRecords(Kind kind, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int rb = kind.recordBytes();
        if (bytes.length == 0 || bytes.length % rb != 0) {
            throw new IOException(file + ": truncated or not a " + (kind == Kind.CIFAR10 ? "CIFAR-10" : "CIFAR-100")
                    + " binary file (" + bytes.length + " bytes, not a whole number of " + rb + "-byte records)");
        }
        for (int r = 0; r < bytes.length / rb; r++) {
            int label = bytes[r * rb + kind.labelBytes - 1] & 0xFF;
            if (label >= kind.classes) {
                throw new IOException(file + ": record " + r + " has label " + label + ", outside 0.." + (kind.classes - 1));
            }
        }
        return bytes;
    }

    private static ImageSet toImageSet(Kind kind, List<byte[]> files, double scale, double shift) {
        int rb = kind.recordBytes();
        int count = 0;
        for (byte[] f : files) {
            count += f.length / rb;
        }
        double[] x = new double[count * PIXELS];
        int[] y = new int[count];
        int i = 0;
        for (byte[] f : files) {
            for (int r = 0; r < f.length / rb; r++, i++) {
                int o = r * rb;
                y[i] = f[o + kind.labelBytes - 1] & 0xFF;
                for (int p = 0; p < PIXELS; p++) {
                    x[i * PIXELS + p] = (f[o + kind.labelBytes + p] & 0xFF) * scale - shift;
                }
            }
        }
        return new ImageSet(x, y, count, PIXELS, kind.classes);
    }
}
