package org.forwardonly.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The command line main() builds for one command (only that command's picocli model, for a fast
 * start; docs/performance.md) parses and answers exactly as the full one.
 */
class PepitaCommandTest {

    private static OdeCommandTest.Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new OdeCommandTest.Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyNameIsItsCommandsName() {
        for (var e : PepitaCommand.SUBCOMMANDS.entrySet()) {
            CommandLine.Command c = e.getValue().getAnnotation(CommandLine.Command.class);
            assertEquals(e.getKey(), c.name(), e.getValue().getName());
        }
    }

    @Test
    void oneCommandIsBuiltAlone() {
        assertEquals(Set.of("ode"), PepitaCommand.commandLine(new String[] {"ode", "x.json"}).getSubcommands().keySet());
        assertEquals(Set.of(), PepitaCommand.commandLine(new String[] {"--version"}).getSubcommands().keySet());
        // help, a typo (its suggestions) and no command need them all
        for (String[] args : List.of(new String[] {"help", "ode"}, new String[] {"odee"}, new String[0], new String[] {"--help"})) {
            // by their names: picocli also lists aliases (analyse's "analyze") as keys
            assertEquals(PepitaCommand.SUBCOMMANDS.keySet(), PepitaCommand.commandLine(args).getSubcommands().values().stream()
                    .map(picocli.CommandLine::getCommandName).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void answersAsTheFullCommandLine() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"--version"});
        cases.add(new String[] {"-V"});
        cases.add(new String[] {"--help"});
        cases.add(new String[] {"odee", "x.json"});
        cases.add(new String[] {"help", "scan"});
        for (String name : PepitaCommand.SUBCOMMANDS.keySet()) {
            cases.add(new String[] {name, "--help"});
            cases.add(new String[] {name, "--no-such-option"});
        }
        cases.add(new String[] {"ode"}); // missing CONFIG
        cases.add(new String[] {"ode", "no-such-file.json", "--out", "unused"});
        CommandLine all = PepitaCommand.commandLine(); // picocli resets it before each parse
        for (String[] args : cases) {
            OdeCommandTest.Run full = run(all, args), lazy = run(PepitaCommand.commandLine(args), args);
            assertEquals(full, lazy, String.join(" ", args));
        }
    }
}
