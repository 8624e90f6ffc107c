package org.forwardonly.images.rules;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The rules {@code train-images} trains on the two-layer network: the one place their names (the strings
 * users type in {@code --rules}/{@code --lr} and results record) are spelled. Names become values here, where
 * options are read; trainers and rules switch on the value (issue 25).
 */
public enum TwoLayerRuleName {
    /** Backpropagation. */
    BP("bp"),
    /** Feedback alignment. */
    FA("fa"),
    /** PEPITA with a fixed F. */
    PEPITA("pepita"),
    /** PEPITA with F weight-mirrored after every update. */
    PEPITA_WM("pepita-wm");

    private final String configName;

    TwoLayerRuleName(String configName) {
        this.configName = configName;
    }

    /** The name users type and files record ("bp", "pepita-wm", ...). */
    public String configName() {
        return configName;
    }

    /** The allowed names, in order, comma-separated: "bp, fa, pepita, pepita-wm". */
    public static String allowed() {
        return Arrays.stream(values()).map(TwoLayerRuleName::configName).collect(Collectors.joining(", "));
    }

    /** The rule called {@code name}, or null when there is none. */
    public static TwoLayerRuleName find(String name) {
        for (TwoLayerRuleName r : values()) {
            if (r.configName.equals(name)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The rule called {@code name}.
     *
     * @throws IllegalArgumentException one line: "--rules: invalid value 'x' (allowed: bp, fa, pepita, pepita-wm)"
     */
    public static TwoLayerRuleName of(String name) {
        TwoLayerRuleName r = find(name);
        if (r == null) {
            throw new IllegalArgumentException("--rules: invalid value '" + name + "' (allowed: " + allowed() + ")");
        }
        return r;
    }

    /** The config name, so that string concatenation writes what files always recorded. */
    @Override
    public String toString() {
        return configName;
    }
}
