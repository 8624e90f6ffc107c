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
     * Adds {@code cos_v_feedback<suffix>}: cos∠(v, b) with the rule's effective feedback b (−s c for
     * afa and pepita), from the columns {@code v_k<suffix>} and {@code c_k<suffix>} (THEORY.md §2).
     */
    static DataTable withFeedbackCosine(DataTable t, String rule, int K, int s, String suffix) {
        double[] cos = new double[t.rows()];
        double[] v = new double[K], c = new double[K];
        for (int i = 0; i < cos.length; i++) {
            for (int k = 0; k < K; k++) {
                v[k] = t.column("v_" + (k + 1) + suffix)[i];
                c[k] = t.column("c_" + (k + 1) + suffix)[i];
            }
            cos[i] = FeedbackCosine.of(rule, v, null, c, s);
        }
        return t.with("cos_v_feedback" + suffix, cos);
    }
}
