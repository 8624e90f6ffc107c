package org.forwardonly.cli;

import org.forwardonly.scan.ScanJob;
import org.forwardonly.scan.exec.ExecutorUnavailableException;
import org.forwardonly.scan.exec.LocalExecutor;
import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.exec.ScanExecutorProvider;
import org.forwardonly.scan.run.EngineRunners;
import org.forwardonly.scan.run.PointFailedException;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.scan.store.ResultStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.forwardonly.plots.catalogue.FigureData;
import org.forwardonly.plots.catalogue.FigureRunner;
import org.forwardonly.plots.scan.ScanFigure;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

/**
 * {@code pepita scan SPEC --out DIR}: runs every point of a parameter-space scan (ODE,
 * simulation or both) and writes the tidy table DIR/scan.csv (docs/scans.md). Resumable: a
 * rerun on the same DIR computes only the missing points. Exit codes: 0 done (diverged points
 * are rows, not failures), 1 a point's run failed (finished points are kept), 2 bad input
 * (spec, DIR busy or holding another scan, a malformed Spark URL; nothing run), 4 the Spark
 * cluster failed (unreachable, executors cannot start, every worker lost; finished points kept).
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Run a parameter-space scan: a base config and a grid (or list) of values for config keys; "
                + "each point an ODE run, a simulation, or both. Writes DIR/scan.csv (one row per point and engine, "
                + "grid order), DIR/results.jsonl (finished points, for resuming) and DIR/scan.json (the spec and its hash).",
                "Rerun the same command to resume after an interruption. Spec format: docs/scans.md.",
                "Exit codes: 0 ok, 1 a point failed (finished points kept), 2 bad input (nothing run), "
                        + "4 the Spark cluster failed: unreachable, executors cannot start, workers lost (finished points kept)."})
public final class ScanCommand implements Callable<Integer> {

    /** Exit code of a scan whose Spark cluster failed (unreachable, no executors, every worker lost). */
    public static final int EXIT_CLUSTER = 4;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Scan spec (JSON): base, grid or points, run, threshold.")
    Path specFile;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Scan directory (created if absent; resumed if it holds this scan).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Local worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the points on Apache Spark at this master URL (local[2], spark://host:7077, ...); "
                    + "needs the scan-spark module on the classpath (./pepita builds it and adds it). Cluster: docs/scans.md.")
    String sparkMaster;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    boolean noProgress;

    @Option(names = "--no-plots", description = "Do not draw DIR/scan.png|svg|pdf and the notebook DIR/scan.ipynb.")
    boolean noPlots;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ScanSpec scan;
        PointRunner runner;
        ScanExecutor executor;
        try {
            if (threads != null && threads < 1) throw new ScanSpecException("option '--threads': must be >= 1 (got " + threads + ")");
            if (threads != null && sparkMaster != null) throw new ScanSpecException("options '--threads' and '--spark' exclude each other");
            scan = ScanSpecParser.read(specFile);
            runner = EngineRunners.forSpec(scan);
            ScanJob.checkPoints(scan, runner);
            executor = sparkMaster != null ? spark(sparkMaster)
                    : threads != null ? new LocalExecutor(threads) : LocalExecutor.allCores();
        } catch (ScanSpecException e) {
            return fail(err, e.getMessage(), PepitaCommand.EXIT_BAD_INPUT);
        }
        ScanJob.Listener progress = noProgress ? ScanJob.Listener.NONE : progressBar(err);
        try (executor) {
            List<String> command = RunDirectory.commandLine(spec);
            ScanJob.Outcome o = ScanJob.run(scan, out, runner, executor, Version.get(), command, progress);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("pepita scan: " + o.total() + " points (" + o.computed() + " computed, " + o.resumed()
                    + " resumed), " + o.diverged() + " diverged run(s) -> " + o.table());
            if (!noPlots) plot(scan, o, String.join(" ", command), err, stdout);
            stdout.flush();
            return 0;
        } catch (ScanSpecException e) {
            return fail(err, e.getMessage(), PepitaCommand.EXIT_BAD_INPUT);
        } catch (PointFailedException e) {
            return fail(err, e.getMessage() + " (finished points are kept in " + out + "; rerun to resume)", 1);
        } catch (ExecutorUnavailableException e) {
            String kept = Files.exists(out.resolve(ResultStore.FILE)) ? " (finished points are kept in " + out
                    + "; rerun the same command to resume)" : " (nothing was written)";
            return fail(err, e.getMessage() + kept, EXIT_CLUSTER);
        }
    }

    /** The project's progress bar, counting points, with the time left estimated from this run's points. */
    private static ScanJob.Listener progressBar(PrintWriter err) {
        return new ScanJob.Listener() {
            private ProgressBar bar;

            @Override
            public void started(int total, int resumed, String executor) {
                err.println("pepita scan: " + total + " points (" + resumed + " already done), running " + (total - resumed)
                        + " on " + executor);
                err.flush();
                bar = new ProgressBar("scan", "points", total, resumed, err, ProgressBar.consoleAttached(), System::nanoTime);
            }

            @Override
            public void stored(int done, int total) {
                bar.update(done);
            }

            @Override
            public void finished(int total) {
                bar.complete(total);
            }
        };
    }

    /** The line families of the scan (DIR/scan.png, .svg, .pdf, data/, scan.ipynb); a scan that cannot be drawn says why. */
    private void plot(ScanSpec scan, ScanJob.Outcome o, String command, PrintWriter err, PrintWriter stdout) {
        StringBuilder why = new StringBuilder();
        Optional<FigureData> figure = ScanFigure.build(scan, o.results(), why);
        if (figure.isEmpty()) {
            err.println("pepita scan: no figure: " + why);
            return;
        }
        try {
            FigureRunner.write("scan", "Final generalisation error of every scan point (" + specFile.getFileName() + ")",
                    figure.get(), Map.of(), Version.get(), command, out);
            stdout.println("pepita scan: figure " + out.resolve("scan.png") + " and notebook " + out.resolve("scan.ipynb"));
        } catch (IOException | RuntimeException e) {
            err.println("pepita scan: the table is complete, but the figure failed: " + e.getMessage());
        }
    }

    private static ScanExecutor spark(String master) {
        for (ScanExecutorProvider p : ServiceLoader.load(ScanExecutorProvider.class)) {
            if (p.name().equals("spark")) return p.create(master);
        }
        throw new ScanSpecException("option '--spark': the Spark executor is not on the classpath (build the project with "
                + "'mvn install' and run ./pepita, which adds scan-spark when it is built)");
    }

    private static int fail(PrintWriter err, String message, int code) {
        err.println("pepita scan: " + message.replace('\n', ' '));
        err.flush();
        return code;
    }
}
