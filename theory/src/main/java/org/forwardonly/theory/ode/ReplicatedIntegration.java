package org.forwardonly.theory.ode;

import org.forwardonly.theory.config.Averaging;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The exact engine on scrambled Sobol points (docs/model.md §8): integrates independently
 * scrambled replicates of the same ODE, each on its own fixed point set (so each right-hand side
 * is smooth and deterministic and the adaptive integrator works as usual; dp54 at the replicate
 * tolerance by default, docs/model.md §8), and returns their mean trajectory. The standard error of that mean over the replicates is the run's error estimate. It starts with
 * {@code averaging.replicates}; while the largest relative error of ε_g over the sampled times
 * exceeds {@code averaging.tolerance}, it adds half the replicates the estimate says are missing (the
 * error falls as 1/√replicates; at least a pair, up to {@code averaging.maxReplicates}) and looks again. Finished
 * replicates are kept, so refining costs only the replicates added.
 *
 * <p>A replicate's drift is unbiased, but its trajectory is not: near an unstable state (a
 * plateau) the drift's error acts as a perturbation that, whatever its sign, makes the escape
 * come early on average, a bias of second order in the error, so O(1/n) for n points, which
 * more replicates do not remove (measured: bp at K = M = 10 through this engine, 128 replicates
 * of 8192 points, ε_g 4.4e-3 off its closed form with a spread of 4.7e-4). With
 * {@code averaging.extrapolate} each replicate is also integrated on the first n/2 of its points
 * and reported as 2·(n) − (n/2): the O(1/n) bias cancels, and the spread of these extrapolated
 * replicates is the error estimate.
 *
 * <p>Replicates run on {@code threads} threads; means are summed in replicate order and the number
 * of replicates depends only on the estimates, so the output is the same bytes for any thread
 * count. Samples reach the observer once the run is final; progress and notes are streamed.
 */
final class ReplicatedIntegration {
    private ReplicatedIntegration() {}

    static OdeResult integrate(ExperimentConfig config, OrderParameters init, double[] times,
                               IntegrationObserver observer, int threads) {
        Averaging a = config.averaging();
        List<OdeResult> done = new ArrayList<>();
        String points = null;
        int target = a.replicates();
        while (true) {
            int first = done.size();
            Batch batch = new Batch(config, init, times, observer, first, target);
            done.addAll(batch.run(threads));
            if (points == null) points = batch.pointsDescription;
            Combined c = Combined.of(done, times);
            boolean diverged = c.result.diverged();
            if (diverged || c.largestError <= a.tolerance() || done.size() >= a.maxReplicates()) {
                Trajectory tr = c.result.trajectory();
                for (int i = 0; i < tr.size(); i++) observer.onSample(tr.times()[i], tr.rows()[i].clone());
                observer.onNote(note(config, done.size(), c.largestError));
                String described = points + (a.extrapolate() ? "; each replicate 2 x (" + a.samples() + " points) - (first "
                        + a.samples() / 2 + ")" : "");
                return c.result.withAveraging(new AveragingReport("sobol", described, a.samples(), done.size(),
                        c.largestError, c.largestErrorTime));
            }
            target = Math.min(a.maxReplicates(), nextTarget(done.size(), c.largestError / a.tolerance()));
            observer.onNote(String.format(Locale.ROOT, "est. rel. error of eps_g %.1e > tolerance %.1e with %d replicates: "
                    + "integrating %d more", c.largestError, a.tolerance(), done.size(), target - done.size()));
        }
    }

    /**
     * How many replicates to have after m whose estimate is {@code ratio} times the tolerance: the
     * standard error falls as 1/√m, so m·ratio² would reach it, but an estimate from few replicates is
     * noisy, and the largest of many noisy per-time estimates errs high; so this adds half the
     * estimated shortfall (at least a pair, always an even number) and looks again. Measured at
     * K = M = 10 (docs/exact-pepita.md §7): the whole shortfall at once took 18 replicates where 16
     * met the tolerance.
     */
    static int nextTarget(int m, double ratio) {
        int needed = (int) Math.ceil(m * ratio * ratio);
        int step = Math.max(2, (needed - m + 1) / 2);
        return m + step + (step & 1);
    }

    private static String note(ExperimentConfig config, int m, double error) {
        return String.format(Locale.ROOT, "sobol %d replicates x %d points, est. rel. error of eps_g %.1e", m,
                config.averaging().samples(), error);
    }

    /** Replicates {@code first..end-1}, side by side. */
    private static final class Batch {
        private final ExperimentConfig config;
        private final OrderParameters init;
        private final double[] times;
        private final IntegrationObserver observer;
        private final int first, end;
        private final double[] progress;
        /** ε_g of each replicate of this batch at each sampled time so far, for the live estimate. */
        private final List<List<Double>> epsG = new ArrayList<>();
        private double liveError;
        volatile String pointsDescription;

        Batch(ExperimentConfig config, OrderParameters init, double[] times, IntegrationObserver observer, int first, int end) {
            this.config = config;
            this.init = init;
            this.times = times;
            this.observer = observer;
            this.first = first;
            this.end = end;
            this.progress = new double[end - first];
            for (int r = first; r < end; r++) epsG.add(new ArrayList<>());
        }

