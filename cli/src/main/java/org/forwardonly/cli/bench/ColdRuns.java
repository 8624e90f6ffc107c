package org.forwardonly.cli.bench;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pepita timed as a whole process from a cold start, as a user or a script meets it: a fresh JVM
 * started the way this one was (the same java binary, JVM options and class path, so under
 * {@code ./pepita} with its class-data archive and heap option), running one command. The
 * {@code ./pepita} script's own checks before it starts java (git rev-parse, a find over the
 * sources, about 20-40 ms) are not included; docs/performance.md measures them apart.
 */
final class ColdRuns {
    private final List<String> prefix;

    private ColdRuns(List<String> prefix) {
        this.prefix = prefix;
    }

    /**
     * Children started as this JVM was.
     *
     * @param mainClass the class the children run (the root command's: this package does not name it, so
     *                  that cli and cli.bench do not depend on each other)
     */
    static ColdRuns likeThisJvm(String mainClass) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger or agent of this JVM is not part of how pepita starts
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-XX:ArchiveClassesAtExit")) cmd.add(a);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        return new ColdRuns(List.copyOf(cmd));
    }

    /** The JVM options the children get (for the table's header). */
    String options() {
        return String.join(" ", prefix.subList(1, prefix.size() - 3));
    }

    /** One cold {@code pepita --version}. */
    ReferenceRuns.Run version() {
        List<String> args = new ArrayList<>(prefix);
        args.add("--version");
        return ReferenceRuns.once(args);
    }

    /** One cold {@code pepita ode CONFIG --out DIR --no-progress} on {@code configJson}, in a temporary directory deleted after. */
    ReferenceRuns.Run ode(String configJson) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pepita-bench-cold");
            Path config = Files.writeString(dir.resolve("config.json"), configJson);
            List<String> args = new ArrayList<>(prefix);
            args.addAll(List.of("ode", config.toString(), "--out", dir.resolve("out").toString(), "--no-progress"));
            return ReferenceRuns.once(args);
        } catch (IOException e) {
            throw new UncheckedIOException("cold pepita ode", e);
        } finally {
            if (dir != null) ReferenceRuns.deleteTree(dir);
        }
    }
}
