package org.forwardonly.scan.metrics;

import java.util.List;

/**
 * The summary of one run at one scan point: one row of the scan's CSV (after the point's
 * swept values). Missing values (never crossed, no plateau, diverged) are null. Definitions
 * are in {@link SummaryMetrics} and docs/scans.md.
 *
 * @param engine         ode or sim
 * @param epsGFinal      ε_g at the end of the run; null if the run diverged
 * @param tThreshold     first time ε_g reaches the spec's threshold (linear interpolation between samples)
 * @param plateauStart   start time of the longest plateau
 * @param plateauLength  its length in time units t
 * @param plateauHeight  its height (geometric mean of ε_g over the plateau's samples)
 * @param alignmentFinal cos angle between v and the feedback at the end (1 for bp)
 * @param diverged       the run diverged
 * @param tEnd           time of the last sample (tMax, or when divergence was detected; NaN if unknown)
 */
public record PointSummary(String engine, Double epsGFinal, Double tThreshold, Double plateauStart,
                           Double plateauLength, Double plateauHeight, Double alignmentFinal,
                           boolean diverged, double tEnd) {

    /** The metric columns, in CSV order (after point, the swept keys and engine). */
    public static final List<String> METRIC_COLUMNS = List.of(
            "epsGFinal", "tThreshold", "plateauStart", "plateauLength", "plateauHeight",
            "alignmentFinal", "diverged", "tEnd");
}
