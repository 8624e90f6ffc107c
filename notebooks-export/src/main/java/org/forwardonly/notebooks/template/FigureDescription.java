package org.forwardonly.notebooks.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.forwardonly.notebooks.plot.PlotFigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a figure directory's notebook is made from, kept in the directory as {@code figure.json}
 * so that {@code pepita notebook DIR} can make the notebook again.
 *
 * @param name        the figure's name
 * @param description what it shows (markdown)
 * @param command     the command that made the directory
 * @param parameters  markdown bullets with the parameters
 * @param configDir   the directory of resolved configs, relative to the figure directory (or null)
 * @param plot        the panels and the CSV columns behind each curve
 */
public record FigureDescription(String name, String description, String command, List<String> parameters,
                                String configDir, PlotFigure plot) {
    /** The file name in a figure directory. */
    public static final String FILE = "figure.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the list. */
    public FigureDescription {
        parameters = List.copyOf(parameters);
    }

    /** Writes {@code dir/figure.json}. */
    public void write(Path file) throws IOException {
        Files.writeString(file, MAPPER.writeValueAsString(this).replace("\r\n", "\n") + "\n", StandardCharsets.UTF_8);
    }

    /** Reads a {@code figure.json}. */
    public static FigureDescription read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), FigureDescription.class);
    }
}
