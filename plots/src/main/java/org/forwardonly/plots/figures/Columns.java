package org.forwardonly.plots.figures;

import org.forwardonly.theory.rules.RuleType;
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
     * Adds {@code cos_v_feedback_ode} and {@code c_norm_ode}: the seed means of cos∠(v, b) and of |c|
     * over per-seed ODE trajectories, b the rule's effective feedback (−s c for afa, pepita, ff;
     * docs/model.md §2), on the table's rows.
     */
    static DataTable withSeedMeanFeedback(DataTable t, List<Trajectory> perSeed, RuleType rule, int K, int s) {
        double[] cos = new double[t.rows()], norm = new double[t.rows()];
        double[] v = new double[K], c = new double[K];
        for (int i = 0; i < cos.length; i++) {
            double sumCos = 0, sumNorm = 0;
            int n = 0;
            for (Trajectory tr : perSeed) {
                if (i >= tr.size()) continue;
                double c2 = 0;
                for (int k = 0; k < K; k++) {
                    v[k] = tr.rows()[i][tr.indexOf("v_" + (k + 1))];
                    c[k] = tr.rows()[i][tr.indexOf("c_" + (k + 1))];
                    c2 += c[k] * c[k];
                }
                sumCos += FeedbackCosine.of(rule, v, null, c, s);
                sumNorm += Math.sqrt(c2);
                n++;
            }
            cos[i] = n > 0 ? sumCos / n : Double.NaN;
            norm[i] = n > 0 ? sumNorm / n : Double.NaN;
        }
        return t.with("cos_v_feedback_ode", cos).with("c_norm_ode", norm);
    }

    /**
     * Adds {@code <col>_sim_minus_ode}: the simulation's seed mean minus the ODE's, whose standard error
     * is the comparison's paired {@code <col>_diff_se} (each seed's ODE starts from that seed's state).
     */
    static DataTable withSimMinusOde(DataTable t, String col) {
        double[] sim = t.column(col + "_sim"), ode = t.column(col + "_ode"), d = new double[sim.length];
        for (int i = 0; i < d.length; i++) d[i] = sim[i] - ode[i];
        return t.with(col + "_sim_minus_ode", d);
    }

    /**
     * The ODE half of a theory-against-simulation table, as a trajectory: {@code t} and each
     * {@code <col>_ode} column renamed {@code <col>}; the simulation's columns are dropped.
     */
    static DataTable odeOnly(DataTable t) {
        java.util.Map<String, double[]> cols = new java.util.LinkedHashMap<>();
        cols.put("t", t.column("t"));
        for (String name : t.columns().keySet()) {
            if (name.endsWith("_ode")) cols.put(name.substring(0, name.length() - "_ode".length()), t.column(name));
        }
        return new DataTable(cols);
    }
}
