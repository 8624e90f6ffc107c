package org.forwardonly.scan.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.scan.run.PointResult;
import org.forwardonly.scan.run.PointRunner;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.scan.spec.ScanSpecParser;
import org.forwardonly.scan.store.ResultStore;
import org.forwardonly.scan.store.ScanManifest;
import org.forwardonly.config.ConfigParser;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One task of a scan's Slurm array ({@code java -cp JAR org.forwardonly.scan.slurm.SlurmTask DIR
 * ARRAYDIR TASK COUNT}, written into ARRAYDIR/task.sh by {@link SlurmExecutor}): reads the spec
 * from DIR/scan.json, the runner and the array's points from ARRAYDIR, and runs points TASK,
 * TASK + COUNT, TASK + 2·COUNT, ... through the runner, appending each to DIR/results.jsonl. A
 * point some process stored already (a requeued task's earlier run, a resumed scan) is skipped,
 * so a task can be killed, requeued or rerun at any moment. Exit 0 when its points are stored,
 * 1 when a point's run failed, 2 on bad arguments or files (one line on stderr, in the task's log).
 */
public final class SlurmTask {

    /** The serialized point runner in an array's directory. */
    public static final String RUNNER = "runner.ser";
    /** The array's points, one {@link ScanPoint#toJson()} line each. */
    public static final String POINTS = "points.jsonl";

    private SlurmTask() {}

    /** Runs the task; exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The task without exiting: its exit code (0, 1 or 2, as above). */
    public static int run(String[] args) {
        if (args.length != 4) {
            System.err.println("pepita scan task: usage: SlurmTask DIR ARRAYDIR TASK COUNT (got " + args.length + " arguments)");
            return 2;
        }
        Path dir = Path.of(args[0]);
        Path arrayDir = Path.of(args[1]);
        int task;
        int count;
        ScanSpec spec;
        PointRunner runner;
        List<ScanPoint> points = new ArrayList<>();
        try {
            task = Integer.parseInt(args[2]);
            count = Integer.parseInt(args[3]);
            if (task < 0 || count < 1 || task >= count) throw new NumberFormatException("task " + task + " of " + count);
            JsonNode manifest = ConfigParser.mapper().readTree(Files.readString(dir.resolve(ScanManifest.FILE)));
            spec = ScanSpecParser.parse(manifest.get("spec"));
            if (!spec.hash().equals(manifest.path("specHash").asText())) {
                throw new IllegalArgumentException("the spec in " + dir.resolve(ScanManifest.FILE) + " does not match its hash");
            }
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(arrayDir.resolve(RUNNER)))) {
                runner = (PointRunner) in.readObject();
            }
            List<String> lines = Files.readAllLines(arrayDir.resolve(POINTS));
            for (int j = task; j < lines.size(); j += count) points.add(ScanPoint.fromJson(lines.get(j)));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            System.err.println("pepita scan task: cannot start task " + args[2] + " of " + args[3] + " for " + dir + ": " + e);
            return 2;
        }
        int stored = 0;
        int skipped = 0;
        try (ResultStore store = ResultStore.open(dir, spec)) {
            for (ScanPoint p : points) {
                store.refresh();
                if (store.isDone(p.index())) {
                    skipped++;
                    continue;
                }
                if (store.append(PointResult.compute(p, runner))) stored++;
                else skipped++;
            }
        } catch (RuntimeException e) {
            System.err.println("pepita scan task: " + e.getMessage());
            return 1;
        }
        System.err.println("pepita scan task " + task + " of " + count + ": " + points.size() + " point(s): " + stored
                + " computed and stored, " + skipped + " already stored");
        return 0;
    }
}
