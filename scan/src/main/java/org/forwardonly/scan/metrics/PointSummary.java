package org.forwardonly.scan.metrics;

import java.util.List;

/**
 * The summary of one run at one scan point: one row of the scan's CSV (after the point's
 * swept values). Missing values (never crossed, no plateau, diverged) are null. Definitions
 * are in {@link SummaryMetrics} and docs/scans.md.
 *
 * @param engine         ode or sim
 * @param eps_g_final      ε_g at the end of the run; null if the run diverged
 * @param eps_g_final_se   its standard error over seeds (a seed mean: the simulation, or the ODEs of run both);
 *                         null for a single run or a diverged one
 * @param t_threshold     first time ε_g reaches the spec's threshold (linear interpolation between samples)
 * @param plateau_start   start time of the longest plateau
 * @param plateau_length  its length in time units t
 * @param plateau_height  its height (geometric mean of ε_g over the plateau's samples)
 * @param alignment_final cos angle between v and the feedback at the end (1 for bp)
 * @param diverged       the run diverged
 * @param t_end           time of the last sample (tMax, or when divergence was detected; NaN if unknown)
 */
public record PointSummary(String engine, Double epsGFinal, Double epsGFinalSe, Double tThreshold, Double plateauStart,
                           Double plateauLength, Double plateauHeight, Double alignmentFinal,
                           boolean diverged, double tEnd) {

    /** The metric columns, in CSV order (after point, the swept keys and engine). */
    public static final List<String> METRIC_COLUMNS = List.of(
            "eps_g_final", "eps_g_final_se", "t_threshold", "plateau_start", "plateau_length", "plateau_height",
            "alignment_final", "diverged", "t_end");
}
