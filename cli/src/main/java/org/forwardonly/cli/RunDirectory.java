package org.forwardonly.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.plots.catalogue.OutputDirectory;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An output directory of a run: self-describing, with {@code config.json} holding
 * {@code {"version", "commit", "command", "seed", "config": <resolved config>}}. Validate everything
 * before {@link #create}: bad input must leave nothing behind. Files are written into a staging
 * directory beside DIR ({@link OutputDirectory}) and moved in by {@link #commit}; closing an
 * uncommitted run directory removes the staging, so DIR never holds half-written files.
 */
public final class RunDirectory implements AutoCloseable {
    private final OutputDirectory staging;
    private boolean committed;

    private RunDirectory(OutputDirectory staging) {
        this.staging = staging;
    }

    /**
     * Checks that {@code dir} can be an output directory: writable, and absent or empty unless
     * {@code overwrite}; writes nothing. Throws a {@link ConfigException} (exit 2) saying why not.
     */
    public static void check(Path dir, boolean overwrite) {
        try {
            OutputDirectory.checkFresh(dir, overwrite);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
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

    /** Opens the staging directory of {@code dir} (stale staging of killed runs is removed). */
    public static RunDirectory create(Path dir) throws IOException {
        return new RunDirectory(OutputDirectory.open(dir));
    }

    /** Moves every file written into DIR (the run is complete, or diverged with what it kept). */
    public void commit() throws IOException {
        staging.commit();
        committed = true;
    }

    /**
     * Removes DIR/{@code name} at {@link #commit}: an output of an earlier run (into DIR with
     * --overwrite) that this run does not write and that would misdescribe it (per_seed.csv
     * without --per-seed). Only the files a command names here, and only if DIR's manifest proves
     * pepita wrote them (else the commit fails, exit 2, and the file stays); nothing else is deleted.
     */
    public void removeAtCommit(String name) {
        staging.removeAtCommit(name);
    }

    /** Removes the staging directory unless committed. */
    @Override
    public void close() {
        if (!committed) staging.abandon();
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

    /** A file in the directory (in its staging directory until {@link #commit}). */
    public Path resolve(String name) {
        return staging.stage().resolve(name);
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
        writeConfig(config, seeds, commandLine, json -> { }, null);
    }

    /** As {@link #writeConfig(ExperimentConfig, long[], List)}, with fields {@code more} adds before the config. */
    public void writeConfig(ExperimentConfig config, long[] seeds, List<String> commandLine,
                            java.util.function.Consumer<ObjectNode> more) throws IOException {
        writeConfig(config, seeds, commandLine, more, null);
    }

    /**
     * As {@link #writeConfig(ExperimentConfig, long[], List)}, with what the run found out about
     * itself under {@code "engine"} (e.g. the exact engine's averaging and its error estimate);
     * null leaves it out.
     */
    public void writeConfig(ExperimentConfig config, long[] seeds, List<String> commandLine,
                            com.fasterxml.jackson.databind.JsonNode engine) throws IOException {
        writeConfig(config, seeds, commandLine, json -> { }, engine);
    }

    /** The general form: fields {@code more} adds before the config, and {@code engine} (or null) after it. */
    public void writeConfig(ExperimentConfig config, long[] seeds, List<String> commandLine,
                            java.util.function.Consumer<ObjectNode> more,
                            com.fasterxml.jackson.databind.JsonNode engine) throws IOException {
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
        if (engine != null) root.set("engine", engine);
        Files.writeString(resolve("config.json"), ConfigParser.pretty(root), StandardCharsets.UTF_8);
    }
}
