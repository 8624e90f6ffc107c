package org.forwardonly.cli;

import picocli.CommandLine.IVersionProvider;

/** The project version, from the jar manifest (or "dev" when run from classes). */
public final class Version implements IVersionProvider {
    /** The version string written into every output directory. */
    public static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pepita " + get()};
    }
}
