package org.forwardonly.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The project version, from the jar manifest (or "dev" when run from classes), and the git commit of the build. */
public final class Version implements IVersionProvider {
    private static final String COMMIT = readCommit();

    /** The version string written into every output directory. */
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /**
     * The git commit the build was made from, captured at build time (cli/pom.xml): a SHA, the
     * SHA with "-dirty" when tracked files had uncommitted changes, or "unknown" (not built from
     * a git checkout).
     */
    public static String commit() {
        return COMMIT;
    }

    /**
     * The version with the commit as SemVer build metadata, {@code 0.1.0-SNAPSHOT+SHA}, for the
     * files that record one version string (scan.json, a figure's configs/*.json, train-images'
     * config.json); run directories' config.json has {@code version} and {@code commit} apart.
     */
    public static String recorded() {
        return get() + "+" + commit();
    }

    private static String readCommit() {
        try (InputStream in = Version.class.getResourceAsStream("git-commit.txt")) {
            if (in == null) return "unknown";
            String c = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return c.isEmpty() ? "unknown" : c;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pepita " + get() + " (commit " + commit() + ")"};
    }
}
