package org.forwardonly.plots.catalogue;

import org.forwardonly.theory.config.ExperimentConfig;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The setting of a figure in one sentence, read from the resolved configs of its runs (so it is
 * right at every size): the network, the rates, the feedback scale, the start, the simulations'
 * size and the time span. A key that differs between the runs lists its values.
 */
public final class FigureSetting {
    private FigureSetting() {}

    /** "Setting: erf network, K = M = 2, η = η_v = 1, …, t ≤ 300." */
    public static String of(Collection<ExperimentConfig> configs) {
        List<ExperimentConfig> c = List.copyOf(configs);
        if (c.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("Setting: ");
        String K = values(c, x -> x.K()), M = values(c, x -> x.M());
        sb.append(values(c, ExperimentConfig::activation)).append(" network, ")
                .append(K.equals(M) ? "K = M = " + K : "K = " + K + ", M = " + M);
        String eta = values(c, x -> num(x.eta())), etaV = values(c, x -> num(x.etaV()));
        sb.append(eta.equals(etaV) ? ", η = η_v = " + eta : ", η = " + eta + ", η_v = " + etaV);
        sb.append(", label noise σ = ").append(values(c, x -> num(x.sigma())));
        sb.append(", feedback scale σ_F = ").append(values(c, x -> num(x.sigmaF())));
        String align = values(c, x -> num(x.alignF()));
        sb.append(align.equals("0") ? ", random start" : ", aligned start (F at cosine " + align + " to Wᵀv)");
        if (c.stream().anyMatch(x -> x.mirroring() != null)) sb.append(", with and without weight mirroring");
        sb.append("; simulations at N = ").append(values(c, x -> x.N())).append(", ").append(values(c, x -> x.seeds()))
                .append(" seeds from seed ").append(values(c, x -> x.seed()));
        sb.append("; t ≤ ").append(values(c, x -> num(x.tMax()))).append('.');
        return sb.toString();
    }

    private static String values(List<ExperimentConfig> c, Function<ExperimentConfig, Object> key) {
        Set<String> v = new LinkedHashSet<>();
        for (ExperimentConfig x : c) v.add(String.valueOf(key.apply(x)));
        return v.size() == 1 ? v.iterator().next() : "{" + String.join(", ", v) + "}";
    }

    /** A number as a reader writes it: 1, 0.5, 0.0707. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
