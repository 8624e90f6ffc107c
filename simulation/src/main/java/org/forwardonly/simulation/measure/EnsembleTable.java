package org.forwardonly.simulation.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed-averaged metrics of a simulation: every recorded column as the mean over seeds,
 * then the standard error of each, named {@code <col>_se}. The mean columns come first so that
 * a file starts with the same columns as the ODE's.
 *
 * @param times recording times
 * @param columns column names (time not included)
 * @param rows one row per time
 */
public record EnsembleTable(double[] times, List<String> columns, double[][] rows) {

    /** Mean and standard error over the per-seed tables {@code perSeed[seed][time][col]}. */
    public static EnsembleTable of(double[] times, List<String> columns, List<double[][]> perSeed) {
        double[][] mean = SeedStatistics.mean(perSeed);
        double[][] se = SeedStatistics.standardError(perSeed);
        List<String> names = new ArrayList<>(columns);
        for (String c : columns) names.add(c + "_se");
        int C = columns.size();
        double[][] rows = new double[times.length][2 * C];
        for (int i = 0; i < times.length; i++) {
            System.arraycopy(mean[i], 0, rows[i], 0, C);
            System.arraycopy(se[i], 0, rows[i], C, C);
        }
        return new EnsembleTable(times.clone(), List.copyOf(names), rows);
    }
}
