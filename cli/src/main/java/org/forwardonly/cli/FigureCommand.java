package org.forwardonly.cli;

import org.forwardonly.plots.figures.FigureCatalogue;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureSize;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pepita figure --list} and {@code pepita figure NAME --out DIR [--quick]}: one figure of the
 * catalogue with its data, configs and notebook (docs/figures.md).
 */
@Command(name = "figure", mixinStandardHelpOptions = true,
        description = {"Make one figure of the catalogue: DIR/NAME.png, .svg, .pdf, DIR/NAME.ipynb (a notebook that "
                + "redraws it), DIR/data/*.csv and DIR/configs/*.json. 'pepita figure --list' lists the figures."})
public final class FigureCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Figure name (see --list).")
    String name;

    @Option(names = "--list", description = "List the figures and what each shows.")
    boolean list;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output directory (created if absent; a non-empty one only with --overwrite).")
    Path out;

    @Option(names = "--quick", description = "Small runs (CI size): N=300, 2 seeds, short times.")
    boolean quick;

    /** --threads and --no-progress, as for simulate and compare. */
    @CommandLine.Mixin
    SimulationRuns runs;

    @CommandLine.Mixin
    OverwriteOption overwrite;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (list) {
            for (FigureDefinition f : FigureCatalogue.all()) {
                stdout.println(f.name() + "  [" + (f.paperFigure().isEmpty() ? "the project's extension" : "paper " + f.paperFigure())
                        + "]");
                stdout.println("    " + f.description());
            }
            stdout.flush();
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        if (name == null) return FigureJobs.badInput(err, "figure", "missing NAME (figures: " + FigureCatalogue.names() + ")");
        FigureDefinition figure = FigureCatalogue.byName(name).orElse(null);
        if (figure == null) {
            return FigureJobs.badInput(err, "figure", "unknown figure '" + name + "' (figures: " + FigureCatalogue.names() + ")");
        }
        if (out == null) return FigureJobs.badInput(err, "figure", "missing --out DIR");
        return new FigureJobs("figure", runs.threads, !runs.noProgress, overwrite.overwrite, spec)
                .run(List.of(new FigureJobs.Job(figure, out)), quick ? FigureSize.QUICK : FigureSize.DEFAULT, null);
    }
}
