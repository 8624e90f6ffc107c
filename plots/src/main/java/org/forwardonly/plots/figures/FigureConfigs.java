package org.forwardonly.plots.figures;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.plots.catalogue.FigureSize;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;

/**
 * Builds the figures' configs through {@link ConfigParser} (so they are validated and resolved
 * like a user's), from the setting most figures share: K = M = 2, erf, η = η_v = 1, no label noise,
 * random initialisation from the seed.
 */
final class FigureConfigs {
    private FigureConfigs() {}

    /** The shared setting at a size: N, seeds, tMax and output times. */
    static ObjectNode base(String rule, FigureSize size, double tMaxDefault, double tMaxQuick) {
        ObjectNode o = ConfigParser.mapper().createObjectNode();
        o.put("rule", rule);
        o.put("activation", org.forwardonly.theory.activation.Activation.ERF.configName());
        o.put("K", 2);
        o.put("M", 2);
        o.put("eta", 1.0);
        o.put("sigma", 0.0);
        o.put("seed", 1);
        boolean quick = size == FigureSize.QUICK;
        o.put("N", quick ? 300 : 1000);
        o.put("seeds", quick ? 2 : 4);
        o.put("tMax", quick ? tMaxQuick : tMaxDefault);
        o.put("nTimes", quick ? 20 : 30);
        o.put("timeSpacing", "log");
        o.put("dt", 0.01);
        return o;
    }

    /**
     * The settings of the exact (quadrature) ODE engine the figures use for pepita and ff
     * (docs/model.md §5, §8): 8 Gauss-Hermite points per field (6 at the quick size), rtol 1e-6, atol 1e-9.
     * Other rules ignore them.
     */
    static void exactOde(ObjectNode o, FigureSize size) {
        o.put("quadraturePoints", size == FigureSize.QUICK ? 6 : 8);
        o.put("rtol", 1e-6);
        o.put("atol", 1e-9);
    }

    /** Parses (validates and resolves) a config tree. */
    static ExperimentConfig parse(ObjectNode o) {
        return ConfigParser.parse(o);
    }

    /** A copy with another rule. */
    static ObjectNode withRule(ObjectNode o, String rule) {
        ObjectNode c = o.deepCopy();
        c.put("rule", rule);
        return c;
    }
}
