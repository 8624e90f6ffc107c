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
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.scan.store.ResultCache;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.scan.store.ScanManifest;
import org.forwardonly.scan.slurm.SlurmExecutor;
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
 * (spec, DIR busy or holding another scan, a malformed Spark URL, no sbatch on PATH or a partition
 * Slurm does not have; nothing run), 4 the cluster failed (Spark: unreachable, executors cannot start,
 * every worker lost; Slurm: the controller does not answer, array tasks ended with points missing;
 * finished points kept).
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Run a parameter-space scan: a base config and a grid (or list) of values for config keys; "
                + "each point an ODE run, a simulation, or both. Writes DIR/scan.csv (one row per point and engine, "
                + "grid order), DIR/results.jsonl (finished points, for resuming) and DIR/scan.json (the spec and its hash).",
                "Rerun the same command to resume after an interruption. Spec format: docs/scans.md."})
public final class ScanCommand implements Callable<Integer> {

    /** Exit code of a scan whose cluster failed (Spark: unreachable, no executors, every worker lost; Slurm: docs/scans.md). */
    public static final int EXIT_CLUSTER = 4;

    @Parameters(index = "0", paramLabel = "SPEC",
            description = "Scan spec: base, grid or points, run, threshold. JSON, or YAML (.yaml, .yml); - reads it from "
                    + "standard input. Keys: docs/config.md. Or a scan directory (one with scan.json): resumes that scan "
                    + "(with --status: reports how far it is).")
    String specFile;

    @CommandLine.Mixin
    ConfigInput input;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Scan directory (created if absent; resumed if it holds this scan; any other non-empty one only with "
                    + "--overwrite). Default: "
                    + "runs/scan-YYYYMMDD-HHMMSS (UTC), printed at the end; give --out to be able to resume.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Local worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the points on Apache Spark at this master URL (local[2], spark://host:7077, ...); "
                    + "needs the scan-spark module on the classpath (./pepita builds it and adds it). Cluster: docs/scans.md.")
    String sparkMaster;

    @Option(names = "--slurm",
            description = "Run the points as one Slurm job array submitted with sbatch (each task runs its share and stores "
                    + "it in DIR, which the nodes must see at the same path, as they must the jar); follows the array and writes "
                    + "the table as a local run does. docs/scans.md, 'Running on a Slurm cluster'.")
    boolean slurm;

    @Option(names = "--partition", paramLabel = "P", description = "With --slurm: the partition (default: the cluster's default).")
    String partition;

    @Option(names = "--time", paramLabel = "T",
            description = "With --slurm: each array task's time limit, in sbatch's syntax (e.g. 30, 2:00:00, 1-00:00:00; default: the "
                    + "partition's).")
    String time;

    @Option(names = "--array-size", paramLabel = "N",
            description = "With --slurm: at most N array tasks, each running every N-th point (default: "
                    + org.forwardonly.scan.slurm.SlurmExecutor.DEFAULT_ARRAY_SIZE + ", at most one per point).")
    Integer arraySize;

    @Option(names = "--no-wait",
            description = "With --slurm: submit the array, print its job id and return; 'pepita scan --status DIR' shows its "
                    + "progress and 'pepita scan DIR' follows it and writes the table.")
    boolean noWait;

    @Option(names = "--slurm-setup", paramLabel = "FILE",
            description = "With --slurm: a shell file each task sources before starting java (e.g. 'module load java/17').")
    Path slurmSetup;

    @Option(names = "--cache", paramLabel = "CACHE",
            description = "A result cache shared by scans (created if absent): a point any scan with this cache computed with "
                    + "the same code and resolved config is copied, not run; the table gets a last column 'cached'. Default: none.")
    Path cache;

    @Option(names = "--status",
            description = "Do not run: report how many points of the scan directory SPEC are stored and where its Slurm arrays are.")
    boolean status;

    @Option(names = "--no-progress", description = "Do not draw the progress bar on stderr.")
    boolean noProgress;

