package org.forwardonly.plots.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a logarithmic axis puts its ticks and what it writes there. An axis with three decades or
 * more inside it labels its decades (10⁻², 10⁻¹, …) and marks 2…9 × 10ᵏ without labels; a narrower
 * axis, which would show at most two labelled decades, labels 1, 2, 5 × 10ᵏ (or every 1…9 × 10ᵏ when
 * that still gives fewer than three) in plain decimals (0.1, 0.2, 0.5), so every axis has at least
 * three labelled ticks.
 */
public final class LogTicks {
    private LogTicks() {}

    /**
     * One tick.
     *
     * @param value where it is
     * @param label its label, empty for an unlabelled (minor) tick
     */
    public record Tick(double value, String label) {
        /** Whether the tick carries a label. */
        public boolean labelled() {
            return !label.isEmpty();
        }
    }

    /** The ticks inside [lo, hi] (0 < lo < hi), in increasing order. */
    public static List<Tick> of(double lo, double hi) {
        int k0 = (int) Math.floor(Math.log10(lo)) - 1, k1 = (int) Math.ceil(Math.log10(hi)) + 1;
        boolean wide = count(new int[] {1}, k0, k1, lo, hi) >= 3;
        List<Tick> out = new ArrayList<>();
        if (wide) {
            for (int k = k0; k <= k1; k++) {
                for (int m = 1; m <= 9; m++) {
                    double v = value(m, k);
                    if (inside(v, lo, hi)) out.add(new Tick(v, m == 1 ? power(k) : ""));
                }
            }
            return out;
        }
        int[] labelled = {1, 2, 5};
        if (count(labelled, k0, k1, lo, hi) < 3) labelled = new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int k = k0; k <= k1; k++) {
            for (int m = 1; m <= 9; m++) {
                double v = value(m, k);
                if (!inside(v, lo, hi)) continue;
                boolean label = false;
                for (int l : labelled) label |= l == m;
                out.add(new Tick(v, label ? decimal(m, k) : ""));
            }
        }
        return out;
    }

    private static int count(int[] mantissas, int k0, int k1, double lo, double hi) {
        int n = 0;
        for (int k = k0; k <= k1; k++) for (int m : mantissas) if (inside(value(m, k), lo, hi)) n++;
        return n;
    }

    private static double value(int m, int k) {
        return new BigDecimal(m).scaleByPowerOfTen(k).doubleValue();
    }

    private static boolean inside(double v, double lo, double hi) {
        return v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12);
    }

    /** m × 10ᵏ in plain decimals: 0.05, 2, 300. */
    static String decimal(int m, int k) {
        return new BigDecimal(m).scaleByPowerOfTen(k).stripTrailingZeros().toPlainString();
    }

    /** 10ᵏ with a superscript exponent and a real minus sign: 10⁻², 10⁰, 10³. */
    static String power(int k) {
        String sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder sb = new StringBuilder("10");
        if (k < 0) sb.append('⁻');
        for (char ch : Integer.toString(Math.abs(k)).toCharArray()) sb.append(sup.charAt(ch - '0'));
        return sb.toString();
    }
}
