package org.forwardonly.cli;

import org.forwardonly.plots.figures.FigureCatalogue;
import org.forwardonly.plots.catalogue.FigureDefinition;
import org.forwardonly.plots.catalogue.FigureSize;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pepita reproduce --out DIR [--quick]}: every figure of the catalogue into DIR/NAME/, with
 * DIR/README.md showing them (docs/figures.md).
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Make every figure of the catalogue: DIR/NAME/ for each (PNG, SVG, PDF, notebook, CSVs, configs) "
                + "and DIR/README.md showing them all."})
public final class ReproduceCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if absent; a non-empty one only with --overwrite).")
    Path out;

    @Option(names = "--quick", description = "Small runs (CI size, about a minute): N=300, 2 seeds, short times.")
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
        List<FigureJobs.Job> jobs = new ArrayList<>();
        for (FigureDefinition f : FigureCatalogue.all()) jobs.add(new FigureJobs.Job(f, out.resolve(f.name())));
        return new FigureJobs("reproduce", runs.threads, !runs.noProgress, overwrite.overwrite, spec)
                .run(jobs, quick ? FigureSize.QUICK : FigureSize.DEFAULT, out);
    }
}
