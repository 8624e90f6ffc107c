package org.forwardonly.scan.slurm;

import org.forwardonly.scan.exec.ExecutorUnavailableException;
import org.forwardonly.scan.exec.ScanExecutor;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpecException;
import org.forwardonly.scan.store.ResultStore;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs a scan's points as one Slurm job array ({@code pepita scan --slurm}): the points to run go
 * to DIR/slurm/array-K/points.jsonl with the serialized point runner, {@code sbatch} submits
 * {@code array-K/task.sh} as N array tasks, and task i runs every N-th point through the same
 * runner and appends it to DIR/results.jsonl ({@link SlurmTask}; the store's file lock lets
 * the tasks append at once). The driver follows the array by reading the points the tasks store
 * and hands each to the scan's sink, so the progress bar, the table and the figure are those of
 * a local run. A task cancelled, requeued or killed with its node loses at most the point it was
 * computing: the store never holds a point twice, and a rerun submits only what is missing.
 * The array's job ids are listed in DIR/slurm/arrays.txt, so that a later run on DIR first
 * follows an array still in the queue instead of computing its points a second time.
 */
public final class SlurmExecutor implements ScanExecutor {

    /** The directory inside the scan directory that holds the arrays' files. */
    public static final String DIR = "slurm";
    /** The file in {@link #DIR} listing every array submitted for this scan: job id, then its directory. */
    public static final String ARRAYS = "arrays.txt";
    /** Array tasks when {@link Options#arraySize()} is 0. */
    public static final int DEFAULT_ARRAY_SIZE = 32;

    /**
     * How to submit.
     *
     * @param partition the partition ({@code sbatch --partition}), or null for the cluster's default
     * @param time      the time limit of each task ({@code sbatch --time}, e.g. {@code 1:00:00}), or null for the partition's
     * @param arraySize at most this many array tasks, ≥ 1; 0 for {@link #DEFAULT_ARRAY_SIZE}
     * @param noWait    submit and return, leaving the points pending (a later run on DIR follows the array)
     * @param setup     a shell file each task sources before starting Java (module loads), or null
     */
    public record Options(String partition, String time, int arraySize, boolean noWait, Path setup) {}

    private final Path dir;
    private final Options options;
    private final String classpath;
    private final String path;
    private final long pollMillis;
    private Path sbatch;
    private String submitted;

    /**
     * @param dir       the scan directory (the tasks must see it at the same path: a shared file system)
     * @param options   how to submit
     * @param classpath the Java class path of the tasks (the jar; it must be where the nodes see it)
     * @param path      the directories searched for sbatch, squeue, sinfo, scontrol (PATH's syntax)
     */
    public SlurmExecutor(Path dir, Options options, String classpath, String path) {
        this.dir = dir.toAbsolutePath().normalize();
        this.options = options;
        this.classpath = Arrays.stream(classpath.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize().toString()).collect(Collectors.joining(java.io.File.pathSeparator));
        this.path = path == null ? "" : path;
        this.pollMillis = Long.getLong("pepita.slurm.pollMillis", 1000);
    }

    /** An executor whose tasks run this JVM's class path, finding Slurm's commands on this process's PATH. */
    public static SlurmExecutor forScan(Path dir, Options options) {
        return new SlurmExecutor(dir, options, System.getProperty("java.class.path"), System.getenv("PATH"));
    }

    /** The job id of the array this executor submitted last, if any. */
    public Optional<String> submitted() {
        return Optional.ofNullable(submitted);
    }

    /**
     * Checks before DIR is touched that Slurm is there and takes the options: sbatch on PATH, the
     * partition exists, sbatch accepts the partition and time limit ({@code sbatch --test-only}).
     * Bad options are {@link ScanSpecException} (one line, exit 2); a controller that does not
     * answer is {@link ExecutorUnavailableException}.
     */
    @Override
    public void start() {
        sbatch = find("sbatch").orElseThrow(() -> new ScanSpecException("option '--slurm': no 'sbatch' on PATH; run pepita on "
                + "a Slurm login node (or put Slurm's commands on PATH, e.g. module load slurm), or drop --slurm to run on "
                + "this machine's cores"));
        if (options.partition() != null) {
            List<String> partitions = partitions();
            if (!partitions.contains(options.partition())) {
                throw new ScanSpecException("option '--partition': Slurm has no partition '" + options.partition()
                        + "' (partitions: " + String.join(", ", partitions) + ")");
            }
        }
        List<String> test = new ArrayList<>(List.of(sbatch.toString(), "--test-only"));
        test.addAll(submitOptions());
        test.add("--wrap=true");
        Result r = run(test);
        if (r.exit != 0) throw refusal(r);
    }