        List<OdeResult> run(int threads) {
            int n = end - first;
            List<OdeResult> results = new ArrayList<>();
            int pool = Math.max(1, Math.min(threads, n));
            if (pool == 1) {
                for (int r = first; r < end; r++) results.add(replicate(r));
                return results;
            }
            ExecutorService executor = Executors.newFixedThreadPool(pool, task -> {
                Thread t = new Thread(task, "sobol-replicate");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<OdeResult>> futures = new ArrayList<>();
                for (int r = first; r < end; r++) {
                    int replicate = r;
                    futures.add(executor.submit(() -> replicate(replicate)));
                }
                for (Future<OdeResult> f : futures) results.add(f.get());
                return results;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while integrating replicates", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            } finally {
                executor.shutdownNow();
            }
        }

        /**
         * Replicate r: its trajectory on n points, or with {@code extrapolate} 2·(n points) − (first
         * n/2 points, the same scrambling), row by row.
         */
        private OdeResult replicate(int r) {
            OdeResult full = once(config, r);
            if (!config.averaging().extrapolate()) return full;
            ExperimentConfig half = config.withAveraging(config.averaging().withSamples(Math.max(1, config.averaging().samples() / 2)));
            return extrapolated(full, once(half, r));
        }

        private OdeResult once(ExperimentConfig c, int r) {
            boolean full = c == config;
            try (FieldAverageDynamics dynamics = new FieldAverageDynamics(c, init, r)) {
                if (r == first && full) pointsDescription = dynamics.describeAveraging();
                return Experiments.integrate(integratorConfig(c), dynamics, init, times, new IntegrationObserver() {
                    @Override
                    public void onSample(double t, double[] row) {
                        if (full) sampled(r - first, row[0]);
                    }

                    @Override
                    public void onProgress(double t) {
                        // the half-point run is a third of the work: progress counts the full one
                        if (full) progressed(r - first, t);
                    }
                });
            }
        }

        /**
         * c as a replicate is integrated (docs/model.md §8): with an adaptive integrator, rtol from
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

        /**
         * The progress line's estimate while the batch runs: at every time that at least two of its
         * replicates have reached, their spread scaled to this batch's size (the final estimate,
         * over all replicates, is computed when they are done).
         */
        private synchronized void sampled(int i, double eps) {
            List<Double> mine = epsG.get(i);
            mine.add(eps);
            int index = mine.size() - 1;
            double sum = 0, sum2 = 0;
            int k = 0;
            for (List<Double> other : epsG) {
                if (other.size() > index) {
                    double x = other.get(index);
                    sum += x;
                    sum2 += x * x;
                    k++;
                }
            }
            if (k < 2) return;
            double mean = sum / k, var = Math.max(0, (sum2 - k * mean * mean) / (k - 1));
            double error = Math.sqrt(var / (end - first)) / Math.abs(mean);
            if (error > liveError) {
                liveError = error;
                observer.onNote(String.format(Locale.ROOT, "sobol replicates %d-%d, est. rel. error of eps_g so far %.1e",
                        first + 1, end, liveError));
            }
        }

        private synchronized void progressed(int i, double t) {
            progress[i] = t;
            double sum = 0;
            for (double p : progress) sum += p;
            observer.onProgress(sum / progress.length);
        }
    }

    /** The replicates' mean trajectory (over the times all of them reached) and its error estimate. */
    private record Combined(OdeResult result, double largestError, double largestErrorTime) {

        static Combined of(List<OdeResult> replicates, double[] times) {
            int m = replicates.size();
            int n = Integer.MAX_VALUE;
            boolean diverged = false;
            double divergenceTime = Double.POSITIVE_INFINITY;
            String reason = null;
            long evaluations = 0;
            for (int r = 0; r < m; r++) {
                OdeResult x = replicates.get(r);
                n = Math.min(n, x.trajectory().size());
                evaluations += x.evaluations();
                if (x.diverged() && x.divergenceTime() < divergenceTime) {
                    diverged = true;
                    divergenceTime = x.divergenceTime();
                    reason = x.reason() + " (Sobol replicate " + (r + 1) + " of " + m + ")";
                }
            }
            double largest = 0, at = Double.NaN;
            double[] t = new double[n];
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                t[i] = replicates.get(0).trajectory().times()[i];
                int width = replicates.get(0).trajectory().rows()[i].length;
                double[] mean = new double[width];
                for (OdeResult x : replicates) {
                    double[] row = x.trajectory().rows()[i];
                    for (int j = 0; j < width; j++) mean[j] += row[j];
                }
                for (int j = 0; j < width; j++) mean[j] /= m;
                // column 0 is eps_g: the standard error of its mean over replicates, relative
                double ss = 0;
                for (OdeResult x : replicates) {
                    double dev = x.trajectory().rows()[i][0] - mean[0];
                    ss += dev * dev;
                }
                double error = Math.sqrt(ss / (m - 1) / m) / Math.abs(mean[0]);
                if (!(error <= largest)) {
                    largest = error;
                    at = t[i];
                }
                rows[i] = mean;
            }
            Trajectory tr = new Trajectory(t, replicates.get(0).trajectory().columns(), rows);
            return new Combined(new OdeResult(tr, diverged, diverged ? divergenceTime : Double.NaN, reason, evaluations),
                    largest, at);
        }
    }
}
