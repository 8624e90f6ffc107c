package org.forwardonly.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code pepita} command: theory (ODEs), simulations, comparisons, figures and scans of
 * forward-only learning in the teacher-student setting. Subcommands are registered here, and so
 * is the one handler through which every failure reaches the user as one line (docs/reliability.md).
 */
@Command(name = "pepita", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"High-dimensional theory and simulation of forward-only learning (PEPITA, AFA, FF, FA, BP)."},
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
                org.forwardonly.cli.serve.ServeCommand.class,
        })
public final class PepitaCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code pepita} alone: the usage on stderr and exit 2, since no command was given. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("pepita: missing command");
        spec.commandLine().usage(err);
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** An unexpected internal error (a bug or the machine, or a scan point whose engine threw): one line, with PEPITA_DEBUG=1 the trace. */
    public static final int EXIT_INTERNAL = 1;
    /** Bad input: one line naming what is wrong, nothing written. */
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
        m.put("" + EXIT_INTERNAL, "an unexpected failure (a bug or the machine, or a scan point whose engine threw): one line "
                + "on stderr with its type and message (PEPITA_DEBUG=1 adds the stack trace; out of memory names "
                + "PEPITA_JAVA_OPTS, the Java options of the pepita script); a scan keeps its finished points, rerun to resume.");
        m.put("" + EXIT_BAD_INPUT, "bad input (config, option, missing file or dataset, unwritable or non-empty DIR without "
                + "--overwrite): one line on stderr naming the key, the problem and what is allowed; nothing written.");
        m.put("" + EXIT_DIVERGED, "a run diverged (non-finite state, or eps_g past epsGBound): one line with t and what "
                + "to try; ode keeps DIR/metrics.csv up to the divergence, every other command writes nothing of that run.");
        m.put("" + ScanCommand.EXIT_CLUSTER, "scan --spark only: the Spark cluster failed (unreachable master, executors that "
                + "cannot start, every worker lost): one line naming the cause and what to try; finished points are kept, "
                + "rerun to resume.");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Builds the command line with the project's error handling: a bad option is one line and exit
     * 2; an exception a command did not handle is one line and exit 1 (docs/reliability.md). Every
     * command's --help ends with {@link #EXIT_CODES}.
     */
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
            ex.getCommandLine().getErr().flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                unexpected(ex, commandLine.getCommandSpec().qualifiedName(), commandLine.getErr()));
        // an output directory is locked from its check to the command's return (docs/reliability.md)
        cl.setExecutionStrategy(parseResult -> {
            org.forwardonly.plots.catalogue.OutputDirectory.describeHolder(
                    String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("pepita"),
                            parseResult.originalArgs().stream()).toList()));
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                org.forwardonly.plots.catalogue.OutputDirectory.releaseLocks();
            }
        });
        return cl;
    }

    private static void withExitCodes(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(EXIT_CODES);
        for (CommandLine sub : cl.getSubcommands().values()) withExitCodes(sub);
    }

    /**
     * The one line for a failure no command foresaw: out of memory names PEPITA_JAVA_OPTS, anything else
     * its type and message with the PEPITA_DEBUG hint. Returns the exit code (1).
     */
    static int unexpected(Throwable ex, String command, PrintWriter err) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root
                && (root instanceof java.util.concurrent.ExecutionException || root instanceof java.util.concurrent.CompletionException
                || root instanceof java.lang.reflect.InvocationTargetException)) {
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError) {
            String what = String.valueOf(root.getMessage());
            err.println(command + ": out of memory (" + what + ", " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB heap): ask for less (fewer threads, a smaller N, K, grid or nTimes) or give Java more, "
                    + "e.g. PEPITA_JAVA_OPTS=-Xmx16g ./pepita ...");
        } else {
            String message = root.getMessage() == null ? "" : ": " + root.getMessage().replace('\n', ' ').replace('\r', ' ');
            err.println(command + ": internal error: " + root.getClass().getName() + message
                    + " (a bug or the machine, not your input; run with PEPITA_DEBUG=1 for the stack trace)");
        }
        if ("1".equals(System.getenv("PEPITA_DEBUG"))) ex.printStackTrace(err);
        err.flush();
        reported = true;
        return EXIT_INTERNAL;
    }

    /**
     * The last resort when the heap is so full that even the one line cannot be built (it happened,
     * now and then, with a 4 MB heap: KillNineTest): bytes encoded at start, written as they are.
     */
    private static final byte[] OUT_OF_MEMORY = ("pepita: out of memory: give Java more, e.g. PEPITA_JAVA_OPTS=-Xmx16g ./pepita ...\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static void outOfMemoryLine() {
        System.err.write(OUT_OF_MEMORY, 0, OUT_OF_MEMORY.length);
        System.err.flush();
        reported = true;
    }

    /**
     * The failure's line is out: a later one while the JVM exits (out of memory in the shutdown
     * hooks, say) leaves main with the launcher's exit code 1 and adds no second line.
     */
    private static volatile boolean reported;

    /** Entry point: every exit goes through {@link #commandLine()}'s handlers, even an error thrown outside them. */
    public static void main(String[] args) {
        // a thread of ours that dies of something unforeseen says so in one line too; an Error (out of memory)
        // leaves the run in no state to finish, so it ends the process with exit 1 (staging is cleaned next run)
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (reported) return;
            try {
                unexpected(e, "pepita (thread " + thread.getName() + ")", new PrintWriter(System.err, true));
            } catch (OutOfMemoryError again) {
                outOfMemoryLine();
            }
            if (e instanceof Error) Runtime.getRuntime().halt(EXIT_INTERNAL);
        });
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) {
            // e.g. an OutOfMemoryError while picocli prints, or an Error that escaped its handler
            try {
                code = unexpected(t, "pepita", new PrintWriter(System.err, true));
            } catch (OutOfMemoryError again) {
                outOfMemoryLine();
                code = EXIT_INTERNAL;
            }
        }
        System.exit(code); // out of memory here too: the error leaves main, the JVM exits with 1 (see reported)
    }
}
