package org.forwardonly.bench.validation;

import org.forwardonly.theory.rules.Rules;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;

import java.util.Locale;

/**
 * The exact engine on Sobol points (docs/model.md §8) against the closed forms (§4) at a width the
 * tensor grid cannot reach: bp, fa and afa forced through the exact engine ({@code odeEngine:
 * quadrature}; no control variate, since these rules are what it would subtract) from the seeded
 * random start of the reach benchmark (σ_F = 0.5, η = η_v = 0.5, N = 10,000, t ≤ 100, dp853 rtol
 * 1e-5; the replicates on dp54, {@code averaging.integrator auto}), reporting the largest relative difference of ε_g over the sampled
 * times beside the
 * run's own error estimate. Run (docs/exact-pepita.md §7):
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.forwardonly.bench.validation.SobolCrossCheck [K] [M] [samples] [tolerance] [rule ...]
 * </pre>
 */
public final class SobolCrossCheck {
    private SobolCrossCheck() {}

    /** Entry point: K, M (default 10, 10), Sobol points per replicate (8192), tolerance (2.5e-4), rules (bp fa afa). */
    public static void main(String[] args) {
        int K = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int M = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 8192;
        double tolerance = args.length > 3 ? Double.parseDouble(args[3]) : 2.5e-4;
        String[] rules = args.length > 4 ? java.util.Arrays.copyOfRange(args, 4, args.length) : new String[] {Rules.BP.name(), Rules.FA.name(), Rules.AFA.name()};
        for (String rule : rules) {
            String keys = String.format(Locale.ROOT, "\"rule\": \"%s\", \"K\": %d, \"M\": %d, \"eta\": 0.5, \"etaV\": 0.5, "
                    + "\"sigmaF\": 0.5, \"N\": 10000, \"seed\": 1, \"tMax\": 100, \"nTimes\": 60, \"rtol\": 1e-5, \"atol\": 1e-8", rule,
                            K, M);
            ExperimentConfig closed = ConfigParser.parse("{" + keys + "}");
            ExperimentConfig exact = ConfigParser.parse("{" + keys + ", \"odeEngine\": \"quadrature\", \"averaging\": "
                    + "{\"method\": \"sobol\", \"samples\": " + samples + ", \"tolerance\": " + tolerance + "}}");
            OrderParameters init = Experiments.initialConditions(closed, closed.seed());
            double[] times = SampleTimes.of(closed);
            long t0 = System.nanoTime();
            OdeResult a = Experiments.integrate(closed, init, times, IntegrationObserver.NONE, 1);
            OdeResult b = Experiments.integrate(exact, init, times, IntegrationObserver.NONE,
                    Math.min(2, Runtime.getRuntime().availableProcessors()));
            double[] x = a.trajectory().column("eps_g"), y = b.trajectory().column("eps_g");
            double worst = 0;
            for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(y[i] - x[i]) / x[i]);
            System.out.printf(Locale.ROOT, "%-3s K=%d M=%d through the Sobol engine: largest relative eps_g difference %.2e, "
                            + "estimate %.2e (%d replicates x %d points), eps_g(100) %.6f vs %.6f, %.0f s%n", rule, K, M, worst,
                    b.averaging().relativeErrorEpsG(), b.averaging().replicates(), samples, y[y.length - 1], x[x.length - 1],
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
