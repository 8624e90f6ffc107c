package org.forwardonly.plots.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.notebooks.format.NotebookWriter;
import org.forwardonly.notebooks.template.FigureDescription;
import org.forwardonly.notebooks.template.FigureNotebook;
import org.forwardonly.plots.chart.FigureCanvas;
import org.forwardonly.plots.data.DataTable;
import org.forwardonly.plots.export.FigureFiles;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes one figure directory:
 * <pre>
 *   NAME.png, NAME.svg, NAME.pdf   the figure
 *   NAME.ipynb                     a notebook that reloads the CSVs and redraws it (matplotlib)
 *   data/TABLE.csv                 the numbers behind every curve
 *   configs/RUN.json               {version, command, config}: each run's resolved config
 *   command.txt                    the command that made the directory
 *   figure.json                    what the notebook is made from (pepita notebook DIR remakes it)
 * </pre>
 * Everything is written into a staging directory and moved in at the end ({@link OutputDirectory}).
 */
public final class FigureRunner {
    private final FigureEngines engines;
    private final String version;
    private final String command;

    /**
     * @param engines the engines (threads and progress)
     * @param version the project version recorded with the configs
     * @param command the command line recorded in the directory
     */
    public FigureRunner(FigureEngines engines, String version, String command) {
        this.engines = engines;
        this.version = version;
        this.command = command;
    }

    /** Computes {@code figure} at {@code size} and writes its directory {@code out}. */
    public void run(FigureDefinition figure, FigureSize size, Path out) throws IOException {
        Map<String, ExperimentConfig> configs = figure.configs(size);
        FigureData data = figure.compute(configs, engines);
        write(figure.name(), figure.caption(configs), data, configs, version, command, out);
    }

    /**
     * Writes a figure directory (layout above) for data computed elsewhere, e.g. by a scan.
     *
     * @param name        the file stem of the figure and notebook
     * @param description what the figure shows
     * @param data        tables, plot and parameters
     * @param configs     the runs' resolved configs by run id (may be empty)
     * @param version     the project version recorded with the configs
     * @param command     the command line recorded in the directory
     * @param out         the directory (staged, moved in at the end)
     */
    public static void write(String name, String description, FigureData data, Map<String, ExperimentConfig> configs,
                             String version, String command, Path out) throws IOException {
        OutputDirectory dir = OutputDirectory.open(out);
        try {
            for (var e : data.tables().entrySet()) e.getValue().write(dir.file(FigureData.csv(e.getKey())));
            for (var e : configs.entrySet()) {
                ObjectNode root = ConfigParser.mapper().createObjectNode();
                root.put("version", version);
                root.put("command", command);
                root.put("figure", name);
                root.put("run", e.getKey());
                root.set("config", ConfigParser.toJson(e.getValue()));
                Files.writeString(dir.file("configs/" + e.getKey() + ".json"), ConfigParser.pretty(root), StandardCharsets.UTF_8);
            }
            FigureCanvas canvas = new FigureCanvas(data.plot(), csv -> table(data, csv));
            Path png = dir.file(name + ".png");
            FigureFiles.writePng(canvas, png);
            FigureFiles.writeSvg(canvas, dir.file(name + ".svg"));
            FigureFiles.writePdf(canvas, dir.file(name + ".pdf"));
            FigureDescription figureDescription = new FigureDescription(name, description, command,
                    data.parameters(), "configs", data.plot());
            figureDescription.write(dir.file(FigureDescription.FILE));
            NotebookWriter.write(FigureNotebook.build(figureDescription), dir.file(name + ".ipynb"));
            Files.writeString(dir.file("command.txt"), command + "\n", StandardCharsets.UTF_8);
            dir.commit();
        } catch (IOException | RuntimeException e) {
            dir.abandon();
            throw e;
        }
    }

    private static DataTable table(FigureData data, String csv) {
        for (var e : data.tables().entrySet()) {
            if (FigureData.csv(e.getKey()).equals(csv)) return e.getValue();
        }
        throw new IllegalArgumentException("the plot names " + csv + " but the figure has no such table (tables: "
                + data.tables().keySet() + ")");
    }
}
