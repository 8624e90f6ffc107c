package org.forwardonly.scan.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A validated, expanded scan: every point's config has been checked by the config parser.
 * Built only by {@link ScanSpecParser}; the format is documented in docs/scans.md.
 *
 * @param source       the spec JSON as given (copied into DIR/scan.json)
 * @param run          what each point runs
 * @param threshold    ε_g level whose first crossing time is reported (tThreshold)
 * @param plateauSlope |d ln ε_g / d ln t| at or below which the curve counts as flat
 * @param plateauDrop  a flat stretch is a plateau only if ε_g fell into it from above height/plateauDrop and later falls below plateauDrop
 * × height
 * @param sweptKeys    the swept config keys, in the spec's order (the CSV's leading columns)
 * @param points       the points in grid order (index 0, 1, ...)
 * @param hash         SHA-256 (hex) of everything that determines the results; stored in DIR
 */
public record ScanSpec(ObjectNode source, RunKind run, double threshold, double plateauSlope, double plateauDrop,
                       List<String> sweptKeys, List<ScanPoint> points, String hash) {

    /** Number of points. */
    public int size() {
        return points.size();
    }
}
