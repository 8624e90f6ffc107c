package org.forwardonly.plots.catalogue;

import org.forwardonly.simulation.compare.PlateauLength;
import org.forwardonly.simulation.compare.TheoryComparison;
import org.forwardonly.simulation.measure.SeedStatistics;
import org.forwardonly.simulation.mirroring.WeightMirroring;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.simulation.training.Simulation;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engines as the figures use them — the ODE ({@link Experiments}, from each simulated seed's
 * start) and the simulation
 * ({@link Simulation}) — with every run's progress counted on one {@link WorkMeter}. Runs are
 * remembered by their resolved config, so figures that share a run (in one {@code reproduce})
 * compute it once.
 */
public final class FigureEngines {
    private final int threads;
    private final WorkMeter meter;
    private final Map<String, Object> done = new HashMap<>();
    private final java.util.Set<String> metered = new java.util.HashSet<>();

    /**
     * @param threads worker threads for the seeds of a simulation (results do not depend on it)
     * @param meter   where progress is counted
     */
    public FigureEngines(int threads, WorkMeter meter) {
        this.threads = threads;
        this.meter = meter;
    }

    static String key(ExperimentConfig config) {
        return org.forwardonly.config.ConfigParser.toJson(config).toString();
    }

    /**
     * Whether this is the first run of {@code config} on the meter: each distinct config is counted
     * once, as in {@link WorkMeter#totalCost}, whichever engine runs it first.
     */
    private boolean firstOnMeter(ExperimentConfig config) {
        return metered.add(key(config));
    }

    /**
     * Integrates the ODE of {@code config} from its seed's draw (or its {@code init}), sampled at
     * the config's times. A diverged run keeps the samples up to the divergence.
     */
    public OdeResult ode(ExperimentConfig config) {
        return (OdeResult) done.computeIfAbsent("ode " + key(config), k -> integrate(config));
    }

    private OdeResult integrate(ExperimentConfig config) {
        double cost = firstOnMeter(config) ? WorkMeter.cost(config) : 0;
        double tMax = config.tMax();
        double[] reported = {0};
        OdeResult r = Experiments.integrate(config, Experiments.initialConditions(config, config.seed()),
                SampleTimes.of(config), new IntegrationObserver() {
                    @Override
                    public void onProgress(double t) {
                        double units = cost * Math.min(1, t / tMax);
                        if (units - reported[0] > cost * 0.01) {
                            meter.advance(units - reported[0]);
                            reported[0] = units;
                        }
                    }
                });
        meter.advance(cost - reported[0]);
        return r;
    }

    /** Simulates every seed of {@code config} at the config's times. */
    public Simulation.Result simulate(ExperimentConfig config) {
        return (Simulation.Result) done.computeIfAbsent("sim " + key(config), k -> runSimulation(config));
    }

    private Simulation.Result runSimulation(ExperimentConfig config) {
        double[] times = SampleTimes.of(config);
        double perStep = !firstOnMeter(config) ? 0 : WorkMeter.cost(config) / Math.max(1,
                config.seeds() * SeedRun.work(config, times));
        long[] last = {0};
        Simulation.Result r = Simulation.run(config, times, threads, WeightMirroring.perSeed(config), (done, total) -> {
            synchronized (last) {
                if (done > last[0]) {
                    meter.advance((done - last[0]) * perStep);
                    last[0] = done;
                }
            }
        });
        return r;
    }

    /**
     * The plateau lengths of {@code config}'s seeds at its N, simulated and from the ODE of each seed's start
     * ({@link PlateauLength#run}), the simulated steps counted on the meter as they are done.
     */
    public PlateauLength.SizeResult plateauLength(ExperimentConfig config, PlateauLength.Prediction prediction) {
        return (PlateauLength.SizeResult) done.computeIfAbsent("plateau " + key(config) + " " + prediction, k -> {
            boolean count = firstOnMeter(config);
            double cost = count ? WorkMeter.cost(config) : 0;
            java.util.concurrent.atomic.AtomicLong steps = new java.util.concurrent.atomic.AtomicLong();
            PlateauLength.SizeResult r = PlateauLength.run(config, prediction, threads, n -> {
                steps.addAndGet(n);
                if (count) meter.advance(n);
            });
            // a seed stops soon after its escape, before tMax: the rest of the run's cost is counted now
            if (count) meter.advance(Math.max(0, cost - steps.get()));
            return r;
        });
    }

