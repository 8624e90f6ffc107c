package org.forwardonly.cli.serve;

import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.ode.Experiments;
import org.forwardonly.theory.ode.IntegrationObserver;
import org.forwardonly.theory.ode.OdeResult;
import org.forwardonly.theory.ode.OdeEngine;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.state.OrderParameters;
import org.forwardonly.theory.trajectory.Trajectory;

import java.util.List;
import java.util.Locale;

/**
 * One ODE run of the explorer, checked exactly as {@code pepita ode} checks it (parse, engine,
 * initial conditions, sample times, covariance of the start) before anything is sent, then
 * integrated on one thread with the same engine, so its rows are the bytes of {@code metrics.csv}.
 * Not thread-safe; run it once.
 */
final class OdeRun implements StreamedRun {
    private final ExperimentConfig config;
    private final OrderParameters init;
    private final double[] times;

    private OdeRun(ExperimentConfig config, OrderParameters init, double[] times) {
        this.config = config;
        this.init = init;
        this.times = times;
    }

    /** Parses and checks a config (JSON text); {@link ConfigException} with the CLI's one line otherwise. */
    static OdeRun prepare(String json) {
        ExperimentConfig cfg = ConfigParser.parse(json);
        Experiments.checkSupported(cfg);
        OrderParameters init = Experiments.initialConditions(cfg, cfg.seed());
        double[] times = SampleTimes.of(cfg);
        checkResponseSize(times.length, Experiments.columns(Experiments.layout(cfg)).size());
        Experiments.validate(cfg, init);
        return new OdeRun(cfg, init, times);
    }

    /**
     * Most cells (samples × columns) one run of the server sends, about 100 MB of CSV: a 61-byte body
     * with nTimes 10^7 streamed back 2.2 GB (issue 27). pepita ode writes any size to a file.
     */
    static final long MAX_CELLS = 5_000_000;

    /** Refuses (key 'nTimes') a run whose answer would pass {@link #MAX_CELLS}. */
    static void checkResponseSize(int samples, int columns) {
        long cells = (long) samples * (columns + 1);
        if (cells > MAX_CELLS) {
            throw new ConfigException("key 'nTimes': " + samples + " samples of " + (columns + 1) + " columns are " + cells
                    + " numbers, more than the " + MAX_CELLS + " pepita serve sends in one answer (about 100 MB); "
                    + "lower nTimes, or use pepita ode, which writes any size to a file");
        }
    }

    /** The resolved config. */
    ExperimentConfig config() {
        return config;
    }

    /** The CSV columns after t: those of pepita ode's metrics.csv (eps_g, the packed state, the derived columns). */
    @Override
    public List<String> columns() {
        return Experiments.metricsColumns(config);
    }

    /** The exact quadrature engine (docs/model.md §5-6) or the closed forms (§4). */
    @Override
    public String engine() {
        return OdeEngine.of(config).description();
    }

    /** The last sample time. */
    @Override
    public double tEnd() {
        return times[times.length - 1];
    }

    /**
     * Integrates; the sink may throw an unchecked exception (the client went away, the parameters
     * changed) to stop the run, which then propagates.
     */
    @Override
    public String run(Sink sink) {
        org.forwardonly.theory.state.StateLayout layout = Experiments.layout(config);
        IntegrationObserver observer = new IntegrationObserver() {
            @Override
            public void onSample(double t, double[] row) {
                sink.sample(t, org.forwardonly.theory.state.FeedbackColumns.appendTo(row, layout, config.rule(), init.b(),
                        config.modulationSign()));
            }

            @Override
            public void onProgress(double t) {
                sink.progress(t);
            }
        };
        // the same path as pepita ode, so POST /api/ode returns its bytes; one thread: results do not
        // depend on it (docs/theory.md), and many clients share the cores
        OdeResult result = Experiments.integrate(config, init, times, observer, 1);
        return result.diverged() ? divergenceMessage(result) : null;
    }

    /** The one line {@code pepita ode} prints when a run diverged (without its file part). */
    static String divergenceMessage(OdeResult result) {
        Trajectory tr = result.trajectory();
        double lastT = tr.size() > 0 ? tr.times()[tr.size() - 1] : Double.NaN;
        return String.format(Locale.ROOT, "diverged at t = %s: %s; the %d samples up to t = %s are kept. "
                        + "Try a smaller eta or etaV, a smaller dt (euler, rk4) or a tighter rtol (dp853, dp54).",
                result.divergenceTime(), result.reason(), tr.size(), lastT);
    }

    /** Thrown by an observer to stop a run whose client has gone. */
    static final class Abandoned extends RuntimeException {
        Abandoned(Throwable cause) {
            super("client went away", cause, false, false);
        }
    }
}