    /** sbatch's refusal: options it rejects are bad input, anything else is Slurm not answering. */
    private RuntimeException refusal(Result r) {
        String why = r.errorLine();
        String lower = why.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("time")) {
            return new ScanSpecException("option '--time': sbatch refused " + options.time() + ": " + why);
        }
        if (lower.contains("invalid") || lower.contains("partition") || lower.contains("limit")) {
            return new ScanSpecException("option '--slurm': sbatch refused the array" + describeOptions() + ": " + why);
        }
        return new ExecutorUnavailableException("cannot submit to Slurm (" + why + "); is slurmctld running? sinfo says "
                + "whether the cluster answers");
    }

    private String describeOptions() {
        StringBuilder sb = new StringBuilder();
        if (options.partition() != null) sb.append(" --partition ").append(options.partition());
        if (options.time() != null) sb.append(" --time ").append(options.time());
        return sb.length() == 0 ? "" : " (" + sb.substring(1) + ")";
    }

    private List<String> partitions() {
        Result r = run(List.of(command("sinfo"), "-h", "-o", "%R"));
        if (r.exit != 0) {
            throw new ExecutorUnavailableException("cannot list Slurm's partitions (sinfo: " + r.errorLine() + "); is slurmctld running?");
        }
        return r.out.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private List<String> submitOptions() {
        List<String> o = new ArrayList<>();
        if (options.partition() != null) o.add("--partition=" + options.partition());
        if (options.time() != null) o.add("--time=" + options.time());
        return o;
    }

    @Override
    public void execute(List<ScanPoint> points, PointRunner runner, Consumer<PointResult> sink) {
        if (sbatch == null) start();
        Set<Integer> want = new HashSet<>();
        for (ScanPoint p : points) want.add(p.index());
        Follower follower = new Follower(want, sink);
        // an array a --no-wait run (or a driver that was killed) left in the queue computes its points; follow it first
        for (Map.Entry<String, Path> a : arrays().entrySet()) {
            if (!want.isEmpty() && queued(a.getKey())) follower.follow(a.getKey(), a.getValue(), false);
        }
        follower.read();
        if (want.isEmpty()) return;
        List<ScanPoint> todo = points.stream().filter(p -> want.contains(p.index())).toList();
        Path arrayDir = prepare(todo, runner);
        int tasks = Math.min(todo.size(), options.arraySize() > 0 ? options.arraySize() : DEFAULT_ARRAY_SIZE);
        String job = submit(arrayDir, todo.size(), tasks);
        if (options.noWait()) return;
        follower.follow(job, arrayDir, true);
    }

    /** Writes DIR/slurm/array-K: the runner, the points, the task script. */
    private Path prepare(List<ScanPoint> todo, PointRunner runner) {
        try {
            Path slurm = dir.resolve(DIR);
            Files.createDirectories(slurm);
            int k = 0;
            while (Files.exists(slurm.resolve("array-" + k))) k++;
            Path a = Files.createDirectories(slurm.resolve("array-" + k));
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(a.resolve(SlurmTask.RUNNER)))) {
                out.writeObject(runner);
            }
            StringBuilder sb = new StringBuilder();
            for (ScanPoint p : todo) sb.append(p.toJson()).append('\n');
            Files.writeString(a.resolve(SlurmTask.POINTS), sb.toString());
            String script = "#!/bin/bash\n"
                    + "# one task of a pepita scan's Slurm array (written by pepita scan --slurm; docs/scans.md)\n"
                    + (options.setup() == null ? "" : ". " + quote(options.setup().toAbsolutePath().toString()) + "\n")
                    + "exec java ${PEPITA_JAVA_OPTS:-} -Djava.awt.headless=true -cp " + quote(classpath) + " "
                    + SlurmTask.class.getName() + " " + quote(dir.toString()) + " " + quote(a.toString())
                    + " \"$SLURM_ARRAY_TASK_ID\" \"$SLURM_ARRAY_TASK_COUNT\"\n";
            Path sh = a.resolve("task.sh");
            Files.writeString(sh, script);
            sh.toFile().setExecutable(true);
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Slurm array's files in " + dir.resolve(DIR) + ": " + e.getMessage(), e);
        }
    }

    private String submit(Path arrayDir, int points, int tasks) {
        List<String> cmd = new ArrayList<>(List.of(sbatch.toString(), "--parsable", "--array=0-" + (tasks - 1),
                "--job-name=pepita-scan", "--output=" + arrayDir.resolve("task-%a.log"), "--chdir=" + dir));
        cmd.addAll(submitOptions());
        cmd.add(arrayDir.resolve("task.sh").toString());
        Result r = run(cmd);
        if (r.exit != 0) throw refusal(r);
        String job = r.out.strip().split(";")[0];   // --parsable: "jobid" or "jobid;cluster"
        try {
            Files.writeString(dir.resolve(DIR).resolve(ARRAYS), job + " " + arrayDir.getFileName() + " " + tasks + " tasks, "
                    + points + " points\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(DIR).resolve(ARRAYS) + ": " + e.getMessage(), e);
        }
        submitted = job;
        record();
        return job;
    }

    /** The file in {@link #DIR} with the options of the last submission, for a resume without them. */
    public static final String OPTIONS = "options.json";

    private void record() {
        var o = org.forwardonly.config.ConfigParser.mapper().createObjectNode();
        if (options.partition() != null) o.put("partition", options.partition());
        if (options.time() != null) o.put("time", options.time());
        if (options.arraySize() > 0) o.put("arraySize", options.arraySize());
        if (options.setup() != null) o.put("setup", options.setup().toAbsolutePath().toString());
        try {
            Files.writeString(dir.resolve(DIR).resolve(OPTIONS), o.toString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(DIR).resolve(OPTIONS) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The options the scan in DIR was last submitted with (partition, time, array size, setup; not
     * --no-wait), if it ran on Slurm: a resume ({@code pepita scan DIR}) submits the rest the same way.
     */
    public static Optional<Options> recorded(Path scanDir) {
        Path f = scanDir.resolve(DIR).resolve(OPTIONS);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            var o = org.forwardonly.config.ConfigParser.mapper().readTree(Files.readString(f));
            return Optional.of(new Options(o.path("partition").asText(null), o.path("time").asText(null),
                    o.path("arraySize").asInt(0), false, o.hasNonNull("setup") ? Path.of(o.get("setup").asText()) : null));
        } catch (IOException | RuntimeException e) {
            throw new ScanSpecException("scan: " + f + " is damaged (" + e.getClass().getSimpleName() + "); delete it and give "
                    + "--slurm with its options again");
        }
    }

    /** The arrays submitted for the scan in DIR, oldest first: job id → its directory. */
    public static Map<String, Path> arrays(Path scanDir) {
        Map<String, Path> m = new LinkedHashMap<>();
        Path f = scanDir.resolve(DIR).resolve(ARRAYS);
        if (!Files.isRegularFile(f)) return m;
        try {
            for (String line : Files.readAllLines(f)) {
                String[] w = line.strip().split("\\s+");
                if (w.length >= 2) m.put(w[0], scanDir.resolve(DIR).resolve(w[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        return m;
    }

    private Map<String, Path> arrays() {
        return arrays(dir);
    }

    /** True while some task of the job is pending or running (squeue lists it). */
    public boolean queued(String job) {
        return !tasks(job).isEmpty();
    }

    /**
     * The job's tasks squeue lists (id and state, e.g. {@code 12_3 RUNNING}); empty when the
     * array has left the queue. Retries a controller that does not answer for 120 s.
     */
    public List<String> tasks(String job) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("pepita.slurm.controllerTimeout", 120));
        while (true) {
            Result r = run(List.of(command("squeue"), "-h", "-r", "-j", job, "-o", "%i %T"));
            if (r.exit == 0) return r.out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (r.err.contains("Invalid job id")) return List.of();   // gone from the controller's memory
            if (r.exit == 127) throw new ExecutorUnavailableException("cannot run squeue (" + r.errorLine() + "); is Slurm on PATH?");
            if (System.nanoTime() > deadline) {
                throw new ExecutorUnavailableException("lost contact with the Slurm controller (squeue: " + r.errorLine()
                        + "); the array " + job + " may still be running: pepita scan --status " + dir + " says, and rerunning the "
                        + "same command resumes");
            }
            sleep(Math.max(pollMillis, 1000));
        }
    }

    /** Reads what the tasks store and hands the wanted points to the sink, on the calling thread. */
    private final class Follower {
        private final Set<Integer> want;
        private final Consumer<PointResult> sink;
        private long pos;

        Follower(Set<Integer> want, Consumer<PointResult> sink) {
            this.want = want;
            this.sink = sink;
        }

        /** New whole lines of results.jsonl (a torn last line is left for later). */
        void read() {
            Path f = dir.resolve(ResultStore.FILE);
            try {
                if (!Files.exists(f)) return;
                byte[] b;
                try (var ch = java.nio.channels.FileChannel.open(f)) {
                    long size = ch.size();
                    if (size <= pos) return;
                    var buf = java.nio.ByteBuffer.allocate(Math.toIntExact(size - pos));
                    while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) > 0) {
                        // read the new bytes whole
                    }
                    b = Arrays.copyOf(buf.array(), buf.position());
                }
                int end = b.length;
                while (end > 0 && b[end - 1] != '\n') end--;
                pos += end;
                for (String line : new String(b, 0, end, StandardCharsets.UTF_8).split("\n")) {
                    if (line.isEmpty()) continue;
                    PointResult r = PointResult.fromJsonLine(line);
                    if (want.remove(r.index())) sink.accept(r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }

        /** Until every wanted point is stored or the array leaves the queue; then missing points are a failure if asked. */
        void follow(String job, Path arrayDir, boolean failIfMissing) {
            while (true) {
                read();
                if (want.isEmpty()) return;
                if (!queued(job)) break;
                sleep(pollMillis);
            }
            read();
            if (want.isEmpty() || !failIfMissing) return;
            throw new ExecutorUnavailableException("the Slurm array " + job + " ended with " + want.size() + " point(s) not stored"
                    + ended(job, arrayDir));   // the cli adds that finished points are kept and a rerun resumes
        }
    }

    /** What scontrol still knows of the array's tasks that did not complete, and the last line of the first one's log. */
    private String ended(String job, Path arrayDir) {
        Result r = run(List.of(command("scontrol"), "-o", "show", "job", job));
        List<String> bad = new ArrayList<>();
        String firstLog = null;
        if (r.exit == 0) {
            for (String line : r.out.lines().toList()) {
                String task = field(line, "ArrayTaskId");
                String state = field(line, "JobState");
                if (task != null && state != null && !state.equals("COMPLETED")) {
                    bad.add("task " + task + " " + state);
                    if (firstLog == null) firstLog = arrayDir.resolve("task-" + task + ".log").toString();
                }
            }
        }
        StringBuilder sb = new StringBuilder(" (");
        sb.append(bad.isEmpty() ? "a task was cancelled, failed, ran out of time, or its node died" : String.join(", ", bad));
        if (firstLog != null) {
            String last = lastLine(Path.of(firstLog));
            sb.append("; ").append(firstLog).append(last.isEmpty() ? "" : " ends: " + last);
        } else {
            sb.append("; the tasks' logs are ").append(arrayDir.resolve("task-*.log"));
        }
        return sb.append(')').toString();
    }

    private static String field(String line, String key) {
        for (String w : line.split("\\s+")) if (w.startsWith(key + "=")) return w.substring(key.length() + 1);
        return null;
    }

    private static String lastLine(Path f) {
        try {
            List<String> lines = Files.readAllLines(f).stream().filter(s -> !s.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public String describe() {
        int n = options.arraySize() > 0 ? options.arraySize() : DEFAULT_ARRAY_SIZE;
        return "a Slurm array of up to " + n + " task" + (n == 1 ? "" : "s")
                + (options.partition() == null ? "" : " (partition " + options.partition() + ")");
    }

    private Optional<Path> find(String name) {
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** sbatch's siblings first (one Slurm installation), then PATH. */
    private String command(String name) {
        if (sbatch != null) {
            Path p = sbatch.resolveSibling(name);
            if (Files.isExecutable(p)) return p.toString();
        }
        return find(name).map(Path::toString).orElse(name);
    }

    private record Result(int exit, String out, String err) {
        /** The line that says why: the last "error:" line of stderr, else its last line. */
        String errorLine() {
            List<String> lines = err.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            String pick = null;
            for (String l : lines) if (l.contains("error:")) pick = l;
            if (pick == null) pick = lines.isEmpty() ? "exit code " + exit : lines.get(lines.size() - 1);
            return pick.replaceFirst("^[a-z]+: error: ", "");
        }
    }

    private static Result run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            String err = readAll(p.getErrorStream());
            int exit = p.waitFor();
            return new Result(exit, out.join(), err);
        } catch (IOException e) {
            return new Result(127, "", cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        }
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
