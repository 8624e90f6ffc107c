package org.forwardonly.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pepita} command: theory (ODEs), simulations, comparisons, figures and scans of
 * forward-only learning in the teacher-student setting. Subcommands are registered here.
 */
@Command(name = "pepita", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "High-dimensional theory and simulation of forward-only learning (PEPITA, AFA, FF, FA, BP).",
        subcommands = {
                CommandLine.HelpCommand.class,
                OdeCommand.class,
                SimulateCommand.class,
                CompareCommand.class,
                PowerCommand.class,
                FigureCommand.class,
                ReproduceCommand.class,
                NotebookCommand.class,
                org.forwardonly.cli.bench.BenchCommand.class,
                ScanCommand.class,
                TrainImagesCommand.class,
        })
public final class PepitaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Exit codes: 0 ok, 2 bad input, 3 diverged run. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A run that diverged. */
    public static final int EXIT_DIVERGED = 3;

    /** Builds the command line with the project's error handling (bad input: one line, exit 2). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PepitaCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("pepita: " + ex.getMessage().replace('\n', ' ')
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
