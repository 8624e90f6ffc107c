package org.forwardonly.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code pepita} command: theory (ODEs), simulations, comparisons, figures and scans of
 * forward-only learning in the teacher-student setting. Subcommands are registered here, and so
 * is the one handler through which every failure reaches the user as one line (docs/reliability.md).
 */
@Command(name = "pepita", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"High-dimensional theory and simulation of forward-only learning (PEPITA, AFA, FF, FA, BP)."})
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
     * The exit codes of every command, listed once in {@code pepita help} (each command's help has
     * {@link #EXIT_CODES_LINE}); the README's table lists the same codes (ExitCodesTest).
     */
    public static final Map<String, String> EXIT_CODES = exitCodes();

    private static Map<String, String> exitCodes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0", "done (for compare whatever the verdict; for scan diverged points are rows, not failures).");
        m.put("" + EXIT_INTERNAL, "an unexpected failure (a bug, the machine, a scan point whose engine threw): one line with "
                + "its type and message (PEPITA_DEBUG=1 adds the stack trace; out of memory names PEPITA_JAVA_OPTS); a scan keeps "
                + "its finished points, rerun to resume.");
        m.put("" + EXIT_BAD_INPUT, "bad input (config, option, missing file or dataset, unwritable or non-empty DIR without "
                + "--overwrite): one line on stderr naming the key, the problem and what is allowed; nothing written.");
        m.put("" + EXIT_DIVERGED, "a run diverged (non-finite state, or eps_g past epsGBound), or the adaptive integrator "
                + "could not go on (said as such): one line with t and what to try; ode keeps DIR/metrics.csv up to there, "
                + "every other command writes nothing of that run.");
        m.put("" + ScanCommand.EXIT_CLUSTER, "scan --spark or --slurm: the cluster failed (unreachable master or controller, "
                + "executors that cannot start, workers lost, array tasks ended with points missing): one line naming the cause "
                + "and what to try; finished points are kept, rerun to resume.");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The subcommands by name, in the order {@code pepita --help} lists them. Registered here rather
     * than in {@code @Command(subcommands = ...)} so that a run of one command builds only that
     * command's picocli model: reflecting over all of them cost a cold start about a third of its
     * time (docs/performance.md, "Cold start"). Each name is its class's {@code @Command} name
     * (PepitaCommandTest checks).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("help", CommandLine.HelpCommand.class);
        m.put("ode", OdeCommand.class);
        m.put("analyse", AnalyseCommand.class);
        m.put("simulate", SimulateCommand.class);
        m.put("compare", CompareCommand.class);
        m.put("power", PowerCommand.class);
        m.put("figure", FigureCommand.class);
        m.put("reproduce", ReproduceCommand.class);
        m.put("notebook", NotebookCommand.class);
        m.put("bench", org.forwardonly.cli.bench.BenchCommand.class);
        m.put("scan", ScanCommand.class);
        m.put("train-images", TrainImagesCommand.class);
        m.put("serve", org.forwardonly.cli.serve.ServeCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Builds the command line with the project's error handling: a bad option is one line and exit
     * 2; an exception a command did not handle is one line and exit 1 (docs/reliability.md).
     * {@code pepita help} ends with {@link #EXIT_CODES}, every command's --help with {@link #EXIT_CODES_LINE}.
     */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: when the first names a command ({@code pepita ode ...}),
     * only that command is built; for {@code --version} alone, none; otherwise (help, a typo that
     * needs suggestions, no command) all of them, as {@link #commandLine()}. The parse and every
     * message are the same as with all commands built (PepitaCommandTest).
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")) return commandLine(List.of(args[0]));
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) return commandLine(List.of());
        return commandLine();
    }

    private static CommandLine commandLine(java.util.Collection<String> names) {
        CommandLine cl = new CommandLine(new PepitaCommand());
        for (String name : names) cl.addSubcommand(name, SUBCOMMANDS.get(name));
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
        for (CommandLine sub : cl.getSubcommands().values()) shortHelp(sub);
    }

    /**
     * One line per command in {@code pepita help}'s list (a command's header, which its own help
     * prints first, above its full description).
     */
    static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("ode", "Integrate the order-parameter ODE of one config."),
            Map.entry("analyse", "Fixed points of the ODE, their stability, eta_max by continuation."),
            Map.entry("simulate", "Train finite-N networks online, seeds in parallel."),
            Map.entry("compare", "Simulation against the ODE from each seed's start: AGREE or DISAGREE."),
            Map.entry("power", "How often compare says DISAGREE for the true ODE and for perturbed ones."),
            Map.entry("figure", "Make one figure of the catalogue (--list shows it)."),
            Map.entry("reproduce", "Make every figure of the paper, theory against simulation."),
            Map.entry("notebook", "Write a Jupyter notebook for any output directory."),
            Map.entry("scan", "Run a grid or list of configs, resumable; on all cores, Spark or Slurm."),
            Map.entry("bench", "Time the ODE and the SGD step (and the C++ reference)."),
            Map.entry("train-images", "Train bp, fa, PEPITA, ... on images; the paper's tables (--protocol)."),
            Map.entry("serve", "Serve the interactive explorer on a local web page."));

    /** The one line of the exit codes in each command's help: what each means is in {@code pepita help}. */
    static final String EXIT_CODES_LINE = "Exit codes: 0 done, 1 unexpected failure, 2 bad input, 3 diverged, "
            + "4 cluster failed (scan --spark, --slurm); what each means: pepita help.";

    private static void shortHelp(CommandLine sub) {
        var usage = sub.getCommandSpec().usageMessage();
        String summary = SUMMARIES.get(sub.getCommandName());
        if (summary != null && usage.header().length == 0) usage.header(summary);
        if (!sub.getCommandName().equals("help")) {
            String[] footer = java.util.Arrays.copyOf(usage.footer(), usage.footer().length + 1);
            footer[footer.length - 1] = EXIT_CODES_LINE;
            usage.footer(footer);
        }
        for (CommandLine s : sub.getSubcommands().values()) shortHelp(s);
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
            code = commandLine(args).execute(args);
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
