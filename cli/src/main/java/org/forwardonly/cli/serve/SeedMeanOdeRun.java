package org.forwardonly.cli.serve;

import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.FeedbackColumns;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.state.StateLayout;

import java.util.List;

/**
 * The explorer's ODE line when the simulation overlay averages several seeds: the mean of the ODEs
 * integrated from each simulated seed's own start ({@code seed}, …, {@code seed + seeds − 1}, the draws
 * {@link SimulationRun} trains), so that the line and the markers are averaged alike (one seed's ODE
 * against a mean over networks whose v_k may even have opposite signs compares unlike things). With
 * one seed, or an {@code init}, it is {@link OdeRun}: {@code pepita ode}'s rows.
 */
final class SeedMeanOdeRun implements StreamedRun {
    private final ExperimentConfig config;
    private final double[] times;
    private final List<String> columns;

    private SeedMeanOdeRun(ExperimentConfig config) {
        this.config = config;
        this.times = SampleTimes.of(config);
        this.columns = Experiments.metricsColumns(config); // OdeRun's: the derived columns too
    }

    /**
     * Parses and checks a config as {@link OdeRun#prepare} does (every seed's start); a config with one
     * seed or an init is an {@link OdeRun}.
     */
    static StreamedRun prepare(String json) {
        ExperimentConfig cfg = ConfigParser.parse(json);
        if (cfg.seeds() <= 1 || cfg.init() != null) return OdeRun.prepare(json);
        if (cfg.seeds() > SimulationRun.MAX_SEEDS) return SimulationRun.prepare(json); // its one-line refusal
        Experiments.checkSupported(cfg);
        for (int i = 0; i < cfg.seeds(); i++) Experiments.validate(cfg, Experiments.initialConditions(cfg, cfg.seed() + i));
        return new SeedMeanOdeRun(cfg);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public double tEnd() {
        return times[times.length - 1];
    }

    @Override
    public String engine() {
        return "mean of " + config.seeds() + " seeds' ODEs";
    }

    /** Integrates the seeds one after another (progress over all of them), then sends the mean rows. */
    @Override
    public String run(Sink sink) {
        int seeds = config.seeds();
        StateLayout layout = Experiments.layout(config);
        double[][] mean = new double[times.length][columns.size()];
        for (int i = 0; i < seeds; i++) {
            int done = i;
            IntegrationObserver observer = new IntegrationObserver() {
                @Override
                public void onProgress(double t) {
                    sink.progress((done + t / tEnd()) / seeds * tEnd());
                }
            };
            OrderParameters init = Experiments.initialConditions(config, config.seed() + i);
            OdeResult r = Experiments.integrate(config, init, times, observer, 1);
            if (r.diverged()) return "seed " + (config.seed() + i) + ": " + OdeRun.divergenceMessage(r);
            double[][] rows = r.trajectory().rows();
            for (int s = 0; s < times.length; s++) {
                // each seed's own cos_v_feedback and c_norm, then their mean, as the simulation averages them
                double[] row = FeedbackColumns.appendTo(rows[s], layout, config.rule(), init.b(), config.modulationSign());
                for (int j = 0; j < mean[s].length; j++) mean[s][j] += row[j] / seeds;
            }
        }
        for (int s = 0; s < times.length; s++) sink.sample(times[s], mean[s]);
        return null;
    }
}