    @Option(names = "--keep-trajectories",
            description = "Also keep each point's trajectory: DIR/trajectories/NNNN/ode|sim/metrics.csv (NNNN the point's index). "
                    + "Local runs only (not with --spark or --slurm); points resumed or taken from --cache keep none.")
    boolean keepTrajectories;

    @Option(names = "--no-plots", description = "Do not draw DIR/scan.png|svg|pdf and the notebook DIR/scan.ipynb.")
    boolean noPlots;

    @CommandLine.Mixin
    OverwriteOption overwrite;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What a scan directory holds while it is only this scan's (see {@link #checkOut}). */
    private static final java.util.Set<String> SCAN_FILES = java.util.Set.of(".lock", "results.jsonl", "scan.json",
            org.forwardonly.scan.slurm.SlurmExecutor.DIR, org.forwardonly.scan.run.KeepingRunner.DIR);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ScanSpec scan;
        PointRunner runner;
        ScanExecutor executor;
        ResultCache resultCache;
        try {
            if (threads != null) checkThreads(threads);
            if (threads != null && sparkMaster != null) throw new ScanSpecException("options '--threads' and '--spark' exclude each other");
            if (slurm && (threads != null || sparkMaster != null)) {
                throw new ScanSpecException("option '--slurm' excludes '--threads' and '--spark' (the array's tasks run one point at a "
                        + "time each)");
            }
            if (!slurm) {
                for (var o : new Object[][] {{"--partition", partition}, {"--time", time}, {"--array-size", arraySize},
                        {"--no-wait", noWait ? true : null}, {"--slurm-setup", slurmSetup}}) {
                    if (o[1] != null) throw new ScanSpecException("option '" + o[0] + "' needs --slurm");
                }
            }
            if (arraySize != null && arraySize < 1) {
                throw new ScanSpecException("option '--array-size': must be a whole number >= 1 (got " + arraySize + ")");
            }
            if (slurmSetup != null && !Files.isRegularFile(slurmSetup)) {
                throw new ScanSpecException("option '--slurm-setup': no file " + slurmSetup);
            }
            Path scanDir = scanDirectory(specFile);
            if (status) {
                if (scanDir == null) throw new ScanSpecException("option '--status': SPEC must be a scan directory (one with scan.json), "
                        + "got " + specFile);
                return status(scanDir);
            }
            if (scanDir != null) {
                if (out != null && !out.toAbsolutePath().normalize().equals(scanDir.toAbsolutePath().normalize())) {
                    throw new ScanSpecException("option '--out': resuming the scan in " + scanDir + " writes there; drop --out " + out);
                }
                out = scanDir;
            }
            if (out == null) out = RunDirectory.defaultOut("scan");
            try {
                scan = ScanSpecParser.parse(scanDir != null ? storedSpec(scanDir) : input.tree(specFile, "scan spec"));
            } catch (ConfigException e) {
                throw new ScanSpecException(e.getMessage());
            }
            if (keepTrajectories && (slurm || sparkMaster != null)) {
                throw new ScanSpecException("option '--keep-trajectories': only for local runs (--threads or the default), "
                        + "not with " + (slurm ? "--slurm" : "--spark") + ", whose workers may not see " + out);
            }
            checkOut(out, overwrite.overwrite);
            runner = EngineRunners.forSpec(scan);
            if (keepTrajectories) runner = new org.forwardonly.scan.run.KeepingRunner(runner, out, scan);
            ScanJob.checkPoints(scan, runner);
            var recorded = threads == null && sparkMaster == null ? SlurmExecutor.recorded(out) : Optional.<SlurmExecutor.Options>empty();
            if (slurm || recorded.isPresent()) {
                SlurmExecutor.Options r = recorded.orElse(new SlurmExecutor.Options(null, null, 0, false, null));
                executor = SlurmExecutor.forScan(out, new SlurmExecutor.Options(partition != null ? partition : r.partition(),
                        time != null ? time : r.time(), arraySize != null ? arraySize : r.arraySize(), noWait,
                        slurmSetup != null ? slurmSetup : r.setup()));
            } else {
                executor = sparkMaster != null ? spark(sparkMaster)
                        : threads != null ? new LocalExecutor(threads) : LocalExecutor.allCores();
            }
            resultCache = cache == null ? null : ResultCache.open(cache, Version.codeVersion());
        } catch (ScanSpecException e) {
            return fail(err, e.getMessage(), PepitaCommand.EXIT_BAD_INPUT);
        }
        ScanJob.Listener progress = noProgress ? ScanJob.Listener.NONE : progressBar(err);
        try (executor) {
            List<String> command = RunDirectory.commandLine(spec);
            long t0 = System.nanoTime();
            ScanJob.Outcome o = ScanJob.run(scan, out, runner, executor, Version.recorded(), command, progress, resultCache);
            PrintWriter stdout = spec.commandLine().getOut();
            if (o.pending() > 0) {
                String job = executor instanceof SlurmExecutor s ? s.submitted().orElse("?") : "?";
                stdout.println("pepita scan: submitted Slurm array " + job + " for " + o.pending() + " point(s) (" + o.resumed()
                        + " resumed, " + o.cached() + " from the cache); 'pepita scan --status " + out + "' shows its progress, "
                        + "'pepita scan " + out + "' follows it and writes the table");
                stdout.flush();
                return 0;
            }
            stdout.println("pepita scan: " + o.total() + " points (" + o.computed() + " computed, "
                    + (resultCache != null ? o.cached() + " from the cache, " : "") + o.resumed()
                    + " resumed), " + o.diverged() + " diverged run(s) -> " + o.table()
                    + (resultCache != null ? String.format(java.util.Locale.ROOT, " in %.1f s", (System.nanoTime() - t0) / 1e9) : ""));
            if (!noPlots) plot(scan, o, String.join(" ", command), err, stdout);
            stdout.flush();
            return 0;
        } catch (ScanSpecException e) {
            return fail(err, e.getMessage(), PepitaCommand.EXIT_BAD_INPUT);
        } catch (PointFailedException e) {
            return fail(err, e.getMessage() + " (finished points are kept in " + out + "; rerun to resume)", PepitaCommand.EXIT_INTERNAL);
        } catch (ExecutorUnavailableException e) {
            String kept = Files.exists(out.resolve(ResultStore.FILE)) ? " (finished points are kept in " + out
                    + "; rerun the same command to resume)" : " (nothing was written)";
            return fail(err, e.getMessage() + kept, EXIT_CLUSTER);
        } catch (java.io.UncheckedIOException e) {
            // DIR's files are not what a scan writes (results.jsonl a directory, a garbage scan.json), or the disk refused
            return fail(err, "cannot use " + out + ": " + e.getMessage() + " (finished points are kept; fix it, or choose"
                    + " another --out)", PepitaCommand.EXIT_BAD_INPUT);
        }
    }

    /** SPEC as a scan directory (a directory holding scan.json), or null if it is a spec file. */
    private static Path scanDirectory(String specFile) {
        if (specFile == null || specFile.equals("-")) return null;
        Path p = Path.of(specFile);
        if (!Files.isDirectory(p)) return null;
        if (!Files.isRegularFile(p.resolve(ScanManifest.FILE))) {
            throw new ScanSpecException("SPEC " + specFile + " is a directory without " + ScanManifest.FILE
                    + "; give a scan spec file or a scan directory");
        }
        return p;
    }

    private static com.fasterxml.jackson.databind.JsonNode storedSpec(Path dir) {
        Path f = dir.resolve(ScanManifest.FILE);
        try {
            var spec = org.forwardonly.config.ConfigParser.mapper().readTree(Files.readString(f)).get("spec");
            if (spec == null || !spec.isObject()) throw new IOException("no 'spec' object");
            return spec;
        } catch (IOException | RuntimeException e) {
            throw new ScanSpecException(f + " is not a scan manifest (" + e.getMessage() + "); give the spec file instead");
        }
    }

    /** --status: the points stored, and each Slurm array with what squeue still lists of it. */
    private int status(Path dir) {
        PrintWriter stdout = spec.commandLine().getOut();
        var manifest = storedSpec(dir);
        int total;
        try {
            total = ScanSpecParser.parse(manifest).size();
        } catch (ConfigException e) {
            throw new ScanSpecException(e.getMessage());
        }
        java.util.Set<Integer> stored = new java.util.HashSet<>();
        int cached = 0;
        Path results = dir.resolve(ResultStore.FILE);
        try {
            if (Files.exists(results)) {
                for (String line : Files.readAllLines(results)) {
                    if (!line.endsWith("}")) continue;   // a torn last line
                    var r = org.forwardonly.scan.run.PointResult.fromJsonLine(line);
                    if (stored.add(r.index()) && r.cached()) cached++;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ScanSpecException("cannot read " + results + ": " + e.getMessage());
        }
        stdout.println(dir + ": " + stored.size() + " of " + total + " points stored" + (cached > 0 ? " (" + cached + " from the cache)"
                : "")
                + (Files.exists(dir.resolve(org.forwardonly.scan.output.ScanTable.FILE)) && stored.size() == total
                ? ", table written" : stored.size() == total ? ", table not written yet (pepita scan " + dir + ")" : ""));
        var arrays = SlurmExecutor.arrays(dir);
        if (!arrays.isEmpty()) {
            SlurmExecutor s = SlurmExecutor.forScan(dir, new SlurmExecutor.Options(null, null, 0, false, null));
            for (var a : arrays.entrySet()) {
                String where;
                try {
                    List<String> tasks = s.tasks(a.getKey());
                    java.util.Map<String, Long> byState = new java.util.TreeMap<>();
                    for (String t : tasks) byState.merge(t.substring(t.indexOf(' ') + 1), 1L, Long::sum);
                    where = tasks.isEmpty() ? "not in the queue any more" : byState.toString().replaceAll("[{}]", "").replace("=", ": ");
                } catch (RuntimeException e) {
                    where = "squeue failed (" + e.getMessage() + ")";
                }
                stdout.println("Slurm array " + a.getKey() + " (" + dir.relativize(a.getValue()) + "): " + where);
            }
        }
        stdout.flush();
        return 0;
    }

    private static void checkThreads(int threads) {
        try {
            ThreadCount.check(threads);
        } catch (org.forwardonly.theory.config.ConfigException e) {
            throw new ScanSpecException(e.getMessage());
        }
    }

    /**
     * DIR must be writable, and absent, empty or this scan's (scan.json, results.jsonl, .lock: a rerun
     * resumes it; a different scan is refused by {@link ScanJob}); anything else only with --overwrite.
     */
    static void checkOut(Path dir, boolean overwrite) {
        try {
            org.forwardonly.plots.catalogue.OutputDirectory.check(dir);
            boolean scanDir = java.nio.file.Files.isRegularFile(dir.resolve("scan.json"));
            if (!scanDir && java.nio.file.Files.isDirectory(dir)) {
                try (var s = java.nio.file.Files.list(dir)) {
                    scanDir = s.allMatch(p -> SCAN_FILES.contains(p.getFileName().toString()));
                }
            }
            // a resume locks DIR as a fresh scan does: a lock file left beside DIR by a killed scan is taken over and
            // removed when this one returns (the hostile trial found it left after a SIGKILL and a resume)
            if (scanDir) org.forwardonly.plots.catalogue.OutputDirectory.lock(dir);
            else org.forwardonly.plots.catalogue.OutputDirectory.checkFresh(dir, overwrite);
        } catch (IllegalArgumentException e) {
            throw new ScanSpecException(e.getMessage());
        } catch (IOException e) {
            throw new ScanSpecException("--out " + dir + ": cannot list it (" + e.getClass().getSimpleName() + ")");
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
            FigureRunner.write("scan", "Final generalisation error of every scan point (" + (specFile.equals("-") ? "standard input"
                    : Path.of(specFile).getFileName()) + ")",
                    figure.get(), Map.of(), Version.recorded(), command, out);
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
