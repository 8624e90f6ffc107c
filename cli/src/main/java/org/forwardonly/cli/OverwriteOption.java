package org.forwardonly.cli;

import picocli.CommandLine.Option;

/**
 * {@code --overwrite}, the same on every command that writes a directory (a picocli mixin): without
 * it a non-empty DIR is refused (exit 2), since a command never deletes or mixes in with files it
 * did not write unasked (docs/reliability.md).
 */
final class OverwriteOption {
    @Option(names = "--overwrite",
            description = "Write into DIR even if it is not empty: files of the same names are replaced, nothing else "
                    + "is deleted. Without it a non-empty DIR is refused (exit 2).")
    boolean overwrite;
}
