package org.forwardonly.simulation.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.forwardonly.simulation.mirroring.WeightMirroring;
import org.forwardonly.simulation.training.Progress;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.SampleTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Locale;

/**
 * The measurement behind {@link ExactTheoryAgreementTest}'s choice of averaging settings (opt-in,
 * minutes): simulates one config at N and N/4, then for each candidate ODE setting prints its
 * cost, its verdict, and its ODE error against a reference setting, as the largest ratio, over
 * times and columns, of the seed mean of (candidate − reference) in the extrapolated differences
 * to the standard error the verdict studentizes. It asserts that ratio is at most
 * {@code budget.maxRatio} (default 0.5) for every candidate. With Sobol points on per-seed
 * scramblings the seed mean over {@code budget.refSeeds} seeds still carries part of each seed's
 * (independent) averaging noise, so the ratio bounds the common bias from above. Example:
 * <pre>
 * mvn -B -o -pl simulation -am test -Dtest=ExactControlsBudget -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dpepita.exactBudget=ff \
 *   -Dbudget.sim='"rule":"ff","sigmaF":0.3,"alignF":0.8,"K":2,"M":2,"N":2000,"seeds":16,"sigma":0,"rtol":1e-6,"atol":1e-9,"times":[0.5,1,2,3,4,6,8,10]' \
 *   -Dbudget.cheap='"quadraturePoints":8|"averaging":{"method":"sobol","replicates":2,"samples":2048,"tolerance":1}' \
 *   -Dbudget.ref='"quadraturePoints":20,"rtol":1e-9,"atol":1e-12,"averaging":{"method":"tensor"}' -Dbudget.refSeeds=16
 * </pre>
 * ({@code budget.cheap}: candidates separated by |, each a list of keys changed; empty = the sim config.)
 */
@EnabledIfSystemProperty(named = "pepita.exactBudget", matches = ".+")
class ExactControlsBudget {

    @Test
    void measure() throws Exception {
        String rule = System.getProperty("pepita.exactBudget");
        String sim = System.getProperty("budget.sim");
        List<String> cheap = List.of(System.getProperty("budget.cheap", "").split("\\|"));
        String ref = System.getProperty("budget.ref", "");
        int refSeeds = Integer.getInteger("budget.refSeeds", 4);
        double maxRatio = Double.parseDouble(System.getProperty("budget.maxRatio", "0.5"));
        StringBuilder over = new StringBuilder();
        ExperimentConfig config = ConfigParser.parse("{" + sim + "}");
        ExperimentConfig low = TwoSizeComparison.withN(config, TwoSizeComparison.defaultLowN(config.N()));
        double[] times = SampleTimes.of(config);
        long t0 = System.nanoTime();
        var hi = Simulation.run(config, times, 2, WeightMirroring.perSeed(config), Progress.NONE);
        var lo = Simulation.run(low, times, 2, WeightMirroring.perSeed(low), Progress.NONE);
        System.out.printf(Locale.ROOT, "[%s] simulation N=%d,%d %d seeds: %.1f s%n", rule, config.N(), low.N(), config.seeds(),
                (System.nanoTime() - t0) / 1e9);
        var hiSub = new Simulation.Result(hi.columns(), hi.times(), hi.seeds().subList(0, refSeeds));
        var loSub = new Simulation.Result(lo.columns(), lo.times(), lo.seeds().subList(0, refSeeds));
        TwoSizeComparison refC = null;
        if (!ref.isEmpty()) {
            t0 = System.nanoTime();
            refC = TwoSizeComparison.of(with(config, ref), hiSub, config.N(), loSub, low.N(), false);
            System.out.printf(Locale.ROOT, "[%s] reference ODE {%s} on %d seeds x 2 sizes: %.1f s%n", rule, ref, refSeeds,
                    (System.nanoTime() - t0) / 1e9);
        }
        for (String c : cheap) {
            t0 = System.nanoTime();
            TwoSizeComparison full = TwoSizeComparison.of(with(config, c), hi, config.N(), lo, low.N());
            double secs = (System.nanoTime() - t0) / 1e9;
            Agreement a = Agreement.of(full);
            System.out.printf(Locale.ROOT, "[%s] ODE {%s}: %d seeds x 2 sizes %.1f s (%.2f s per ODE)%n  %s%n", rule, c,
                    config.seeds(), secs, secs / (2 * config.seeds()), a.verdict());
            double[][] se = seOf(full.extrapolated());
            if (refC != null) {
                TwoSizeComparison sub = TwoSizeComparison.of(with(config, c), hiSub, config.N(), loSub, low.N(), false);
                double[][] eC = mean(sub.extrapolated()), eR = mean(refC.extrapolated());
                double worst = 0, worstBias = 0, worstSe = 0;
                String where = "";
                for (int i = 1; i < eC.length; i++) {
                    for (int j = 0; j < eC[i].length; j++) {
                        double bias = eC[i][j] - eR[i][j];
                        if (se[i][j] > 0 && Math.abs(bias) / se[i][j] > worst) {
                            worst = Math.abs(bias) / se[i][j];
                            worstBias = bias;
                            worstSe = se[i][j];
                            where = full.high().columns().get(j) + " at t = " + full.high().times()[i];
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "  ODE error / statistical error: max %.3f (%s: ODE error %.2e, se %.2e)%n",
                        worst, where, worstBias, worstSe);
                if (worst > maxRatio) over.append(c).append(": ").append(worst).append('\n');
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(over.isEmpty(), "ODE error above " + maxRatio + " standard errors:\n" + over);
    }

    static ExperimentConfig with(ExperimentConfig config, String change) throws Exception {
        ObjectNode json = ConfigParser.toJson(config);
        if (!change.isEmpty()) json.setAll((ObjectNode) ConfigParser.mapper().readTree("{" + change + "}"));
        return ConfigParser.parse(json);
    }

    static double[][] mean(double[][][] e) {
        double[][] m = new double[e[0].length][e[0][0].length];
        for (double[][] es : e) for (int i = 0; i < m.length; i++) for (int j = 0; j < m[i].length; j++) m[i][j] += es[i][j] / e.length;
        return m;
    }

    static double[][] seOf(double[][][] e) {
        double[][] m = mean(e), v = new double[m.length][m[0].length];
        int S = e.length;
        for (double[][] es : e) for (int i = 0; i < m.length; i++) for (int j = 0; j < m[i].length; j++) {
            v[i][j] += (es[i][j] - m[i][j]) * (es[i][j] - m[i][j]);
        }
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m[i].length; j++) v[i][j] = Math.sqrt(v[i][j] / (S - 1) / S);
        return v;
    }
}
