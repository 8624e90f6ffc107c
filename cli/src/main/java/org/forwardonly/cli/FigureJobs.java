package org.forwardonly.cli;

import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureEngines;
import org.forwardonly.plots.catalogue.FigureRunner;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.plots.catalogue.OutputDirectory;
import org.forwardonly.plots.catalogue.WorkMeter;
import org.forwardonly.simulation.training.DivergedException;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ExperimentConfig;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code figure} and {@code reproduce} share: checking the output directory before any
 * work, one progress bar over all runs, writing each figure directory, and the exit codes.
 */
final class FigureJobs {
    /** A figure and the directory it goes to. */
    record Job(FigureDefinition figure, Path out) { }

    private final String command;
    private final int threads;
    private final boolean progress;
    private final CommandLine.Model.CommandSpec spec;
    private final boolean overwrite;

    FigureJobs(String command, int threads, boolean progress, boolean overwrite, CommandLine.Model.CommandSpec spec) {
        this.command = command;
        this.overwrite = overwrite;
        this.threads = threads;
        this.progress = progress;
        this.spec = spec;
    }

    /** One line on stderr, exit code 2. */
    static int badInput(PrintWriter err, String command, String message) {
        err.println("pepita " + command + ": " + message);
        err.flush();
        return PepitaCommand.EXIT_BAD_INPUT;
    }

    /**
     * Makes every job's figure; writes {@code index/README.md} showing them when {@code index} is set.
     */
    int run(List<Job> jobs, FigureSize size, Path index) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<ExperimentConfig> all = new ArrayList<>();
        try {
            ThreadCount.check(threads);
            // a non-empty DIR only with --overwrite: the index directory for reproduce, the figure's for figure
            if (index != null) OutputDirectory.checkFresh(index, overwrite);
            for (Job j : jobs) {
                if (index == null) OutputDirectory.checkFresh(j.out(), overwrite);
                else OutputDirectory.check(j.out());
                all.addAll(j.figure().configs(size).values());
            }
        } catch (IllegalArgumentException | ConfigException e) {
            return badInput(err, command, e.getMessage());
        }
        String line = String.join(" ", commandLine());
        double total = WorkMeter.totalCost(all);
        ProgressBar bar = new ProgressBar(command, "steps", total, err, ProgressBar.consoleAttached());
        WorkMeter meter = new WorkMeter(done -> {
            if (progress) bar.update(done);
        });
        FigureRunner runner = new FigureRunner(new FigureEngines(threads, meter), Version.recorded(), line);
        long start = System.nanoTime();
        try {
            for (Job j : jobs) {
                runner.run(j.figure(), size, j.out());
                bar.finish();
                out.println(String.format(Locale.ROOT, "pepita %s: %s -> %s (%.0f s so far)", command, j.figure().name(),
                        j.out().resolve(j.figure().name() + ".png"), (System.nanoTime() - start) * 1e-9));
                out.flush();
            }
            if (index != null) writeIndex(jobs, size, index, line);
        } catch (DivergedException e) {
            bar.finish();
            err.println("pepita " + command + ": a simulation diverged: " + e.getMessage());
            err.flush();
            return PepitaCommand.EXIT_DIVERGED;
        } catch (ConfigException | IllegalArgumentException e) {
            bar.finish();
            return badInput(err, command, e.getMessage());
        } catch (IOException | java.io.UncheckedIOException e) {
            bar.finish();
            return badInput(err, command, "cannot write the figure: " + e.getMessage());
        }
        return 0;
    }

    /** DIR/README.md: every figure's PNG and what it shows. */
    private static void writeIndex(List<Job> jobs, FigureSize size, Path dir, String line) throws IOException {
        StringBuilder md = new StringBuilder("# Figures\n\nMade by `" + line + "`. Each directory also holds the SVG and PDF, "
                + "the CSVs behind every curve (`data/`), the resolved configs (`configs/`) and a notebook that redraws the figure.\n");
        for (Job j : jobs) {
            String name = j.figure().name();
            String paper = j.figure().paperFigure();
            md.append("\n## ").append(paper.isEmpty() ? "" : paper
                    + ": ").append(j.figure().title()).append("\n\n![").append(name).append("](").append(name).append('/')
                    .append(name).append(".png)\n\n").append(j.figure().caption(j.figure().configs(size))).append(" (`").append(name).append("/`)\n");
        }
        OutputDirectory staged = OutputDirectory.open(dir);
        try {
            Files.writeString(staged.file("README.md"), md.toString(), StandardCharsets.UTF_8);
            staged.commit();
        } finally {
            staged.abandon();
        }
    }

    private List<String> commandLine() {
        List<String> l = new ArrayList<>();
        l.add("pepita");
        CommandLine root = spec.root().commandLine();
        l.addAll(root.getParseResult() != null ? root.getParseResult().originalArgs()
                : spec.commandLine().getParseResult().originalArgs());
        return l;
    }
}
