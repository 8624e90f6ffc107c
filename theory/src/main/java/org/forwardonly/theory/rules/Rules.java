package org.forwardonly.theory.rules;

/** Builds a rule from its config name. */
public final class Rules {
    private Rules() {}

    /**
     * @param name "bp", "fa", "afa", "pepita" or "ff"
     * @param modulatedLastLayer the {@code lastLayer} option: true for h̃ (pepita, afa)
     */
    public static LearningRule byName(String name, boolean modulatedLastLayer) {
        return switch (name) {
            case "bp" -> new Backpropagation();
            case "fa" -> new FeedbackAlignment();
            case "afa" -> new AdaptiveFeedbackAlignment(modulatedLastLayer);
            case "pepita" -> new Pepita(modulatedLastLayer);
            case "ff" -> new ForwardForward();
            default -> throw new IllegalArgumentException(
                    "unknown rule '" + name + "' (allowed: bp, fa, afa, pepita, ff)");
        };
    }
}
