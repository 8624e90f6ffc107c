package org.forwardonly.notebooks.template;

import org.forwardonly.notebooks.format.Notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The notebook for any output directory: a figure's own (from its {@code figure.json}), or the generic one. */
public final class Notebooks {
    private Notebooks() {}

    /**
     * The notebook of {@code dir}.
     *
     * @param fallbackCommand shown when the directory does not record its command
     * @throws IOException when the directory cannot be read or holds no CSV
     */
    public static Notebook forDirectory(Path dir, String fallbackCommand) throws IOException {
        Path figure = dir.resolve(FigureDescription.FILE);
        if (Files.isRegularFile(figure)) return FigureNotebook.build(FigureDescription.read(figure));
        return DirectoryNotebook.build(dir, fallbackCommand);
    }
}
