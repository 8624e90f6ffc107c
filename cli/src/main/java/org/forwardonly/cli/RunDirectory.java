package org.forwardonly.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.theory.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An output directory of a run: self-describing, with {@code config.json} holding
 * {@code {"version", "commit", "command", "seed", "config": <resolved config>}}. Validate everything
 * before {@link #create}: bad input must leave nothing behind.
 */
public final class RunDirectory {
    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** Checks that {@code dir} can be an output directory (absent, or a directory); writes nothing. */
    public static void check(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException("--out " + dir + ": exists and is not a directory");
        }
    }

    /**
     * The output directory when {@code --out} is not given: {@code runs/COMMAND-YYYYMMDD-HHMMSS}
     * (UTC), relative to the working directory.
     */
    public static Path defaultOut(String command) {
        return Path.of("runs", command + "-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)));
    }

    /** Creates the directory (and parents) if needed. */
    public static RunDirectory create(Path dir) throws IOException {
        check(dir);
        Files.createDirectories(dir);
        return new RunDirectory(dir);
    }

    /** "pepita" and the original arguments (which include the subcommand), for config.json. */
    public static List<String> commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        List<String> line = new java.util.ArrayList<>();
        line.add("pepita");
        picocli.CommandLine root = spec.root().commandLine();
        line.addAll(root.getParseResult() != null ? root.getParseResult().originalArgs()
                : spec.commandLine().getParseResult().originalArgs());
        return line;
    }

    /**
     * {@code line} without option {@code name} and its value ({@code name V} or {@code name=V}):
     * for options that change no output, so that config.json does not depend on them.
     */
    public static List<String> withoutOption(List<String> line, String name) {
        List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            String a = line.get(i);
            if (a.equals(name)) i++;
            else if (!a.startsWith(name + "=")) kept.add(a);
        }
        return kept;
    }

    /** A file in the directory. */
    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** Writes {@code config.json}: version, git commit of the build, command line, seed and the resolved config. */
    public void writeConfig(ExperimentConfig config, long seed, List<String> commandLine) throws IOException {
        writeConfig(config, new long[] {seed}, commandLine);
    }

    /**
     * Writes {@code config.json} of a multi-seed run: version, command line, the first seed,
     * every seed ({@code "seeds": [..]}) and the resolved config.
     */
    public void writeConfig(ExperimentConfig config, long[] seeds, List<String> commandLine) throws IOException {
        writeConfig(config, seeds, commandLine, json -> { });
    }

    /** As {@link #writeConfig(ExperimentConfig, long[], List)}, with fields {@code more} adds before the config. */
    public void writeConfig(ExperimentConfig config, long[] seeds, List<String> commandLine,
                            java.util.function.Consumer<ObjectNode> more) throws IOException {
        ObjectNode root = ConfigParser.mapper().createObjectNode();
        root.put("version", Version.get());
        root.put("commit", Version.commit());
        root.put("command", String.join(" ", commandLine));
        root.put("seed", seeds[0]);
        if (seeds.length > 1) {
            com.fasterxml.jackson.databind.node.ArrayNode all = root.putArray("seeds");
            for (long s : seeds) all.add(s);
        }
        more.accept(root);
        root.set("config", ConfigParser.toJson(config));
        Files.writeString(dir.resolve("config.json"), ConfigParser.pretty(root), StandardCharsets.UTF_8);
    }
}
