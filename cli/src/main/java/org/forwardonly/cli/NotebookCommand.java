package org.forwardonly.cli;

import org.forwardonly.notebooks.format.NotebookWriter;
import org.forwardonly.notebooks.template.Notebooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code pepita notebook DIR}: a Jupyter notebook for any output directory (run, comparison, scan,
 * figure) that loads its CSVs with pandas and redraws it with matplotlib (docs/figures.md).
 */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = {"Write DIR/notebook.ipynb, a Jupyter notebook (nbformat 4) that loads DIR's CSVs with pandas and draws them "
                + "with matplotlib; a figure directory gets its figure redrawn."})
public final class NotebookCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "An output directory of pepita (ode, simulate, compare, scan, figure).")
    Path dir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) return FigureJobs.badInput(err, "notebook", dir + " is not a directory");
        // in DIR: the notebook reads the CSVs by paths relative to itself
        Path target = dir.resolve("notebook.ipynb");
        try {
            var nb = Notebooks.forDirectory(dir, "pepita ... --out " + dir);
            // staged and moved in, like every output: a killed run leaves no half-written notebook
            org.forwardonly.plots.catalogue.OutputDirectory staged = org.forwardonly.plots.catalogue.OutputDirectory.open(dir);
            try {
                NotebookWriter.write(nb, staged.file("notebook.ipynb"));
                staged.commit();
            } finally {
                staged.abandon();
            }
        } catch (IOException | RuntimeException e) {
            return FigureJobs.badInput(err, "notebook", "cannot make a notebook of " + dir + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("pepita notebook: " + target);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
