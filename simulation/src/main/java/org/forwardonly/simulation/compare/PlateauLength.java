package org.forwardonly.simulation.compare;

import org.forwardonly.simulation.measure.OrderParameterMeter;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.training.OnlineTrainer;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.theory.analysis.FixedPoint;
import org.forwardonly.theory.analysis.StationaryPoints;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.init.NetworkDraw;
import org.forwardonly.theory.integrals.EpsG;
import org.forwardonly.theory.integrals.SecondMoment;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * The length of the symmetric plateau of the soft committee machine against N (docs/analysis.md, "Plateau length
 * and escape rate"): SGD simulations at several N, the ODE from each simulated seed's start, and the prediction
 * that the length grows as ln N/(2λ), λ the plateau's leading unstable eigenvalue from {@link StationaryPoints}.
 *
 * <p>The setting is the soft committee machine of Saad and Solla (1995): bp, g = erf, a frozen second layer
 * (η_v = 0) equal to the teacher's, v = v* = 1. The simulation draws its networks as every run does
 * ({@link NetworkDraw}, from the seed) and then sets v to v*; the ODE starts from the order parameters measured on
 * that network.
 *
 * <p>Plateau length, the same for simulation and ODE: from the first time ε_g comes down to (1 + {@link #ENTRY}) times
 * the plateau height h to the first later time ε_g &lt; h/2 (interpolated linearly between the samples). The
 * time to reach the plateau from R ~ 1/√N grows with ln N too, at another rate, and is not part of it.
 */
public final class PlateauLength {
    /** Entry to the plateau: ε_g down to within this fraction above its height. */
    public static final double ENTRY = 0.05;
    /** The samples of ε_g per unit time. */
    public static final int SAMPLES_PER_UNIT_TIME = 4;

    private PlateauLength() {}

    /**
     * The plateau analyse finds for the committee machine of {@code config}: its height and escape rate.
     *
     * @param height ε_g at the symmetric stationary point
     * @param lambda its leading unstable eigenvalue (the largest real part of the Jacobian's spectrum)
     */
    public record Prediction(double height, double lambda) {
        /** The predicted slope of the plateau length against ln N, 1/(2λ). */
        public double slope() {
            return 1 / (2 * lambda);
        }
    }

    /**
     * What one N gave: per seed (seed order), the plateau length in the simulation and in the ODE from that
     * seed's start (NaN when ε_g did not escape by the config's tMax).
     *
     * @param N   the input dimension
     * @param sim the simulated lengths
     * @param ode the ODE's lengths from the same starts
     */
    public record SizeResult(int N, double[] sim, double[] ode) {
        /** Mean of the simulated lengths (NaN if any seed did not escape). */
        public double simMean() {
            return mean(sim);
        }

        /** Standard error of {@link #simMean()}. */
        public double simSe() {
            return standardError(sim);
        }

        /** Mean of the ODE's lengths. */
        public double odeMean() {
            return mean(ode);
        }

        /** Standard error of {@link #odeMean()}. */
        public double odeSe() {
            return standardError(ode);
        }
    }

    /** Refuses a config that is not the committee machine this class measures; one line. */
    public static void checkCommittee(ExperimentConfig config) {
        if (config.rule() != Rules.BP || config.etaV() != 0 || config.batchSize() != 1
                || !"ones".equals(config.teacherSecondLayer()) || config.K() != config.M() || config.mirroring() != null) {
            throw new ConfigException("plateau length: needs the soft committee machine (rule bp, etaV = 0, K = M, "
                    + "teacherSecondLayer ones, batchSize 1, no mirroring)");
        }
        if (!SecondMoment.has(config.activation(), config.teacherActivation())) {
            throw new ConfigException("plateau length: needs an activation with a closed-form eps_g (erf or linear)");
        }
    }

    /**
     * The symmetric plateau of {@code config} (T = I, v = v* = 1): analyse from Q = I and R small, integrated on
     * the symmetric subspace to t = 1000 (at η ≥ 0.5 the symmetric trajectory is on the plateau long before).
     */
    public static Prediction predict(ExperimentConfig config) {
        checkCommittee(config);
        int K = config.K();
        double[][] Q = new double[K][K], R = new double[K][K], T = new double[K][K];
        double[] ones = new double[K];
        for (int k = 0; k < K; k++) {
            Q[k][k] = 1;
            T[k][k] = 1;
            ones[k] = 1;
            // distinct small overlaps, so that the unsymmetrised trajectory start of analyse escapes too
            for (int m = 0; m < K; m++) R[k][m] = 1e-3 * (1 + (3 * k + 5 * m) % 7);
        }
        OrderParameters start = new OrderParameters(Q, R, T, ones, ones.clone(), null, null, null, Double.NaN);
        ExperimentConfig longRun = ConfigParser.edit(ConfigParser.mapper().createObjectNode().put("tMax", 1000.0), config);
        try (StationaryPoints sp = new StationaryPoints(longRun, start)) {
            FixedPoint p = sp.analyse().stream().filter(f -> f.origin().equals("symmetric")).findFirst()
                    .orElseThrow(() -> new ConfigException("plateau length: analyse found no symmetric plateau"));
            if (p.nUnstable() == 0) {
                throw new ConfigException("plateau length: the symmetric point is " + p.stability() + ", not a saddle: no escape rate");
            }
            return new Prediction(p.epsG(), p.lambdaMax());
        }
    }

    /**
     * The plateau length of a sampled learning curve: from the first sample at or below (1 + {@link #ENTRY})·{@code height}
     * to the first later crossing of height/2 (interpolated); NaN when it does not escape.
     */
    public static double of(double[] t, double[] epsG, double height) {
        // one-sided: the curve comes down onto the plateau, whose height at finite N differs by O(1/√N) with the drawn T
        int j = 0;
        while (j < epsG.length && !(epsG[j] <= (1 + ENTRY) * height)) j++;
        for (int i = Math.max(j, 1); i < epsG.length; i++) {
            if (epsG[i] < height / 2) {
                double tc = t[i - 1] + (t[i] - t[i - 1]) * (epsG[i - 1] - height / 2) / (epsG[i - 1] - epsG[i]);
                return tc - t[j];
            }
        }
        return Double.NaN;
    }

    /** The committee network of seed {@code seed}: the seed's draw with v set to v*. */
    static Network committeeNetwork(ExperimentConfig config, long seed) {
        NetworkDraw.Drawn d = NetworkDraw.draw(config, seed);
        System.arraycopy(d.vStar(), 0, d.v(), 0, d.v().length);
        return Network.of(d);
    }

    /**
     * ε_g of one simulated seed sampled {@link #SAMPLES_PER_UNIT_TIME} times per unit time (step round(t·N)), until
     * it falls below height/4 (well past the escape) or the config's tMax.
     *
     * @param stepsDone receives the steps done since its last call
     */
    public static Trajectory simulate(ExperimentConfig config, long seed, double height, LongConsumer stepsDone) {
        checkCommittee(config);
        Network net = committeeNetwork(config, seed);
        OnlineTrainer trainer = new SeedRun(config, seed, null).trainer(net);
        SecondMoment moment = SecondMoment.of(config.activation());
        int n = (int) Math.round(config.tMax() * SAMPLES_PER_UNIT_TIME) + 1;
        double[] t = new double[n];
        double[][] rows = new double[n][];
        int i = 0;
        for (; i < n; i++) {
            t[i] = (double) i / SAMPLES_PER_UNIT_TIME;
            long before = trainer.steps();
            trainer.advanceTo(SeedRun.stepsOf(t[i], net.N));
            stepsDone.accept(trainer.steps() - before);
            rows[i] = new double[] {EpsG.of(OrderParameterMeter.measure(net), moment)};
            if (!Double.isFinite(rows[i][0])) throw new ConfigException("plateau length: seed " + seed + " diverged by t = " + t[i]);
            if (rows[i][0] < height / 4) {
                i++;
                break;
            }
        }
        return new Trajectory(Arrays.copyOf(t, i), List.of("eps_g"), Arrays.copyOf(rows, i));
    }

    /** ε_g of the ODE from the order parameters of seed {@code seed}'s committee network, to the config's tMax. */
    public static Trajectory ode(ExperimentConfig config, long seed) {
        checkCommittee(config);
        OrderParameters start = OrderParameterMeter.measure(committeeNetwork(config, seed));
        int n = (int) Math.round(config.tMax() * SAMPLES_PER_UNIT_TIME) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = (double) i / SAMPLES_PER_UNIT_TIME;
        Trajectory full = Experiments.integrate(config, start, t, IntegrationObserver.NONE).trajectory();
        return new Trajectory(full.times(), List.of("eps_g"), Arrays.stream(full.column("eps_g")).mapToObj(e -> new double[] {e})
                .toArray(double[][]::new));
    }

    /**
     * Simulates and integrates seeds {@code seed … seed + seeds − 1} of {@code config} at its N, in parallel; the
     * result does not depend on {@code threads}.
     *
     * @param stepsDone receives simulated steps as they are done (from worker threads)
     */
    public static SizeResult run(ExperimentConfig config, Prediction prediction, int threads, LongConsumer stepsDone) {
        checkCommittee(config);
        int seeds = config.seeds();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, seeds)), r -> {
            Thread th = new Thread(r, "plateau-length");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                long seed = config.seed() + s;
                futures.add(pool.submit(() -> {
                    Trajectory sim = simulate(config, seed, prediction.height(), stepsDone);
                    Trajectory ode = ode(config, seed);
                    return new double[] {
                            of(sim.times(), sim.column("eps_g"), prediction.height()),
                            of(ode.times(), ode.column("eps_g"), prediction.height())};
                }));
            }
            double[] sim = new double[seeds], ode = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                double[] r = futures.get(s).get();
                sim[s] = r[0];
                ode[s] = r[1];
            }
            return new SizeResult(config.N(), sim, ode);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("plateau length interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The least-squares slope of the mean lengths against ln N and its standard error from the seeds' spread
     * (each mean's standard error propagated: se² = Σ (x_i − x̄)² se_i² / (Σ (x_i − x̄)²)²).
     *
     * @return {slope, standard error}
     */
    public static double[] slope(int[] N, double[] mean, double[] se) {
        int n = N.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(N[i]) / n;
            my += mean[i] / n;
        }
        double sxx = 0, sxy = 0, var = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(N[i]) - mx;
            sxx += dx * dx;
            sxy += dx * (mean[i] - my);
            var += dx * dx * se[i] * se[i];
        }
        return new double[] {sxy / sxx, Math.sqrt(var) / sxx};
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double standardError(double[] x) {
        if (x.length < 2) return Double.NaN;
        double m = mean(x), s2 = 0;
        for (double v : x) s2 += (v - m) * (v - m);
        return Math.sqrt(s2 / (x.length - 1) / x.length);
    }
}
