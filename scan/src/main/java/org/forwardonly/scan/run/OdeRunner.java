package org.forwardonly.scan.run;

import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.metrics.SummaryMetrics;
import org.forwardonly.scan.metrics.TrajectoryCurve;
import org.forwardonly.simulation.measure.FeedbackCosine;
import org.forwardonly.simulation.measure.SeedStatistics;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * A scan point run through the order-parameter ODE ({@link Experiments}). Alone ({@code run: ode}) it
 * integrates from the config's {@code init} or the finite-N draw of its {@code seed}, as {@code pepita ode}
 * does. Beside a simulation ({@code run: both}) it integrates from the draw of each simulated seed
 * ({@code seed}, {@code seed + 1}, …, the simulation's) and summarises their mean, so that theory and
 * simulation are averaged alike: one seed's ODE against a mean over seeds compares unlike things
 * (docs/scans.md).
 */
public final class OdeRunner implements PointRunner {
    private static final long serialVersionUID = 2L;
    private final SummaryMetrics metrics;
    private final boolean eachSeed;

    /** @param metrics how to summarise the ε_g curve; one ODE, from the config's seed */
    public OdeRunner(SummaryMetrics metrics) {
        this(metrics, false);
    }

    /**
     * @param metrics  how to summarise the ε_g curve
     * @param eachSeed integrate from each of the config's {@code seeds} draws and summarise their mean
     */
    public OdeRunner(SummaryMetrics metrics, boolean eachSeed) {
        this.metrics = metrics;
        this.eachSeed = eachSeed;
    }

    @Override
    public void check(ExperimentConfig config) {
        Experiments.checkSupported(config); // first: refuses a run that cannot finish before building anything
        Experiments.validate(config, Experiments.initialConditions(config, config.seed()));
    }

    @Override
    public List<PointSummary> run(ExperimentConfig config) {
        return run(config, (engine, trajectory) -> { });
    }

    /** Keeps the ODE's trajectory: one seed's, or with several the seed mean and standard errors (as simulate's). */
    @Override
    public List<PointSummary> run(ExperimentConfig config, Keep keep) {
        // with an init every seed starts from the same order parameters: their ODEs are one
        int seeds = eachSeed && config.init() == null ? config.seeds() : 1;
        List<Trajectory> runs = new ArrayList<>();
        List<Boolean> diverged = new ArrayList<>();
        List<double[]> feedback = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            OrderParameters init = Experiments.initialConditions(config, config.seed() + i);
            OdeResult r = Experiments.integrate(config, init, IntegrationObserver.NONE);
            runs.add(r.trajectory());
            diverged.add(r.diverged());
            feedback.add(init.b());
        }
        keep.trajectory("ode", runs.size() == 1 || diverged.contains(true) ? runs.get(diverged.indexOf(true) < 0 ? 0 : diverged.indexOf(true))
                : SeedStatistics.ensemble(runs));
        return List.of(summarizeSeeds(config, runs, diverged, feedback));
    }

    /** The row of an ODE run made elsewhere (e.g. by the figure engines); b: fa's fixed feedback or null. */
    public PointSummary summarize(ExperimentConfig config, OdeResult r, double[] b) {
        return metrics.summarize("ode", TrajectoryCurve.ode(config, r.trajectory(), r.diverged(), b));
    }

    /**
     * The row of the ODEs from several seeds' starts, sampled at the same times: the seed mean of ε_g and of the
     * alignment, with the standard error of the last ε_g; a run that diverged makes the row diverged (its own).
     *
     * @param config the point's config
     * @param runs one ODE trajectory per seed
     * @param diverged whether each run diverged (its trajectory then stops early)
     * @param b each run's fa feedback (or null)
     * @return the summary row
     */
    public PointSummary summarizeSeeds(ExperimentConfig config, List<Trajectory> runs, List<Boolean> diverged,
                                       List<double[]> b) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.size() == 1 || diverged.get(i)) {
                return metrics.summarize("ode", TrajectoryCurve.ode(config, runs.get(i), diverged.get(i), b.get(i)));
            }
        }
        List<Trajectory> curves = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) curves.add(alignmentCurve(config, runs.get(i), b.get(i)));
        return metrics.summarize("ode", TrajectoryCurve.simulation(config, SeedStatistics.ensemble(curves)));
    }

    /** eps_g and cos∠(v, feedback) of one ODE trajectory at every sample (docs/columns.md). */
    private static Trajectory alignmentCurve(ExperimentConfig config, Trajectory tr, double[] b) {
        int K = config.K();
        boolean hasC = tr.columns().contains("c_1");
        int e = tr.indexOf("eps_g"), v1 = tr.indexOf("v_1"), c1 = hasC ? tr.indexOf("c_1") : -1;
        double[][] rows = new double[tr.size()][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = tr.rows()[i];
            double[] v = java.util.Arrays.copyOfRange(row, v1, v1 + K);
            double[] c = hasC ? java.util.Arrays.copyOfRange(row, c1, c1 + K) : null;
            boolean known = !config.rule().hasB() || b != null;
            double cos = known ? FeedbackCosine.of(config.rule(), v, b, c, config.modulationSign()) : Double.NaN;
            rows[i] = new double[] {row[e], cos};
        }
        return new Trajectory(tr.times(), List.of("eps_g", "cos_v_feedback"), rows);
    }
}
