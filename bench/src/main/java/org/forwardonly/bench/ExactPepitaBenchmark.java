package org.forwardonly.bench;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.FieldAverageDynamics;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.state.OrderParameters;

import java.util.Locale;

/**
 * Wall-clock benchmark of the exact PEPITA ODE (docs/model.md §5), K = M = 2 to t = 100 from a
 * seeded random start, with the defaults of {@code pepita ode} (dp853) except the tolerances
 * given below. A plain wall-clock main, not a JMH benchmark: the quantity of interest is one
 * whole integration. Prints one line per repetition. Run (after {@code mvn -q install -DskipTests}):
 *
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.forwardonly.bench.ExactPepitaBenchmark [quadraturePoints] [reps]
 * </pre>
 *
 * The first repetition includes JIT warm-up; the reported number is the fastest repetition.
 */
public final class ExactPepitaBenchmark {
    private ExactPepitaBenchmark() {}

    /** Entry point: optional quadrature points per dimension (default 12) and repetitions (default 3). */
    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ExperimentConfig config = ConfigParser.parse("{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"eta\": 1.0,"
                + " \"sigmaF\": 0.5, \"N\": 2000, \"seed\": 1, \"tMax\": 100, \"nTimes\": 101, \"timeSpacing\": \"linear\","
                + " \"rtol\": 1e-6, \"atol\": 1e-9, \"quadraturePoints\": " + points + "}");
        OrderParameters init = Experiments.initialConditions(config, config.seed());
        int gridSize = new FieldAverageDynamics(config, init).quadratureSize();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 1; r <= reps; r++) {
            long t0 = System.nanoTime();
            OdeResult result = Experiments.integrate(config, init, IntegrationObserver.NONE);
            double seconds = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, seconds);
            double[] eps = result.trajectory().column("eps_g");
            System.out.printf(Locale.ROOT,
                    "exact pepita K=M=2 t=100 n=%d (%d grid points): %.2f s, %d RHS evaluations, eps_g(100) = %.6f%n",
                    points, gridSize, seconds, result.evaluations(), eps[eps.length - 1]);
        }
        System.out.printf(Locale.ROOT, "best of %d: %.2f s (%d available processors)%n", reps, best,
                Runtime.getRuntime().availableProcessors());
    }
}
