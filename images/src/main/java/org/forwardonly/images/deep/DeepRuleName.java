package org.forwardonly.images.deep;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The rules of the deeper networks ({@link DeepConfig}, {@link Protocol}): the one place their names (as
 * tables and results record them) are spelled. Trainers and rules switch on the value (issue 25).
 */
public enum DeepRuleName {
    /** Backpropagation. */
    BP("bp"),
    /** Feedback alignment. */
    FA("fa"),
    /** Direct feedback alignment. */
    DFA("dfa"),
    /** Forward-forward. */
    FF("ff"),
    /** PEPITA with a fixed F. */
    PEPITA("pepita"),
    /** PEPITA with Hebbian updates. */
    PEPITA_HEBBIAN("pepita-hebbian"),
    /** Time-local PEPITA. */
    PEPITA_TL("pepita-tl"),
    /** PEPITA with F weight-mirrored after every update. */
    PEPITA_WM("pepita-wm");

    private final String configName;

    DeepRuleName(String configName) {
        this.configName = configName;
    }

    /** The name tables and files record ("bp", "pepita-wm", ...). */
    public String configName() {
        return configName;
    }

    /** The allowed names, in order, comma-separated. */
    public static String allowed() {
        return Arrays.stream(values()).map(DeepRuleName::configName).collect(Collectors.joining(", "));
    }

    /**
     * The rule called {@code name}.
     *
     * @throws IllegalArgumentException one line: "--rules: invalid value 'x' (allowed: bp, fa, ...)"
     */
    public static DeepRuleName of(String name) {
        for (DeepRuleName r : values()) {
            if (r.configName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("--rules: invalid value '" + name + "' (allowed: " + allowed() + ")");
    }

    /** The config name, so that string concatenation writes what files always recorded. */
    @Override
    public String toString() {
        return configName;
    }
}
