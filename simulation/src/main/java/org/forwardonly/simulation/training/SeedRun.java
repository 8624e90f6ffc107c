package org.forwardonly.simulation.training;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.forwardonly.simulation.measure.FeedbackCosine;
import org.forwardonly.simulation.measure.OrderParameterMeter;
import org.forwardonly.simulation.measure.TestError;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.averaging.QuadratureEpsG;
import org.forwardonly.theory.init.NetworkDraw;
import org.forwardonly.theory.integrals.EpsG;
import org.forwardonly.theory.integrals.SecondMoment;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.rules.LearningRule;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * The simulation of one seed: draws the networks with {@link NetworkDraw} (so the ODE from the
 * same seed starts identically), trains them online and records the metrics at the steps
 * round(t·N) of the recording times.
 *
 * <p>Random streams: the draw uses {@code NetworkDraw.rng(seed)}; training samples use that
 * generator jumped once (2^64 draws ahead), test samples jumped twice, so the streams never
 * overlap and measuring never changes training.
 */
public final class SeedRun {
    private final ExperimentConfig config;
    private final long seed;
    private final FeedbackUpdate feedbackUpdate;

    /**
     * @param config the experiment
     * @param seed this run's seed
     * @param feedbackUpdate the per-step update of F (weight mirroring), or null
     */
    public SeedRun(ExperimentConfig config, long seed, FeedbackUpdate feedbackUpdate) {
        this.config = config;
        this.seed = seed;
        this.feedbackUpdate = feedbackUpdate;
    }

    /**
     * What one seed recorded.
     *
     * @param seed the seed
     * @param initial its order parameters at t = 0 (the ODE started from this seed uses them)
     * @param trajectory the recorded columns ({@link #columns}) at the recording times
     */
    public record Result(long seed, OrderParameters initial, Trajectory trajectory) { }

    /**
     * The metric columns recorded for {@code config} (time not included): eps_g and the order
     * parameters as the ODE writes them, then eps_test (only when {@code testSize > 0}: a column
     * that was not measured is left out rather than filled with NaN), cos_v_feedback and, for the
     * rules that use F, c_norm = |c| (the strength of the adaptive feedback, per seed before averaging).
     */
    public static List<String> columns(ExperimentConfig config) {
        List<String> names = new java.util.ArrayList<>(Experiments.columns(layout(config)));
        if (config.testSize() > 0) names.add("eps_test");
        names.addAll(org.forwardonly.theory.state.FeedbackColumns.names(layout(config))); // as ode writes them
        return List.copyOf(names);
    }

    private static StateLayout layout(ExperimentConfig config) {
        return StateLayout.forRule(config.rule(), config.K(), config.M());
    }

    /** The network this seed starts from. */
    public Network initialNetwork() {
        return Network.of(NetworkDraw.draw(config, seed));
    }

    /** A trainer for {@code net} with this seed's training stream. */
    public OnlineTrainer trainer(Network net) {
        JumpableUniformRandomProvider samples = (JumpableUniformRandomProvider) NetworkDraw.rng(seed);
        samples.jump();
        return new OnlineTrainer(net, config.learningRule(), config.activation(),
                config.teacherActivation(), config.eta(), config.etaV(),
                config.sigma(), config.modulationSign(), config.batchSize(), samples, feedbackUpdate);
    }

    /**
     * Trains and records.
     *
     * @param times recording times (step round(t·N))
     * @param stepsDone receives the work done since its last call, in {@link #work} units: minibatch steps, and test
     *                  samples counted as one step each (a test sample costs about one step's N(K + M) products), so
     *                  that progress moves while a large test set is drawn
     */
    public Result run(double[] times, LongConsumer stepsDone) {
        Network net = initialNetwork();
        OnlineTrainer trainer = trainer(net);
        Activation g = config.activation();
        Activation gT = config.teacherActivation();
        JumpableUniformRandomProvider testStream = (JumpableUniformRandomProvider) NetworkDraw.rng(seed);
        testStream.jump();
        testStream.jump();
        TestError test = new TestError(net.N, net.K, net.M, g, gT, config.sigma(), testStream);
        StateLayout layout = layout(config);
        double[] packed = new double[layout.dimension()];
        // docs/model.md §3: closed form for erf, linear and ReLU; numerical for mixed activations
        boolean closedFormEpsG = SecondMoment.has(g, gT);
        QuadratureEpsG quadratureEpsG = closedFormEpsG ? null
                : QuadratureEpsG.forFields(g, gT, config.K(), config.M(), config.quadraturePoints());
        List<String> columns = columns(config);
        int nCols = columns.size();
        int iEnd = 1 + layout.dimension();  // first column after the order parameters
        int iTest = config.testSize() > 0 ? iEnd : -1;
        int iCos = columns.indexOf("cos_v_feedback");
        double[][] rows = new double[times.length][];
        OrderParameters initial = OrderParameterMeter.measure(net);
        long chunk = Math.max(1, stepsOf(times[times.length - 1], net.N) / 1000);
        for (int i = 0; i < times.length; i++) {
            long target = stepsOf(times[i], net.N);
            while (trainer.steps() < target) {
                long before = trainer.steps();
                trainer.advanceTo(Math.min(target, before + chunk));
                stepsDone.accept(trainer.steps() - before);
            }
            OrderParameters o = i == 0 ? initial : OrderParameterMeter.measure(net);
            double[] row = new double[nCols];
            // ε_g from the measured order parameters (docs/model.md §3); without a closed form (ReLU, mixed
            // activations) by the same quadrature as the exact ODE engine
            row[0] = closedFormEpsG ? EpsG.of(o, SecondMoment.of(g))
                    : quadratureEpsG.epsG(o.Q(), o.R(), o.T(), o.v(), o.vStar());
            o.pack(layout, packed);
            System.arraycopy(packed, 0, row, 1, packed.length);
            if (iTest >= 0) row[iTest] = test.estimate(net, config.testSize(), stepsDone);
            row[iCos] = FeedbackCosine.of(config.rule(), o.v(), o.b(), o.c(), config.modulationSign());
            if (layout.hasF()) row[iCos + 1] = Math.sqrt(dot(o.c(), o.c()));
            checkFinite(row, iEnd, times[i]);
            rows[i] = row;
        }
        return new Result(seed, initial, new Trajectory(times.clone(), columns, rows));
    }

    /**
     * The work of one seed recorded at {@code times}, in the units {@link #run} reports: its minibatch steps plus its
     * test samples (testSize at each recording).
     */
    public static long work(ExperimentConfig config, double[] times) {
        return stepsOf(times[times.length - 1], config.N()) + (long) times.length * config.testSize();
    }

    /** The step at which time t is recorded: round(t·N). */
    public static long stepsOf(double t, int N) {
        return Math.round(t * N);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Order parameters (columns 1 .. end-1) must be finite. */
    private void checkFinite(double[] row, int end, double t) {
        for (int j = 1; j < end; j++) {
            if (!Double.isFinite(row[j])) throw new DivergedException("seed " + seed + " diverged by t = " + t);
        }
        if (row[0] > config.epsGBound()) {
            throw new DivergedException("seed " + seed + ": eps_g = " + row[0] + " exceeded epsGBound = "
                    + config.epsGBound() + " at t = " + t);
        }
    }
}
