package org.forwardonly.simulation.measure;

import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Mean over seeds and its standard error (sample standard deviation / √seeds; NaN for one
 * seed) of trajectories recorded at the same times with the same columns.
 */
public final class SeedStatistics {
    private SeedStatistics() {}

    /** Entry-wise mean of the seeds' rows. */
    public static double[][] mean(List<Trajectory> seeds) {
        int T = seeds.get(0).size(), C = seeds.get(0).columns().size();
        double[][] out = new double[T][C];
        for (Trajectory s : seeds) {
            for (int i = 0; i < T; i++) for (int j = 0; j < C; j++) out[i][j] += s.rows()[i][j];
        }
        for (double[] row : out) for (int j = 0; j < C; j++) row[j] /= seeds.size();
        return out;
    }

    /** Entry-wise standard error of the mean. */
    public static double[][] standardError(List<Trajectory> seeds) {
        int S = seeds.size(), T = seeds.get(0).size(), C = seeds.get(0).columns().size();
        double[][] mean = mean(seeds);
        double[][] out = new double[T][C];
        for (Trajectory s : seeds) {
            for (int i = 0; i < T; i++) {
                for (int j = 0; j < C; j++) {
                    double d = s.rows()[i][j] - mean[i][j];
                    out[i][j] += d * d;
                }
            }
        }
        for (double[] row : out) {
            for (int j = 0; j < C; j++) row[j] = S < 2 ? Double.NaN : Math.sqrt(row[j] / (S - 1) / S);
        }
        return out;
    }

    /**
     * The seed-averaged table: every column as its mean over seeds, then the standard error of
     * each, named {@code <col>_se}. The means come first, so a simulation's metrics.csv starts
     * with the same columns as the ODE's.
     */
    public static Trajectory ensemble(List<Trajectory> seeds) {
        Trajectory first = seeds.get(0);
        double[][] mean = mean(seeds), se = standardError(seeds);
        List<String> names = new ArrayList<>(first.columns());
        for (String c : first.columns()) names.add(c + "_se");
        int C = first.columns().size();
        double[][] rows = new double[first.size()][2 * C];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(mean[i], 0, rows[i], 0, C);
            System.arraycopy(se[i], 0, rows[i], C, C);
        }
        return new Trajectory(first.times().clone(), names, rows);
    }
}
