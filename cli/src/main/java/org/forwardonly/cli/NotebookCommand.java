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
import java.util.List;
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
            String damaged = damagedCsv(dir);
            if (damaged != null) return FigureJobs.badInput(err, "notebook", damaged + "; a notebook of it would not load");
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

    /**
     * The first CSV of DIR (and DIR/data) that is not a whole table, as one line, or null: not UTF-8,
     * its last line cut (no newline at the end), or a row whose cell count differs from the header's;
     * metrics.csv must also be all numbers (issue 27: garbage bytes in metrics.csv gave a notebook, exit 0), with at
     * least one row and increasing times.
     */
    static String damagedCsv(Path dir) throws IOException {
        List<Path> csvs = new java.util.ArrayList<>();
        for (Path d : List.of(dir, dir.resolve("data"))) {
            if (!Files.isDirectory(d)) continue;
            try (var s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p)).sorted().forEach(csvs::add);
            }
        }
        for (Path csv : csvs) {
            if (csv.getFileName().toString().equals("metrics.csv")) {
                org.forwardonly.theory.trajectory.Trajectory tr;
                try {
                    tr = org.forwardonly.theory.trajectory.TrajectoryCsv.read(csv);
                } catch (IOException e) {
                    return e.getMessage();
                }
                // hostile trial: a header with no rows, or times going back, gave a notebook of nothing or a garbled curve
                if (tr.size() == 0) return csv + ": a header and no rows (nothing to plot; was the run cut short?)";
                double[] t = tr.times();
                for (int i = 1; i < t.length; i++) {
                    if (!(t[i] > t[i - 1])) {
                        return csv + ":" + (i + 2) + ": t = " + t[i] + " after " + t[i - 1] + "; the times of a run increase";
                    }
                }
                continue;
            }
            byte[] bytes = Files.readAllBytes(csv);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') return csv
                    + ": its last line has no newline at the end: the file was cut";
            String text;
            try {
                text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return csv + ": not UTF-8 text (binary or damaged?)";
            }
            List<String> lines = text.lines().toList();
            if (lines.isEmpty()) return csv + ": empty (not even a header)";
            int width = lines.get(0).split(",", -1).length;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isEmpty()) continue;
                int n = lines.get(i).split(",", -1).length;
                if (n != width && !lines.get(i).contains("\"")) return csv + ":" + (i + 1) + ": " + n + " cells, the header has " + width;
            }
        }
        return null;
    }
}
