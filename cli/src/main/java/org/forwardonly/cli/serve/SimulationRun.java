package org.forwardonly.cli.serve;

import org.forwardonly.simulation.measure.OrderParameterMeter;
import org.forwardonly.simulation.mirroring.WeightMirroring;
import org.forwardonly.simulation.network.Network;
import org.forwardonly.simulation.training.OnlineTrainer;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.SimulationLimits;
import org.forwardonly.theory.activation.Activation;
import org.forwardonly.theory.averaging.QuadratureEpsG;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.integrals.ClosedFormAverages;
import org.forwardonly.theory.integrals.EpsG;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.rules.Rules;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;

import java.util.List;

/**
 * The explorer's small-N simulation overlay: the config's {@code seeds} networks of size N,
 * drawn and trained exactly as {@code pepita simulate} trains them ({@link SeedRun}'s draw and
 * trainer, so the ODE of the same seed starts from the same order parameters), advanced in
 * lockstep so that the seed mean of every sample can be sent as soon as it is measured.
 * Columns: eps_g and the order parameters, as the ODE writes them.
 */
final class SimulationRun implements StreamedRun {
    /** Largest N the overlay runs (a bigger one is a job for {@code pepita simulate}). */
    static final int MAX_N = 5000;
    /** Most seeds the overlay averages. */
    static final int MAX_SEEDS = 16;

    private final ExperimentConfig config;
    private final double[] times;
    private final StateLayout layout;

    private SimulationRun(ExperimentConfig config, double[] times) {
        this.config = config;
        this.times = times;
        this.layout = StateLayout.forRule(config.rule(), config.K(), config.M());
    }

    /** Parses and checks a config for the overlay; {@link ConfigException} (one line, naming the key) otherwise. */
    static SimulationRun prepare(String json) {
        ExperimentConfig cfg = ConfigParser.parse(json);
        if (cfg.N() > MAX_N) {
            throw new ConfigException("key 'N': the explorer simulates N <= " + MAX_N + " (got " + cfg.N()
                    + "); use pepita simulate for larger networks");
        }
        if (cfg.seeds() > MAX_SEEDS) {
            throw new ConfigException("key 'seeds': the explorer simulates at most " + MAX_SEEDS + " seeds (got "
                    + cfg.seeds() + ")");
        }
        SimulationLimits.check(cfg, 1, Runtime.getRuntime().maxMemory());
        SimulationRun run = new SimulationRun(cfg, SampleTimes.of(cfg));
        OdeRun.checkResponseSize(cfg.nTimes(), run.columns().size());
        return run;
    }

    @Override
    public List<String> columns() {
        return Experiments.columns(layout);
    }

    @Override
    public double tEnd() {
        return times[times.length - 1];
    }

    @Override
    public String engine() {
        return "simulation";
    }

    /**
     * Trains every seed to each sample time in turn and hands over the seed mean (progress every
     * ~1/200 of the run).
     *
     * @return null when done, else the one-line reason the run diverged
     */
    @Override
    public String run(Sink sink) {
        int seeds = config.seeds();
        Network[] nets = new Network[seeds];
        OnlineTrainer[] trainers = new OnlineTrainer[seeds];
        for (int i = 0; i < seeds; i++) {
            long seed = config.seed() + i;
            SeedRun run = new SeedRun(config, seed, config.mirroring() == null ? null : WeightMirroring.of(config, seed));
            nets[i] = run.initialNetwork();
            trainers[i] = run.trainer(nets[i]);
        }
        Activation g = config.activation();
        Activation gT = config.teacherActivation();
        boolean closedFormEpsG = g == gT && ClosedFormAverages.has(g);
        QuadratureEpsG quadratureEpsG = closedFormEpsG ? null
                : new QuadratureEpsG(g, gT, config.K(), config.M(), config.quadraturePoints());
        int width = 1 + layout.dimension();
        double[] packed = new double[layout.dimension()];
        long chunk = Math.max(1, SeedRun.stepsOf(tEnd(), config.N()) / 200);
        for (double t : times) {
            long target = SeedRun.stepsOf(t, config.N());
            while (trainers[0].steps() < target) {
                long next = Math.min(target, trainers[0].steps() + chunk);
                for (OnlineTrainer tr : trainers) tr.advanceTo(next);
                sink.progress((double) next / config.N());
            }
            double[] mean = new double[width];
            for (Network net : nets) {
                OrderParameters o = OrderParameterMeter.measure(net);
                // ε_g from the measured order parameters, as SeedRun records it (docs/model.md §3)
                double eps = closedFormEpsG ? EpsG.of(o, ClosedFormAverages.of(g))
                        : quadratureEpsG.epsG(o.Q(), o.R(), o.T(), o.v(), o.vStar());
                o.pack(layout, packed);
                mean[0] += eps / seeds;
                for (int j = 0; j < packed.length; j++) mean[j + 1] += packed[j] / seeds;
            }
            for (double x : mean) {
                if (!Double.isFinite(x) || mean[0] > config.epsGBound()) {
                    return "the simulation diverged by t = " + t + " (eps_g = " + mean[0] + "); try a smaller eta or etaV";
                }
            }
            sink.sample(t, mean);
        }
        return null;
    }
}
