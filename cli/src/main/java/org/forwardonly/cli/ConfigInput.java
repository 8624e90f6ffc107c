package org.forwardonly.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.config.ConfigSource;
import org.forwardonly.theory.config.ExperimentConfig;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --set KEY=VALUE} option (a picocli mixin) of every command that reads a config or a
 * scan spec, and the reading itself: JSON, YAML by extension, {@code -} for standard input
 * ({@link ConfigSource}).
 */
final class ConfigInput {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a key of the config (repeatable), e.g. --set eta=2 --set mirroring.etaWm=0.2 "
                    + "(scan spec: --set base.N=500, --set 'grid.eta=[0.5,1]'). The value is read as YAML: a number, a word, "
                    + "true/false or a [list]. Keys: docs/config.md.")
    List<String> sets = new ArrayList<>();

    /** The tree of {@code source} (a file, or "-" for standard input) with the overrides applied. */
    ObjectNode tree(String source, String what) {
        return ConfigSource.read(source, sets, what, System.in);
    }

    /** {@code tree} with the overrides applied (changed in place and returned). */
    ObjectNode apply(ObjectNode tree) {
        for (String o : sets) ConfigSource.set(tree, o);
        return tree;
    }

    /** The validated experiment config of {@code source} with the overrides applied. */
    ExperimentConfig config(String source) {
        return ConfigParser.parse(tree(source, "config"));
    }
}
