package org.forwardonly.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code -o/--out DIR} and {@code --overwrite} of the commands that write one run's directory
 * (ode, simulate, compare, power), a picocli mixin: DIR defaults to runs/COMMAND-YYYYMMDD-HHMMSS
 * (UTC), a non-empty DIR is refused without --overwrite (exit 2), and files are staged beside DIR
 * and moved in at the end ({@link RunDirectory}), so a killed run leaves no half-written DIR.
 */
final class RunOutput {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output directory (created if absent; a non-empty one only with --overwrite). Files are "
                    + "staged beside it and moved in at the end. Default: runs/COMMAND-YYYYMMDD-HHMMSS (UTC), printed at the end.")
    private Path out;

    @Mixin
    private OverwriteOption overwrite;

    /** DIR as given, or the default for {@code command} (chosen once, on the first call). */
    Path dir(String command) {
        if (out == null) out = RunDirectory.defaultOut(command);
        return out;
    }

    /**
     * DIR (as {@link #dir}) if it may be written: absent, empty, or non-empty with --overwrite; else a
     * {@link org.forwardonly.theory.config.ConfigException} saying why not. Writes nothing.
     */
    Path checked(String command) {
        Path dir = dir(command);
        RunDirectory.check(dir, overwrite.overwrite);
        return dir;
    }

    /**
     * As {@link #checked(String)}, and with --overwrite refuses before the run a file among {@code replaces} (files the
     * command writes or removes) that pepita did not write (OutputDirectory.checkReplaceable).
     */
    Path checked(String command, String... replaces) {
        Path dir = checked(command);
        if (overwrite.overwrite) {
            try {
                org.forwardonly.plots.catalogue.OutputDirectory.checkReplaceable(dir, replaces);
            } catch (IllegalArgumentException e) {
                throw new org.forwardonly.theory.config.ConfigException(e.getMessage());
            }
        }
        return dir;
    }
}
