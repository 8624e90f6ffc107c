package org.forwardonly.theory.ode;

import org.forwardonly.theory.config.Averaging;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;
import org.hipparchus.distribution.continuous.TDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The exact engine on scrambled Sobol points (docs/model.md §8): m independently scrambled replicates of
 * {@code averaging.samples} points each are pooled into one point set, and one trajectory of the pooled drift
 * is integrated. That trajectory is the result.
 *
 * <p>Why pooled: a drift averaged on few points is unbiased, but a trajectory integrated from it is not. Near an
 * unstable state (a plateau) the drift's error acts as a perturbation that, whatever its sign, makes the escape
 * come early on average: a bias of second order in the error, so O(1/points). Averaging independent replicate
 * trajectories (this engine's earlier design) keeps each replicate's bias, and their spread does not see it (bp at
 * K = M = 10 through the engine: 128 replicates of 512 points stated 4.0e-3 and ended 10.5 % off the closed form).
 * One trajectory of the pooled drift has the bias of m·samples points.
 *
 * <p>The error estimate: the replicates are also split into G = min({@value #GROUPS}, m) groups (replicate r in
 * group r mod G), and each group's pooled trajectory is integrated too. At each sampled time, with F the full
 * trajectory's ε_g and g_1 … g_G the groups':
 * <pre>
 *   error = t_{0.975, G−1} · sd(g) / √G  +  |mean(g) − F| / (G − 1)
 * </pre>
 * The first term is the full pool's random error (a group has 1/G of its points, so G times its variance), as a
 * 95 % bound; the second its bias, estimated from the groups' (G times as large when the bias is O(1/points), so
 * mean(g) − F ≈ (G − 1) · bias(F)). The run's estimate is the largest relative error over the sampled times. While
 * it exceeds {@code averaging.tolerance}, m grows (to the count the estimate asks for, a multiple of G, at most
 * {@code averaging.maxReplicates}) and everything is integrated again. When the tolerance is not met at
 * {@code maxReplicates} the report says so ({@link AveragingReport#toleranceMet()}).
 *
 * <p>With {@code averaging.extrapolate} each trajectory is 2·(pool) − (pool of the first halves of the same
 * replicates), which removes the O(1/points) bias at the price of half as many points again.
 *
 * <p>The G + 1 trajectories run on {@code threads} threads; each is deterministic and m depends only on the
 * estimates, so the output is the same bytes for any thread count. Samples reach the observer once the run is
 * final; progress and notes are streamed.
 */
final class ReplicatedIntegration {
    private ReplicatedIntegration() {}

    /** The most groups the replicates are split into for the error estimate. */
    static final int GROUPS = 8;

    static OdeResult integrate(ExperimentConfig config, OrderParameters init, double[] times,
                               IntegrationObserver observer, int threads) {
        Averaging a = config.averaging();
        int m = Math.min(a.replicates(), a.maxReplicates());
        long evaluations = 0; // every pass's, the ones integrated again included
        while (true) {
            Pass pass = new Pass(config, init, times, observer, m);
            Estimate e = pass.run(threads);
            evaluations += e.full.evaluations();
            boolean diverged = e.full.diverged();
            if (diverged || e.largestError <= a.tolerance() || m >= a.maxReplicates()) {
                Trajectory tr = e.full.trajectory();
                for (int i = 0; i < tr.size(); i++) observer.onSample(tr.times()[i], tr.rows()[i].clone());
                observer.onNote(String.format(Locale.ROOT, "sobol %d pooled replicates x %d points, est. rel. error of eps_g %.1e",
                        m, a.samples(), e.largestError));
                String described = pass.pointsDescription + "; error from " + pass.groups + " groups of the replicates"
                        + (a.extrapolate() ? "; each trajectory 2 x (pool) - (first halves)" : "");
                OdeResult full = e.full;
                return new OdeResult(full.trajectory(), full.diverged(), full.divergenceTime(), full.reason(), evaluations)
                        .withAveraging(new AveragingReport("sobol", described, a.samples(), m, e.largestError,
                                e.largestErrorTime, a.tolerance()));
            }
            int next = nextCount(m, e.largestError / a.tolerance(), a.maxReplicates());
            observer.onNote(String.format(Locale.ROOT, "est. rel. error of eps_g %.1e > tolerance %.1e with %d pooled replicates: "
                    + "integrating again with %d", e.largestError, a.tolerance(), m, next));
            m = next;
        }
    }

    /**
     * The replicate count after m whose estimate is {@code ratio} times the tolerance: the random part falls as
     * 1/√m and the bias as 1/m, so m·ratio² is enough for either; at least 2m (a pass is integrated anew, so
     * small steps waste work), a multiple of {@value #GROUPS}, at most {@code max}.
     */
    static int nextCount(int m, double ratio, int max) {
        double wanted = Math.max(2.0 * m, Math.ceil(m * ratio * ratio));
        int count = (int) Math.min(max, Math.ceil(wanted / GROUPS) * GROUPS);
        return Math.max(Math.min(max, m + 1), count);
    }

    /** The full pool of m replicates and its G groups, integrated side by side. */
    private static final class Pass {
        private final ExperimentConfig config;
        private final OrderParameters init;
        private final double[] times;
        private final IntegrationObserver observer;
        private final int m, groups;
        /** Progress of each trajectory (index 0 the full pool) and its weight, the points it averages over. */
        private final double[] progress, weight;
        volatile String pointsDescription;

        Pass(ExperimentConfig config, OrderParameters init, double[] times, IntegrationObserver observer, int m) {
            this.config = config;
            this.init = init;
            this.times = times;
            this.observer = observer;
            this.m = m;
            this.groups = Math.min(GROUPS, m);
            this.progress = new double[groups + 1];
            this.weight = new double[groups + 1];
            weight[0] = m;
            for (int g = 0; g < groups; g++) weight[g + 1] = members(g).length;
        }

        /** The replicates of group g (r mod G = g), or all of them for g = −1. */
        private int[] members(int g) {
            List<Integer> list = new ArrayList<>();
            for (int r = 0; r < m; r++) if (g < 0 || r % groups == g) list.add(r);
            return list.stream().mapToInt(Integer::intValue).toArray();
        }

        Estimate run(int threads) {
            List<OdeResult> results = new ArrayList<>();
            int pool = Math.max(1, Math.min(threads, groups + 1));
            if (pool == 1) {
                for (int g = -1; g < groups; g++) results.add(trajectory(g));
                return Estimate.of(results, groups);
            }
            ExecutorService executor = Executors.newFixedThreadPool(pool, task -> {
                Thread t = new Thread(task, "sobol-pool");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<OdeResult>> futures = new ArrayList<>();
                for (int g = -1; g < groups; g++) {
                    int group = g;
                    futures.add(executor.submit(() -> trajectory(group)));
                }
                for (Future<OdeResult> f : futures) results.add(f.get());
                return Estimate.of(results, groups);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while integrating the pooled replicates", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            } finally {
                executor.shutdownNow();
            }
        }

        /** Group g's pooled trajectory (g = −1: all replicates), extrapolated from half the points when asked. */
        private OdeResult trajectory(int g) {
            int[] replicates = members(g);
            OdeResult full = once(config, replicates, g);
            if (!config.averaging().extrapolate()) return full;
            ExperimentConfig half = config.withAveraging(config.averaging().withSamples(Math.max(1, config.averaging().samples() / 2)));
            return extrapolated(full, once(half, replicates, g));
        }

        private OdeResult once(ExperimentConfig c, int[] replicates, int g) {
            boolean counted = c == config;
            try (FieldAverageDynamics dynamics = new FieldAverageDynamics(c, init, replicates)) {
                if (g < 0 && counted) pointsDescription = dynamics.describeAveraging();
                return Experiments.integrate(integratorConfig(c), dynamics, init, times, new IntegrationObserver() {
                    @Override
                    public void onProgress(double t) {
                        if (counted) progressed(g + 1, t);
                    }
                });
            }
        }

        private synchronized void progressed(int i, double t) {
            progress[i] = t;
            double sum = 0, total = 0;
            for (int k = 0; k < progress.length; k++) {
                sum += weight[k] * progress[k];
                total += weight[k];
            }
            observer.onProgress(sum / total);
        }
    }

    /**
     * c as a pooled trajectory is integrated (docs/model.md §8): with an adaptive integrator, rtol from
     * {@link Averaging#integratorRtol}, atol scaled by the same factor, and the integrator from
     * {@link Averaging#replicateIntegrator}; a fixed-step integrator as configured.
     */
    static ExperimentConfig integratorConfig(ExperimentConfig c) {
        if (!Integrators.isAdaptive(c.integrator())) return c;
        double rtol = c.averaging().integratorRtol(c.rtol());
        String integrator = c.averaging().replicateIntegrator(rtol);
        if (rtol == c.rtol() && integrator.equals(c.integrator())) return c;
        return c.withIntegrator(integrator, rtol, c.atol() * (rtol / c.rtol()));
    }

    /** 2·full − half over the rows both reached (the O(1/n) bias of a trajectory cancels). */
    private static OdeResult extrapolated(OdeResult full, OdeResult half) {
        Trajectory a = full.trajectory(), b = half.trajectory();
        int n = Math.min(a.size(), b.size());
        double[] t = java.util.Arrays.copyOf(a.times(), n);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] x = a.rows()[i], y = b.rows()[i], z = new double[x.length];
            for (int j = 0; j < x.length; j++) z[j] = 2 * x[j] - y[j];
            rows[i] = z;
        }
        OdeResult first = !half.diverged() || (full.diverged() && full.divergenceTime() <= half.divergenceTime()) ? full : half;
        return new OdeResult(new Trajectory(t, a.columns(), rows), full.diverged() || half.diverged(),
                first.divergenceTime(), first.reason(), full.evaluations() + half.evaluations());
    }

    /** The full pool's result (evaluations of every trajectory summed) and its error estimate. */
    private record Estimate(OdeResult full, double largestError, double largestErrorTime) {

        /** results: the full pool first, then the groups. */
        static Estimate of(List<OdeResult> results, int groups) {
            OdeResult full = results.get(0);
            long evaluations = 0;
            int n = full.trajectory().size();
            for (OdeResult r : results) {
                evaluations += r.evaluations();
                n = Math.min(n, r.trajectory().size());
            }
            OdeResult withAll = new OdeResult(full.trajectory(), full.diverged(), full.divergenceTime(), full.reason(), evaluations);
            if (groups < 2) return new Estimate(withAll, Double.NaN, Double.NaN);
            double quantile = new TDistribution(groups - 1).inverseCumulativeProbability(0.975);
            double largest = 0, at = Double.NaN;
            for (int i = 0; i < n; i++) {
                double F = full.trajectory().rows()[i][0], sum = 0, sum2 = 0;
                for (int g = 1; g <= groups; g++) {
                    double x = results.get(g).trajectory().rows()[i][0];
                    sum += x;
                    sum2 += x * x;
                }
                double mean = sum / groups;
                double sd = Math.sqrt(Math.max(0, (sum2 - groups * mean * mean) / (groups - 1)));
                double error = (quantile * sd / Math.sqrt(groups) + Math.abs(mean - F) / (groups - 1)) / Math.abs(F);
                if (!(error <= largest)) {
                    largest = error;
                    at = full.trajectory().times()[i];
                }
            }
            // a group that stopped early (diverged) leaves the later times without an estimate: no promise there
            if (n < full.trajectory().size() && !full.diverged()) largest = Double.POSITIVE_INFINITY;
            return new Estimate(withAll, largest, at);
        }
    }
}
