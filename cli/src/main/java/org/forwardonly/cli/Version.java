package org.forwardonly.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * What identifies the code that computes a scan point, for the result cache's keys: the recorded
     * version when built from a clean commit; a build with uncommitted changes (or outside git) adds
     * the SHA-256 of the jar it runs from, since two such builds of one commit may compute differently.
     */
    public static String codeVersion() {
        String v = recorded();
        if (!v.endsWith("-dirty") && !v.endsWith("unknown")) return v;
        try {
            Path jar = Path.of(Version.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar)) {
                return v + "+jar-" + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
            }
        } catch (Exception e) {
            // not from a jar (classes of a test run): the version alone
        }
        return v;
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
