package org.forwardonly.images.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017) from the files of the Debian package
 * {@code dataset-fashion-mnist}: 60,000 training and 10,000 test images of 28×28 pixels, 10 classes.
 * Reads {@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]},
 * {@code t10k-images-idx3-ubyte[.gz]}, {@code t10k-labels-idx1-ubyte[.gz]}. Never downloads anything.
 */
public final class FashionMnist {

    /** Where the Debian package puts the files. */
    public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The one-line hint printed when the files are missing. */
    public static final String INSTALL_HINT = "install it with: sudo apt-get install dataset-fashion-mnist";
    /** Number of classes. */
    public static final int CLASSES = 10;

    private FashionMnist() {
    }

    /** The training and test sets. */
    public record Split(ImageSet train, ImageSet test) {
    }

    /**
     * Loads both sets from {@code dir}.
     *
     * @throws DatasetMissingException when a file is missing (one-line message with the install command)
     * @throws IOException when a file exists but cannot be read or is malformed
     */
    public static Split load(Path dir, Normalization normalization) throws IOException {
        IdxArray trainImages = IdxReader.read(locate(dir, "train-images-idx3-ubyte"));
        IdxArray trainLabels = IdxReader.read(locate(dir, "train-labels-idx1-ubyte"));
        IdxArray testImages = IdxReader.read(locate(dir, "t10k-images-idx3-ubyte"));
        IdxArray testLabels = IdxReader.read(locate(dir, "t10k-labels-idx1-ubyte"));
        // x = pixel/255 (UNIT) or (pixel/255 - mean)/std with the training set's global mean and std (STANDARD)
        double scale = 1.0 / 255.0;
        double shift = 0.0;
        if (normalization == Normalization.STANDARD) {
            double sum = 0;
            double sumSq = 0;
            int n = trainImages.values().length;
            for (int i = 0; i < n; i++) {
                double v = trainImages.unsigned(i) / 255.0;
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / n;
            double std = Math.sqrt(sumSq / n - mean * mean);
            scale = 1.0 / (255.0 * std);
            shift = mean / std;
        }
        return new Split(toImageSet(trainImages, trainLabels, scale, shift),
                toImageSet(testImages, testLabels, scale, shift));
    }

    /** The file {@code base} or {@code base.gz} in {@code dir}. */
    static Path locate(Path dir, String base) {
        Path plain = dir.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DatasetMissingException("Fashion-MNIST not found (no " + base + "[.gz] in " + dir + "); "
                + INSTALL_HINT + " (or pass --data-dir DIR)");
    }

    /** Pixels become {@code pixel * scale − shift}; labels are checked against the image count. */
    static ImageSet toImageSet(IdxArray images, IdxArray labels, double scale, double shift) throws IOException {
        if (images.dims().length != 3 || labels.dims().length != 1 || images.count() != labels.count()) {
            throw new IOException("Fashion-MNIST files do not match: images " + java.util.Arrays.toString(images.dims())
                    + ", labels " + java.util.Arrays.toString(labels.dims()));
        }
        int count = images.count();
        int features = images.itemSize();
        double[] x = new double[count * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = images.unsigned(i) * scale - shift;
        }
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            y[i] = labels.unsigned(i);
            if (y[i] >= CLASSES) {
                throw new IOException("Fashion-MNIST label " + y[i] + " outside 0..9");
            }
        }
        return new ImageSet(x, y, count, features, CLASSES);
    }
}
