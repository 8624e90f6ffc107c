package org.forwardonly.simulation.compare;

import org.forwardonly.simulation.measure.SeedStatistics;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * Theory against simulation, point by point: the ODE is integrated from each seed's own initial
 * order parameters (so both start identically) and averaged over seeds; the simulation gives
 * the seed mean and its standard error. Every ODE column (eps_g and the order parameters) is
 * compared at every recording time. The ODE is sampled at the times the simulation actually
 * recorded, step round(t·N) i.e. t' = round(t·N)/N, so that the offset t' − t (up to 1/(2N),
 * and not a smooth function of N) adds no bias to the differences; rows are labelled by t.
 *
 * @param times the recording times
 * @param columns the compared columns (the ODE's: eps_g, then the packed state)
 * @param ode seed-averaged ODE prediction, [time][column]
 * @param sim simulation seed mean, [time][column]
 * @param se its standard error, [time][column] (includes the spread of the seeds' initial conditions)
 * @param diffSe the standard error of the seed mean of the paired differences sim − ode, [time][column]:
 *               the statistical error of {@code sim − ode}, since each seed's ODE starts from that
 *               seed's own initial conditions and only the simulation's sampling noise remains
 * @param differences the paired differences sim − ode of every seed, [seed][time][column] (what
 *                    {@link Agreement} tests)
 * @param motions how far each seed's own ODE has moved each column, ode_s(t) − ode_s(0),
 *                [seed][time][column] (row 0 is t = 0, which every sampling of times starts with): a
 *                function of the seed's start only, whose sign {@link TwoSizeComparison#aligned()}
 *                multiplies the differences by to see rate errors whose sign changes from seed to seed
 * @param rateSensitivities per learning rate of {@link #RATES}, how each seed's own ODE responds to
 *                          it, ∂ode_s/∂ln(rate) ≈ (ode_s(rate·(1+h)) − ode_s)/h with h = {@value #RATE_STEP},
 *                          [rate][seed][time][column]; null when not computed. Functions of the seed's start
 *                          only: the directions of {@link TwoSizeComparison#rateScores()}
 * @param odeDiverged a message when the ODE of some seed diverged before the last time (else null)
 */
public record TheoryComparison(double[] times, List<String> columns, double[][] ode, double[][] sim, double[][] se,
                               double[][] diffSe, double[][][] differences, double[][][] motions,
                               double[][][][] rateSensitivities, String odeDiverged) {

    /** The learning rates (config keys) whose sensitivities {@link #of(ExperimentConfig, Simulation.Result, int, boolean)} computes. */
    public static final List<String> RATES = List.of("eta", "etaV");
    /** The relative step of the finite difference in each rate. */
    public static final double RATE_STEP = 0.01;

    /**
     * Integrates the ODE of {@code odeConfig} from every seed of {@code simulation} and lines it
     * up with the simulation.
     *
     * @param odeConfig the config whose ODE is the prediction (usually the simulated config; for
     *                  a pepita simulation it may be afa's, its first-order theory)
     */
    public static TheoryComparison of(ExperimentConfig odeConfig, Simulation.Result simulation) {
        return of(odeConfig, simulation, odeConfig.N());
    }

    /**
     * As {@link #of(ExperimentConfig, Simulation.Result)} for a simulation at input dimension N
     * (which fixes its recorded times round(t·N)/N).
     */
    public static TheoryComparison of(ExperimentConfig odeConfig, Simulation.Result simulation, int N) {
        return of(odeConfig, simulation, N, false);
    }

    /**
     * As {@link #of(ExperimentConfig, Simulation.Result, int)}, with the ODE's sensitivities to the
     * learning rates ({@code rateSensitivities}) when asked: two more ODEs per seed, each with one
     * rate of {@link #RATES} multiplied by 1 + {@value #RATE_STEP}.
     */
    public static TheoryComparison of(ExperimentConfig odeConfig, Simulation.Result simulation, int N, boolean rateSensitivities) {
        double[] times = simulation.times();
        double[] recorded = recordedTimes(times, N);
        List<Trajectory> odes = new ArrayList<>();
        List<Trajectory> sims = new ArrayList<>();
        String diverged = null;
        // one ODE per seed, independent of each other: integrated in parallel, collected in seed order (same results)
        List<OdeResult> results = simulation.seeds().parallelStream()
                .map(seed -> Experiments.integrate(ofSeed(odeConfig, seed.seed()), seed.initial(), recorded, IntegrationObserver.NONE))
                .toList();
        for (int i = 0; i < results.size(); i++) {
            SeedRun.Result seed = simulation.seeds().get(i);
            OdeResult r = results.get(i);
            if (r.diverged() && diverged == null) {
                diverged = "the ODE from seed " + seed.seed() + " diverged at t = " + r.divergenceTime() + ": " + r.reason();
            }
            odes.add(expand(r.trajectory(), recorded, times, N));
            sims.add(seed.trajectory());
        }
        List<String> columns = odes.get(0).columns();
        int T = odes.stream().mapToInt(Trajectory::size).min().orElse(0);
        double[][] odeMean = truncate(SeedStatistics.mean(odes.stream().map(t -> head(t, T)).toList()), T);
        List<Trajectory> simCols = new ArrayList<>();
        for (Trajectory s : sims) simCols.add(select(head(s, T), columns));
        double[][] simMean = SeedStatistics.mean(simCols);
        double[][] se = SeedStatistics.standardError(simCols);
        List<Trajectory> diffs = new ArrayList<>();
        for (int s = 0; s < simCols.size(); s++) diffs.add(minus(simCols.get(s), head(odes.get(s), T)));
        double[][] diffSe = SeedStatistics.standardError(diffs);
        double[][][] differences = new double[diffs.size()][][];
        for (int s = 0; s < differences.length; s++) differences[s] = diffs.get(s).rows();
        double[][][] motions = new double[odes.size()][][];
        for (int s = 0; s < motions.length; s++) motions[s] = motions(head(odes.get(s), T).rows());
        double[][][][] sensitivities = rateSensitivities ? sensitivities(odeConfig, simulation, N, odes, T) : null;
        return new TheoryComparison(java.util.Arrays.copyOf(times, T), columns, odeMean, simMean, se, diffSe, differences,
                motions, sensitivities, diverged);
    }

    /** (ode_s(rate·(1+h)) − ode_s)/h per rate, seed, time and column; NaN where the perturbed ODE stopped early. */
    private static double[][][][] sensitivities(ExperimentConfig odeConfig, Simulation.Result simulation, int N,
                                                List<Trajectory> odes, int T) {
        double[] times = simulation.times();
        double[] recorded = recordedTimes(times, N);
        double[][][][] out = new double[RATES.size()][][][];
        for (int r = 0; r < RATES.size(); r++) {
            String key = RATES.get(r);
            com.fasterxml.jackson.databind.node.ObjectNode json = ConfigParser.toJson(odeConfig);
            json.put(key, json.get(key).asDouble() * (1 + RATE_STEP));
            ExperimentConfig stepped = ConfigParser.parse(json);
            List<OdeResult> results = simulation.seeds().parallelStream()
                    .map(seed -> Experiments.integrate(ofSeed(stepped, seed.seed()), seed.initial(), recorded, IntegrationObserver.NONE))
                    .toList();
            out[r] = new double[results.size()][T][];
            for (int s = 0; s < results.size(); s++) {
                Trajectory moved = expand(results.get(s).trajectory(), recorded, times, N);
                double[][] base = odes.get(s).rows();
                for (int i = 0; i < T; i++) {
                    out[r][s][i] = new double[base[i].length];
                    for (int j = 0; j < base[i].length; j++) {
                        out[r][s][i][j] = i < moved.size() ? (moved.rows()[i][j] - base[i][j]) / RATE_STEP : Double.NaN;
                    }
                }
            }
        }
        return out;
    }

    /** ode(t) − ode(first row) per time and column: how far one seed's ODE has moved each order parameter. */
    static double[][] motions(double[][] ode) {
        double[][] out = new double[ode.length][];
        for (int i = 0; i < ode.length; i++) {
            out[i] = new double[ode[i].length];
            for (int j = 0; j < ode[i].length; j++) out[i][j] = ode[i][j] - ode[0][j];
        }
        return out;
    }

    /**
     * The ODE config of one simulated seed: on Sobol points (docs/model.md §8) with that seed's own
     * scrambling (the config's {@code seed} replaced by the run's), else unchanged. With one
     * scrambling for all seeds the engine's averaging error would be the same in every seed's ODE,
     * a bias of the seed mean that the verdict reads as a theory error; with a scrambling per seed
     * it is independent across seeds, of mean zero (each scrambling is unbiased, docs/model.md §8),
     * and enters the paired differences as one more fluctuation that the sign-flip test accounts
     * for. The rate sensitivities of a seed use the same scrambling as its ODE, so their finite
     * differences stay smooth.
     */
    static ExperimentConfig ofSeed(ExperimentConfig odeConfig, long seed) {
        if (!Experiments.usesSobol(odeConfig) || odeConfig.seed() == seed) return odeConfig;
        com.fasterxml.jackson.databind.node.ObjectNode json = ConfigParser.toJson(odeConfig);
        json.put("seed", seed);
        return ConfigParser.parse(json);
    }

    /** The distinct times t' = round(t·N)/N at which a simulation at N records {@code times}. */
    static double[] recordedTimes(double[] times, int N) {
        return java.util.Arrays.stream(times).map(t -> (double) SeedRun.stepsOf(t, N) / N).distinct().toArray();
    }

    /** The ODE sampled at the distinct recorded times, one row per requested time, labelled by it. */
    private static Trajectory expand(Trajectory odeAtRecorded, double[] recorded, double[] times, int N) {
        List<double[]> rows = new ArrayList<>();
        for (double t : times) {
            int i = java.util.Arrays.binarySearch(recorded, (double) SeedRun.stepsOf(t, N) / N);
            if (i >= odeAtRecorded.size()) break; // the ODE diverged before this time
            rows.add(odeAtRecorded.rows()[i]);
        }
        return new Trajectory(java.util.Arrays.copyOf(times, rows.size()), odeAtRecorded.columns(),
                rows.toArray(new double[0][]));
    }

    /**
     * The comparison as a table: for each column {@code <col>_ode, <col>_sim, <col>_sim_se,
     * <col>_diff_se} (the last: standard error of the paired difference).
     */
    public Trajectory table() {
        List<String> names = new ArrayList<>();
        for (String c : columns) {
            names.add(c + "_ode");
            names.add(c + "_sim");
            names.add(c + "_sim_se");
            names.add(c + "_diff_se");
        }
        double[][] rows = new double[times.length][4 * columns.size()];
        for (int i = 0; i < times.length; i++) {
            for (int j = 0; j < columns.size(); j++) {
                rows[i][4 * j] = ode[i][j];
                rows[i][4 * j + 1] = sim[i][j];
                rows[i][4 * j + 2] = se[i][j];
                rows[i][4 * j + 3] = diffSe[i][j];
            }
        }
        return new Trajectory(times, names, rows);
    }

    private static Trajectory minus(Trajectory a, Trajectory b) {
        double[][] rows = new double[a.size()][a.columns().size()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) rows[i][j] = a.rows()[i][j] - b.rows()[i][j];
        }
        return new Trajectory(a.times(), a.columns(), rows);
    }

    private static Trajectory head(Trajectory t, int n) {
        if (t.size() == n) return t;
        return new Trajectory(java.util.Arrays.copyOf(t.times(), n), t.columns(), java.util.Arrays.copyOf(t.rows(), n));
    }

    private static double[][] truncate(double[][] a, int n) {
        return a.length == n ? a : java.util.Arrays.copyOf(a, n);
    }

    private static Trajectory select(Trajectory t, List<String> columns) {
        int[] idx = columns.stream().mapToInt(t::indexOf).toArray();
        double[][] rows = new double[t.size()][idx.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < idx.length; j++) rows[i][j] = t.rows()[i][idx[j]];
        }
        return new Trajectory(t.times(), columns, rows);
    }
}
