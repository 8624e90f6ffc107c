package org.forwardonly.simulation.measure;

import org.forwardonly.theory.config.InitialConditions;

import java.util.ArrayList;
import java.util.List;

/**
 * TEMPORARY until theory's StateLayout lands: the order-parameter columns of metrics.csv,
 * 1-based ({@code Q_k_l} for k ≤ l, {@code R_k_m}, {@code v_k}, then {@code c_k, d_m, P} for the
 * rules that use F).
 */
public final class MetricsLayout {
    private final String rule;
    private final int K, M;
    private final List<String> names = new ArrayList<>();

    /** The layout for {@code rule} with K student and M teacher units. */
    public MetricsLayout(String rule, int K, int M) {
        this.rule = rule;
        this.K = K;
        this.M = M;
        for (int k = 1; k <= K; k++) for (int l = k; l <= K; l++) names.add("Q_" + k + "_" + l);
        for (int k = 1; k <= K; k++) for (int m = 1; m <= M; m++) names.add("R_" + k + "_" + m);
        for (int k = 1; k <= K; k++) names.add("v_" + k);
        if (usesF()) {
            for (int k = 1; k <= K; k++) names.add("c_" + k);
            for (int m = 1; m <= M; m++) names.add("d_" + m);
            names.add("P");
        }
    }

    private boolean usesF() {
        return !rule.equals("bp") && !rule.equals("fa");
    }

    /** The column names, in order. */
    public List<String> names() {
        return names;
    }

    /** Writes the order parameters into {@code row} from {@code offset}, in column order. */
    public void fill(InitialConditions o, double[] row, int offset) {
        int j = offset;
        for (int k = 0; k < K; k++) for (int l = k; l < K; l++) row[j++] = o.Q()[k][l];
        for (int k = 0; k < K; k++) for (int m = 0; m < M; m++) row[j++] = o.R()[k][m];
        for (int k = 0; k < K; k++) row[j++] = o.v()[k];
        if (usesF()) {
            for (int k = 0; k < K; k++) row[j++] = o.c()[k];
            for (int m = 0; m < M; m++) row[j++] = o.d()[m];
            row[j] = o.P();
        }
    }
}
