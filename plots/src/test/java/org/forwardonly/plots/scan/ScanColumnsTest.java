package org.forwardonly.plots.scan;

import org.forwardonly.scan.metrics.PointSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scan figure's metric columns are still named as the scan's own table names them. */
class ScanColumnsTest {
    @Test
    void namesAreTheScansColumns() {
        for (String c : List.of(ScanColumns.EPS_G_FINAL, ScanColumns.T_THRESHOLD, ScanColumns.PLATEAU_LENGTH,
                ScanColumns.PLATEAU_HEIGHT, ScanColumns.ALIGNMENT_FINAL, ScanColumns.DIVERGED)) {
            assertTrue(PointSummary.METRIC_COLUMNS.contains(c), c + " is not in " + PointSummary.METRIC_COLUMNS);
        }
    }
}