    /**
     * The ODE of {@code odeConfig} integrated from each seed's initial order parameters of {@code sim},
     * at the times the simulation recorded (step round(t·N)), labelled by its times, one trajectory per seed (a diverged one stops early).
     * For quantities
     * that must be averaged per seed, such as a cosine.
     */
    @SuppressWarnings("unchecked")
    public List<Trajectory> odeFromEachSeed(ExperimentConfig odeConfig, Simulation.Result sim) {
        return (List<Trajectory>) done.computeIfAbsent("per-seed " + key(odeConfig) + " " + System.identityHashCode(sim), k -> {
            // sampled where the simulation recorded, step round(t·N), as TheoryComparison does (docs/simulation.md): at
            // the requested t the ODE would be up to 1/(2N) off the simulation (1e-3 in an early cosine at N = 300)
            double[] times = sim.times();
            double[] recorded = java.util.Arrays.stream(times)
                    .map(t -> (double) SeedRun.stepsOf(t, odeConfig.N()) / odeConfig.N()).distinct().toArray();
            List<Trajectory> out = new ArrayList<>();
            for (SeedRun.Result seed : sim.seeds()) {
                Trajectory atRecorded = Experiments.integrate(odeConfig, seed.initial(), recorded, IntegrationObserver.NONE).trajectory();
                List<double[]> rows = new ArrayList<>();
                for (double t : times) {
                    int i = java.util.Arrays.binarySearch(recorded, (double) SeedRun.stepsOf(t, odeConfig.N()) / odeConfig.N());
                    if (i >= atRecorded.size()) break; // diverged before this time
                    rows.add(atRecorded.rows()[i]);
                }
                out.add(new Trajectory(java.util.Arrays.copyOf(times, rows.size()), atRecorded.columns(), rows.toArray(new double[0][])));
            }
            if (firstOnMeter(odeConfig)) meter.advance(WorkMeter.cost(odeConfig));
            return List.copyOf(out);
        });
    }

    /** Seed means of a simulation, with a {@code <col>_se} standard-error column for each. */
    public static Trajectory ensemble(Simulation.Result r) {
        List<Trajectory> perSeed = new ArrayList<>();
        for (SeedRun.Result s : r.seeds()) perSeed.add(s.trajectory());
        return SeedStatistics.ensemble(perSeed);
    }

    /**
     * The ODE of {@code odeConfig} integrated from each seed of {@code sim} (so that theory and
     * simulation start identically), seed-averaged, side by side with the simulation: columns
     * {@code <col>_ode}, {@code <col>_sim}, {@code <col>_sim_se}.
     */
    public Trajectory theoryAgainst(ExperimentConfig odeConfig, Simulation.Result sim) {
        return (Trajectory) done.computeIfAbsent("theory " + key(odeConfig) + " " + System.identityHashCode(sim),
                k -> {
                    Trajectory table = TheoryComparison.of(odeConfig, sim).table();
                    if (firstOnMeter(odeConfig)) meter.advance(WorkMeter.cost(odeConfig));
                    return table;
                });
    }

    /**
     * Runs {@code work}, a computation on {@code config} that the engines above do not cover (e.g. a simulation
     * from a changed draw), remembered under ({@code variant}, config) and counted once on the meter as a run of
     * {@code config} when it is done. {@code work} must not call these engines.
     */
    @SuppressWarnings("unchecked")
    public <T> T other(ExperimentConfig config, String variant, java.util.function.Supplier<T> work) {
        String k = "other " + variant + " " + key(config);
        Object r = done.get(k);
        if (r == null) {
            r = work.get();
            done.put(k, r);
            if (firstOnMeter(config)) meter.advance(WorkMeter.cost(config));
        }
        return (T) r;
    }
}
