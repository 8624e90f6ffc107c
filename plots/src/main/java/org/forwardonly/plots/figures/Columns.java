package org.forwardonly.plots.figures;

import org.forwardonly.plots.data.DataTable;
import org.forwardonly.simulation.measure.FeedbackCosine;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.List;

/** Tables from trajectories, and the derived columns the figures plot. */
final class Columns {
    private Columns() {}

    /** A trajectory as a table: {@code t}, then its columns. */
    static DataTable table(Trajectory tr) {
        List<String> names = new ArrayList<>();
        names.add("t");
        names.addAll(tr.columns());
        double[][] rows = new double[tr.size()][];
        for (int i = 0; i < tr.size(); i++) {
            double[] r = new double[names.size()];
            r[0] = tr.times()[i];
            System.arraycopy(tr.rows()[i], 0, r, 1, tr.columns().size());
            rows[i] = r;
        }
        return DataTable.of(names, rows);
    }

    /**
     * Adds {@code cos_v_feedback_ode}: the seed mean of cos∠(v, b) over per-seed ODE trajectories,
     * b the rule's effective feedback (−s c for afa, pepita, ff; docs/model.md §2), on the table's rows.
     */
    static DataTable withSeedMeanFeedbackCosine(DataTable t, List<Trajectory> perSeed, String rule, int K, int s) {
        double[] mean = new double[t.rows()];
        double[] v = new double[K], c = new double[K];
        for (int i = 0; i < mean.length; i++) {
            double sum = 0;
            int n = 0;
            for (Trajectory tr : perSeed) {
                if (i >= tr.size()) continue;
                for (int k = 0; k < K; k++) {
                    v[k] = tr.rows()[i][tr.indexOf("v_" + (k + 1))];
                    c[k] = tr.rows()[i][tr.indexOf("c_" + (k + 1))];
                }
                sum += FeedbackCosine.of(rule, v, null, c, s);
                n++;
            }
            mean[i] = n > 0 ? sum / n : Double.NaN;
        }
        return t.with("cos_v_feedback_ode", mean);
    }
}
