package org.forwardonly.simulation.measure;

import java.util.List;

/**
 * Mean over seeds and its standard error (sample standard deviation / √seeds; NaN for one
 * seed) of recorded rows, entry by entry.
 */
public final class SeedStatistics {
    private SeedStatistics() {}

    /** Entry-wise mean of the tables {@code perSeed[s][time][col]}. */
    public static double[][] mean(List<double[][]> perSeed) {
        int T = perSeed.get(0).length, C = perSeed.get(0)[0].length;
        double[][] out = new double[T][C];
        for (double[][] s : perSeed) {
            for (int i = 0; i < T; i++) for (int j = 0; j < C; j++) out[i][j] += s[i][j];
        }
        for (double[] row : out) for (int j = 0; j < C; j++) row[j] /= perSeed.size();
        return out;
    }

    /** Entry-wise standard error of the mean. */
    public static double[][] standardError(List<double[][]> perSeed) {
        int S = perSeed.size(), T = perSeed.get(0).length, C = perSeed.get(0)[0].length;
        double[][] mean = mean(perSeed);
        double[][] out = new double[T][C];
        for (double[][] s : perSeed) {
            for (int i = 0; i < T; i++) {
                for (int j = 0; j < C; j++) {
                    double d = s[i][j] - mean[i][j];
                    out[i][j] += d * d;
                }
            }
        }
        for (double[] row : out) {
            for (int j = 0; j < C; j++) row[j] = S < 2 ? Double.NaN : Math.sqrt(row[j] / (S - 1) / S);
        }
        return out;
    }
}
