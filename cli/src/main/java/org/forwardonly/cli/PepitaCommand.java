package org.forwardonly.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** An unexpected internal error (a bug or the machine, or a scan point whose engine threw). */
    public static final int EXIT_INTERNAL = 1;
    /** Bad input: one line on stderr, nothing written. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A run that diverged. */
    public static final int EXIT_DIVERGED = 3;

    /**
     * The exit codes of every command, the one source of each command's "Exit codes:" help
     * section; the README's table lists the same codes (ExitCodesTest).
     */
    public static final Map<String, String> EXIT_CODES = exitCodes();

    private static Map<String, String> exitCodes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0", "done (for compare whatever the verdict; for scan diverged points are rows, not failures).");
        m.put("" + EXIT_INTERNAL, "an unexpected failure (a bug, or a scan point whose engine threw): one line on stderr; "
                + "a scan keeps its finished points, rerun to resume.");
        m.put("" + EXIT_BAD_INPUT, "bad input (config, option, missing file or dataset, unwritable DIR): one line on stderr "
                + "naming the key, the problem and what is allowed; nothing written.");
        m.put("" + EXIT_DIVERGED, "a run diverged (non-finite state, or eps_g past epsGBound): one line with t and what "
                + "to try; ode keeps DIR/metrics.csv up to the divergence, every other command writes nothing of that run.");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Builds the command line with the project's error handling (bad input: one line, exit 2). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PepitaCommand());
        withExitCodes(cl);
        cl.setParameterExceptionHandler((ex, args) -> {
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            ex.getCommandLine().getErr().println("pepita: " + ex.getMessage().replace('\n', ' ') + hint
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    private static void withExitCodes(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(EXIT_CODES);
        for (CommandLine sub : cl.getSubcommands().values()) withExitCodes(sub);
    }

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
