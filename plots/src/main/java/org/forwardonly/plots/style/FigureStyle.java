package org.forwardonly.plots.style;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;

/**
 * Sizes, fonts and strokes of every figure. One panel is {@link #PANEL_WIDTH} ×
 * {@link #PANEL_HEIGHT} points; PNGs are drawn at {@link #PNG_SCALE} pixels per point so they
 * stay sharp in the README.
 */
public final class FigureStyle {
    /** Width of one panel, in points. */
    public static final int PANEL_WIDTH = 460;
    /** Height of one panel (legend included), in points. */
    public static final int PANEL_HEIGHT = 400;
    /** Height of a panel's title band (inside the panel height), in points. */
    public static final int PANEL_TITLE_HEIGHT = 24;
    /** Height of the figure title band, in points. */
    public static final int TITLE_HEIGHT = 34;
    /** Pixels per point in PNG files. */
    public static final double PNG_SCALE = 2.0;
    /** Line width of theory curves. */
    public static final float LINE_WIDTH = 2.0f;
    /** Line width of dashed theory curves (approximations), drawn over the solid ones. */
    public static final float DASHED_LINE_WIDTH = 1.7f;
    /** Space between the panels and the figure's legend under them, in points. */
    public static final int LEGEND_GAP = 6;
    /** Diameter of simulation markers. */
    public static final double MARKER_SIZE = 6.5;

    private static final String FAMILY = pickFamily();

    private FigureStyle() {}

    /** Font of the figure title. */
    public static Font titleFont() {
        return new Font(FAMILY, Font.BOLD, 16);
    }

    /** Font of panel titles. */
    public static Font panelTitleFont() {
        return new Font(FAMILY, Font.BOLD, 14);
    }

    /** Font of axis labels. */
    public static Font axisLabelFont() {
        return new Font(FAMILY, Font.PLAIN, 14);
    }

    /** Font of tick labels. */
    public static Font tickFont() {
        return new Font(FAMILY, Font.PLAIN, 12);
    }

    /** Font of legend entries. */
    public static Font legendFont() {
        return new Font(FAMILY, Font.PLAIN, 12);
    }

    /** DejaVu Sans when installed (it has ε, σ, ∠, η, superscript minus), else the logical SansSerif. */
    private static String pickFamily() {
        String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.asList(names).contains("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
    }
}
