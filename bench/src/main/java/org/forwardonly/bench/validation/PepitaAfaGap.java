package org.forwardonly.bench.validation;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.state.OrderParameters;

import java.util.Locale;

/**
 * The exact PEPITA ODE (docs/model.md §5) against AFA's (§4, its first order in F) from an aligned
 * start as σ_F shrinks: from the same seeded draw with F partly along the student
 * ({@code alignF}), both are integrated to tMax and the largest |Δε_g| over the samples is
 * printed for each σ_F. AFA being PEPITA's small-F limit, the gap must shrink to zero. Run:
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.forwardonly.bench.validation.PepitaAfaGap [quadraturePoints] [tMax]
 * </pre>
 */
public final class PepitaAfaGap {
    private PepitaAfaGap() {}

    /** The largest |ε_g(pepita) − ε_g(afa)| over the samples at one σ_F. */
    public static double maxGap(double sigmaF, double alignF, int points, double tMax, String lastLayer) {
        String json = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"eta\": 1.0, \"sigmaF\": " + sigmaF
                + ", \"alignF\": " + alignF + ", \"lastLayer\": \"" + lastLayer + "\", \"N\": 2000, \"seed\": 2,"
                + " \"tMax\": " + tMax + ", \"nTimes\": 31, \"timeSpacing\": \"linear\", \"rtol\": 1e-8,"
                + " \"atol\": 1e-11, \"quadraturePoints\": " + points + "}";
        ExperimentConfig pepita = ConfigParser.parse(json);
        ExperimentConfig afa = ConfigParser.parse(json.replace("\"rule\": \"pepita\"", "\"rule\": \"afa\""));
        OrderParameters init = Experiments.initialConditions(pepita, pepita.seed());
        double[] a = Experiments.integrate(pepita, init, IntegrationObserver.NONE).trajectory().column("eps_g");
        double[] b = Experiments.integrate(afa, init, IntegrationObserver.NONE).trajectory().column("eps_g");
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        return worst;
    }

    /** Entry point: optional quadrature points (default 12) and tMax (default 30). */
    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        double tMax = args.length > 1 ? Double.parseDouble(args[1]) : 30;
        for (String lastLayer : new String[] {"htilde", "h"}) {
            for (double sigmaF : new double[] {0.4, 0.2, 0.1, 0.05, 0.025}) {
                long t0 = System.nanoTime();
                double gap = maxGap(sigmaF, 0.5, points, tMax, lastLayer);
                System.out.printf(Locale.ROOT, "lastLayer=%-6s sigmaF=%.3f alignF=0.5 n=%d t<=%.0f: max |eps_g(pepita) - eps_g(afa)| = "
                        + "%.2e (%.1f s)%n",
                        lastLayer, sigmaF, points, tMax, gap, (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
