package org.forwardonly.cli.bench;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.ode.AveragingReport;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;

import java.util.List;
import java.util.Locale;

/**
 * The exact engine's reach (docs/exact-pepita.md §7): exact PEPITA from a random start
 * (σ_F = 0.5, η = η_v = 0.5, N = 10,000 for the draw, seed 1, integrator dp853 at rtol 1e-5, atol 1e-8, to
 * t = 100) at a width K, M, timed beside the closed-form afa ODE of the same config in the same
 * process, each on {@code pepita ode}'s default thread count; median of the repeats after a
 * warm-up run, a run shorter than {@value #SHORTEST_SAMPLE_SECONDS} s timed in batches of runs. The
 * afa run is the natural yardstick: PEPITA to first order, in closed form. The exact engine's Sobol
 * replicates integrate with dp54 at that loose tolerance ({@code averaging.integrator auto},
 * docs/model.md §8), where it is also the cheaper pair for afa; so afa is timed on dp54 too, and the
 * table gives the ratio against both.
 */
final class ExactReachWorkload {
    /** K = M = 2, 3, 4, 6, 8, 10, then K = 3..10 at M = 2 (K = M = 2 is in the first group). */
    static final List<int[]> SIZES = List.of(new int[] {2, 2}, new int[] {3, 3}, new int[] {4, 4}, new int[] {6, 6},
            new int[] {8, 8}, new int[] {10, 10}, new int[] {3, 2}, new int[] {4, 2}, new int[] {5, 2}, new int[] {6, 2},
            new int[] {7, 2}, new int[] {8, 2}, new int[] {9, 2}, new int[] {10, 2});

    final int K, M;

    ExactReachWorkload(int K, int M) {
        this.K = K;
        this.M = M;
    }

    /** The config of this row for a rule (pepita runs the exact engine, afa its closed form) on an integrator. */
    ExperimentConfig config(String rule, String integrator) {
        return ConfigParser.parse(String.format(Locale.ROOT, "{\"rule\": \"%s\", \"K\": %d, \"M\": %d, \"eta\": 0.5, "
                + "\"etaV\": 0.5, \"sigmaF\": 0.5, \"N\": 10000, \"seed\": 1, \"tMax\": 100, \"nTimes\": 60, "
                + "\"integrator\": \"%s\", \"rtol\": 1e-5, \"atol\": 1e-8}", rule, K, M, integrator));
    }

    /** One timed rule: median wall and CPU seconds (all threads of the process) and the last result. */
    record Timed(Timing.Seconds seconds, OdeResult result) {}

    /** Shortest timed sample: a run shorter than this is timed in batches of runs (docs/exact-pepita.md §7). */
    static final double SHORTEST_SAMPLE_SECONDS = 0.2;

    static Timed time(ExperimentConfig config, int repeats) {
        OrderParameters init = Experiments.initialConditions(config, config.seed());
        int threads = Experiments.defaultThreads(config, Runtime.getRuntime().availableProcessors());
        double[] times = SampleTimes.of(config);
        OdeResult[] last = new OdeResult[1];
        // a pilot run (also a warm-up) sizes the batch: the closed-form afa ODE at K = M = 10 takes ~15 ms,
        // which one sample cannot time to better than tens of percent on a shared machine
        long start = System.nanoTime();
        last[0] = Experiments.integrate(config, init, times, IntegrationObserver.NONE, threads);
        double pilot = (System.nanoTime() - start) * 1e-9;
        int batch = (int) Math.max(1, Math.ceil(SHORTEST_SAMPLE_SECONDS / Math.max(pilot, 1e-6)));
        Timing.Seconds s = Timing.median(() -> {
            long evaluations = 0;
            for (int i = 0; i < batch; i++) {
                last[0] = Experiments.integrate(config, init, times, IntegrationObserver.NONE, threads);
                evaluations += last[0].evaluations();
            }
            return evaluations;
        }, 1, repeats, true);
        return new Timed(s.per(batch), last[0]);
    }

    /** The Markdown header of the reach table. */
    static List<String> header() {
        return List.of("| K | M | afa, closed form (wall) | exact pepita (wall) | exact / afa (wall; CPU) | afa on dp54 (wall) "
                        + "| exact / afa on dp54 (wall) | exact pepita engine | est. rel. error of ε_g "
                        + "| RHS evaluations (afa; afa dp54; pepita) | ε_g(100) afa; pepita |",
                "|---|---|---|---|---|---|---|---|---|---|---|");
    }

    /** This size's row. */
    String row(int repeats) {
        Timed afa = time(config(Rules.AFA.name(), "dp853"), repeats);
        Timed afa54 = time(config(Rules.AFA.name(), "dp54"), repeats);
        ExperimentConfig exact = config(Rules.PEPITA.name(), "dp853");
        Timed pepita = time(exact, repeats);
        AveragingReport a = pepita.result().averaging();
        double replicateRtol = exact.averaging().integratorRtol(exact.rtol());
        String engine = "sobol".equals(a.method()) ? String.format(Locale.ROOT, "Sobol, %d replicates × %d points, %s at %.0e",
                a.replicates(), a.samples(), exact.averaging().replicateIntegrator(replicateRtol), replicateRtol) : a.method();
        String error = Double.isFinite(a.relativeErrorEpsG()) ? String.format(Locale.ROOT, "%.1e", a.relativeErrorEpsG()) : "not estimated";
        double[] ea = afa.result().trajectory().column("eps_g"), ep = pepita.result().trajectory().column("eps_g");
        return String.format(Locale.ROOT, "| %d | %d | %.2f ms | %.2f s | %.0f×; %.0f× | %.2f ms | %.0f× | %s | %s | %d; %d; %d | %.4f; "
                + "%.4f |",
                K, M, afa.seconds().wall() * 1e3, pepita.seconds().wall(), pepita.seconds().wall() / afa.seconds().wall(),
                pepita.seconds().cpu() / afa.seconds().cpu(), afa54.seconds().wall() * 1e3,
                        pepita.seconds().wall() / afa54.seconds().wall(),
                engine, error, afa.result().evaluations(), afa54.result().evaluations(), pepita.result().evaluations(),
                ea[ea.length - 1], ep[ep.length - 1]);
    }
}
