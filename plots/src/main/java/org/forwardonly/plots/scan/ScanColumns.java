package org.forwardonly.plots.scan;

/**
 * The scan metrics the scan figure's tables carry, named as in the scan's own table
 * ({@code scan.csv}, {@code PointSummary.METRIC_COLUMNS}, docs/columns.md): the one place to change
 * when those names change. {@code ScanColumnsTest} checks that they are still the scan's names.
 */
public final class ScanColumns {
    /** ε_g at the last sample. */
    public static final String EPS_G_FINAL = "eps_g_final";
    /** First time ε_g reaches the spec's threshold. */
    public static final String T_THRESHOLD = "t_threshold";
    /** Length of the longest plateau. */
    public static final String PLATEAU_LENGTH = "plateau_length";
    /** Height of the longest plateau. */
    public static final String PLATEAU_HEIGHT = "plateau_height";
    /** cos∠(v, feedback) at the last sample. */
    public static final String ALIGNMENT_FINAL = "alignment_final";
    /** Whether the run diverged (1) or not (0). */
    public static final String DIVERGED = "diverged";

    private ScanColumns() {}

    /** The standard error over seeds of a metric (the figure's own column; scan.csv has none). */
    public static String se(String column) {
        return column + "_se";
    }
}
