package org.forwardonly.notebooks.template;

import org.forwardonly.notebooks.format.Cell;
import org.forwardonly.notebooks.format.Notebook;
import org.forwardonly.notebooks.plot.MatplotlibCode;
import org.forwardonly.notebooks.plot.PlotFigure;

import java.util.ArrayList;
import java.util.List;

/**
 * The notebook of a figure directory: a markdown cell with what the figure shows, the command
 * that made the data and the parameters; then cells that load the resolved configs and the CSVs
 * and redraw the figure with matplotlib.
 */
public final class FigureNotebook {
    private FigureNotebook() {}

    /** Builds the notebook of a described figure. */
    public static Notebook build(FigureDescription d) {
        return build(d.plot(), d.description(), d.command(), d.parameters(), d.configDir());
    }

    /**
     * Builds the notebook.
     *
     * @param figure      the figure to redraw (CSV paths relative to the notebook)
     * @param description what the figure shows (markdown)
     * @param command     the command line that made the data
     * @param parameters  markdown lines describing the parameters (one bullet each)
     * @param configDir   directory of the resolved config JSONs relative to the notebook, or null
     */
    public static Notebook build(PlotFigure figure, String description, String command, List<String> parameters,
                                 String configDir) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(figure.title()).append("\n\n").append(description).append("\n\n");
        md.append("Made by:\n\n```\n").append(command).append("\n```\n");
        if (!parameters.isEmpty()) {
            md.append("\n## Parameters\n\n");
            parameters.forEach(p -> md.append("- ").append(p).append('\n'));
        }
        if (configDir != null) {
            md.append("\nThe resolved config of every run (all defaults filled in) is in `").append(configDir)
                    .append("/`; the cell below loads them into `configs`.\n");
        }
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.markdown(md.toString()));
        cells.add(Cell.code(MatplotlibCode.imports()));
        if (configDir != null) {
            cells.add(Cell.code("configs = {p.stem: json.loads(p.read_text()) for p in sorted(Path("
                    + MatplotlibCode.str(configDir) + ").glob(\"*.json\"))}\n"
                    + "print(sorted(configs))\n"));
        }
        cells.add(Cell.code(MatplotlibCode.loadData(figure)));
        cells.add(Cell.code(MatplotlibCode.draw(figure)));
        return new Notebook(cells);
    }
}
