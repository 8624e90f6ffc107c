package org.forwardonly.notebooks.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Notebook} as nbformat 4.5 JSON (the format Jupyter, nbconvert and nbformat read):
 * top-level {@code nbformat}, {@code nbformat_minor}, {@code metadata} (Python 3 kernelspec) and
 * {@code cells}; every cell has an {@code id} (deterministic: {@code cell-1}, {@code cell-2}, …),
 * {@code cell_type}, {@code metadata} and {@code source} as a list of lines; code cells also have
 * {@code execution_count: null} and empty {@code outputs}. The same notebook gives the same bytes.
 */
public final class NotebookWriter {
    /** nbformat major version written. */
    public static final int NBFORMAT = 4;
    /** nbformat minor version written (4.5 introduced cell ids). */
    public static final int NBFORMAT_MINOR = 5;
    /** The kernel the notebooks ask for (Jupyter's default Python 3 kernel). */
    public static final String KERNEL_NAME = "python3";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NotebookWriter() {}

    /** The notebook as a JSON tree. */
    public static ObjectNode toJson(Notebook notebook) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode meta = root.putObject("metadata");
        ObjectNode kernel = meta.putObject("kernelspec");
        kernel.put("name", KERNEL_NAME);
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        ObjectNode lang = meta.putObject("language_info");
        lang.put("name", "python");
        lang.put("file_extension", ".py");
        lang.put("mimetype", "text/x-python");
        root.put("nbformat", NBFORMAT);
        root.put("nbformat_minor", NBFORMAT_MINOR);
        ArrayNode cells = root.putArray("cells");
        int n = 0;
        for (Cell c : notebook.cells()) {
            ObjectNode cell = cells.addObject();
            cell.put("id", "cell-" + (++n));
            cell.put("cell_type", c.kind() == Cell.Kind.CODE ? "code" : "markdown");
            cell.putObject("metadata");
            ArrayNode source = cell.putArray("source");
            for (String line : lines(c.source())) source.add(line);
            if (c.kind() == Cell.Kind.CODE) {
                cell.putNull("execution_count");
                cell.putArray("outputs");
            }
        }
        return root;
    }

    /** The notebook as JSON text ('\n' line ends, trailing newline). */
    public static String toText(Notebook notebook) {
        try {
            return MAPPER.writeValueAsString(toJson(notebook)).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the notebook to {@code file} (UTF-8). */
    public static void write(Notebook notebook, Path file) throws IOException {
        Files.writeString(file, toText(notebook), StandardCharsets.UTF_8);
    }

    /** Splits text into nbformat's list of lines: each keeps its '\n' except the last. */
    static String[] lines(String text) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] parts = t.split("\n", -1);
        for (int i = 0; i < parts.length - 1; i++) parts[i] = parts[i] + "\n";
        return parts;
    }
}
