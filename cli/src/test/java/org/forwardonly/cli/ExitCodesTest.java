package org.forwardonly.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exit codes in the README's table, in every command's --help, and in the code are the same. */
class ExitCodesTest {

    /** The README's exit-code table: code → meaning, Markdown stripped (backticks; ε_g written eps_g). */
    static Map<String, String> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("Exit codes, the same for every command")) start = i;
        assertTrue(start >= 0, "README.md has no exit-code table");
        Map<String, String> codes = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| (\\d+) \\| (.*) \\|$");
        // the table: from the first "|" line after the heading to the next line that is not one
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) i++;
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher m = row.matcher(lines.get(i));
            if (m.matches()) codes.put(m.group(1), normal(m.group(2)));
        }
        return codes;
    }

    static String normal(String text) {
        String t = text.replace("`", "").replace("ε_g", "eps_g").replaceAll("\\s+", " ").trim();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    @Test
    void readmeListsTheCodesTheCommandsUse() throws IOException {
        Map<String, String> code = new LinkedHashMap<>();
        PepitaCommand.EXIT_CODES.forEach((k, v) -> code.put(k, normal(v)));
        assertEquals(code, readmeTable(), "README's exit-code table and PepitaCommand.EXIT_CODES differ");
        assertEquals("1", "" + PepitaCommand.EXIT_INTERNAL);
        assertEquals("2", "" + PepitaCommand.EXIT_BAD_INPUT);
        assertEquals("3", "" + PepitaCommand.EXIT_DIVERGED);
    }

    /** The codes with their meanings once, in pepita help; each command's help names every code in one line. */
    @Test
    void helpListsTheCodesOnceAndEachCommandInOneLine() throws IOException {
        Map<String, String> readme = readmeTable();
        CommandLine root = PepitaCommand.commandLine();
        String top = normal(root.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (Map.Entry<String, String> e : readme.entrySet()) {
            assertTrue(top.contains(e.getKey() + " " + e.getValue()), "pepita help does not list exit code " + e.getKey() + ": " + top);
        }
        for (CommandLine cl : root.getSubcommands().values()) {
            String name = cl.getCommandName();
            if (name.equals("help")) continue;
            String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertTrue(!help.contains("Exit codes:\n"), name + " --help repeats the exit-code table");
            String line = normal(help);
            assertTrue(line.contains(normal(PepitaCommand.EXIT_CODES_LINE)), name + " --help lacks the exit-code line: " + help);
            for (String code : readme.keySet()) assertTrue(line.contains(code + " "), name + ": code " + code);
            // the command list of pepita help: one summary line per command
            assertTrue(PepitaCommand.SUMMARIES.containsKey(name), name + " has no one-line summary");
            assertTrue(PepitaCommand.SUMMARIES.get(name).length() <= 75, name + "'s summary is longer than a line");
        }
    }
}
