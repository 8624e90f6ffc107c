package org.forwardonly.plots.style;

import org.forwardonly.theory.rules.RuleType;
import org.forwardonly.theory.rules.Rules;

import java.awt.Color;

/**
 * The Okabe-Ito colour-blind-safe palette (Okabe and Ito, "Color Universal Design", 2002), and a
 * fixed colour for each learning rule so that a rule looks the same in every figure. Yellow is
 * left out: it is too pale on white.
 */
public enum Palette {
    /** #000000. */
    BLACK(0x000000),
    /** #E69F00. */
    ORANGE(0xE69F00),
    /** #56B4E9. */
    SKY_BLUE(0x56B4E9),
    /** #009E73. */
    BLUISH_GREEN(0x009E73),
    /** #0072B2. */
    BLUE(0x0072B2),
    /** #D55E00. */
    VERMILLION(0xD55E00),
    /** #CC79A7. */
    REDDISH_PURPLE(0xCC79A7);

    private final int rgb;

    Palette(int rgb) {
        this.rgb = rgb;
    }

    /** The colour. */
    public Color color() {
        return new Color(rgb);
    }

    /** The colour as {@code #rrggbb} (for matplotlib). */
    public String hex() {
        return String.format("#%06x", rgb);
    }

    /**
     * The colour of a learning rule by its config name ({@link #forRule(RuleType)}); orange for a name no
     * rule has (the images protocols' dfa, pepita-hebbian).
     */
    public static Palette forRule(String rule) {
        return Rules.find(rule).map(Palette::forRule).orElse(ORANGE);
    }

    /** The colour of a learning rule, {@link RuleType#colour} (bp black, fa green, afa blue, pepita vermillion, ff purple). */
    public static Palette forRule(RuleType rule) {
        for (Palette p : values()) if (p.rgb == rule.colour()) return p;
        return ORANGE;
    }

    /** The colour from its {@code #rrggbb} form. */
    public static Color parse(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
