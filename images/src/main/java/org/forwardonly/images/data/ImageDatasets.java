package org.forwardonly.images.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The datasets of the paper's image experiments, from a directory the user names: {@code mnist} and
 * {@code fashion-mnist} (IDX, plain or gzipped), {@code cifar10} and {@code cifar100} (binary versions,
 * {@link Cifar}). Nothing is downloaded.
 */
public final class ImageDatasets {

    /** The names {@link #load} knows. */
    public static final List<String> NAMES = List.of("mnist", "fashion-mnist", "cifar10", "cifar100");

    /** The IDX files of MNIST and Fashion-MNIST. */
    public static final List<String> IDX_FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    private ImageDatasets() {
    }

    private static boolean hasIdx(Path dir) {
        for (String f : IDX_FILES) {
            if (!Files.isRegularFile(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f + ".gz"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads dataset {@code name} from {@code dir}.
     *
     * @throws DatasetMissingException one line naming the expected files when they are not there
     * @throws IOException one line when a file is malformed or truncated
     */
    public static FashionMnist.Split load(String name, Path dir, Normalization normalization) throws IOException {
        switch (name) {
            case "mnist", "fashion-mnist" -> {
                for (Path candidate : List.of(dir, dir.resolve(name))) {
                    if (hasIdx(candidate)) {
                        return FashionMnist.load(candidate, normalization);
                    }
                }
                throw new DatasetMissingException(name.toUpperCase(Locale.ROOT).replace("FASHION-MNIST", "Fashion-MNIST")
                        + " not found: expected " + String.join(", ", IDX_FILES) + " (each plain or .gz) in " + dir
                        + " or " + dir.resolve(name) + (name.equals("fashion-mnist") ? "; " + FashionMnist.INSTALL_HINT : ""));
            }
            case "cifar10" -> {
                return Cifar.load(Cifar.Kind.CIFAR10, dir, normalization);
            }
            case "cifar100" -> {
                return Cifar.load(Cifar.Kind.CIFAR100, dir, normalization);
            }
            default -> throw new IllegalArgumentException("dataset '" + name + "' (allowed: " + String.join(", ", NAMES) + ")");
        }
    }
}
