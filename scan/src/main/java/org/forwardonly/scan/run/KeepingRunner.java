package org.forwardonly.scan.run;

import org.forwardonly.scan.metrics.PointSummary;
import org.forwardonly.scan.spec.ScanPoint;
import org.forwardonly.scan.spec.ScanSpec;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.config.ExperimentConfig;
import org.forwardonly.theory.trajectory.TrajectoryCsv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * {@code scan --keep-trajectories}: runs each point with the wrapped runner and writes every engine's
 * trajectory to {@code DIR/trajectories/NNNN/ENGINE/metrics.csv} (NNNN the point's index in scan.csv, ENGINE
 * {@code ode} or {@code sim}), written to a temporary name and moved into place, so a file there is whole.
 * Points are found by their resolved config (the runner is handed the config only). The directory must be on a
 * disk the runner's threads can write: the local executor's (docs/scans.md).
 */
public final class KeepingRunner implements PointRunner {
    private static final long serialVersionUID = 1L;
    /** The folder under the scan directory. */
    public static final String DIR = "trajectories";
    private final PointRunner inner;
    private final String dir;
    private final HashMap<String, Integer> indexOfConfig = new HashMap<>();

    /**
     * @param inner the runner of the points
     * @param scanDir the scan's output directory
     * @param spec the scan, to know each point's index from its config
     */
    public KeepingRunner(PointRunner inner, Path scanDir, ScanSpec spec) {
        this.inner = inner;
        this.dir = scanDir.resolve(DIR).toString();
        for (ScanPoint p : spec.points()) indexOfConfig.putIfAbsent(key(ConfigParser.parse(p.config())), p.index());
    }

    private static String key(ExperimentConfig config) {
        return ConfigParser.toJson(config).toString();
    }

    /** Where a point's engine's metrics.csv goes. */
    public static Path file(Path scanDir, int index, String engine) {
        return scanDir.resolve(DIR).resolve(String.format(Locale.ROOT, "%04d", index)).resolve(engine).resolve("metrics.csv");
    }

    @Override
    public void check(ExperimentConfig config) {
        inner.check(config);
    }

    @Override
    public List<PointSummary> run(ExperimentConfig config) {
        Integer index = indexOfConfig.get(key(config));
        if (index == null) throw new IllegalStateException("no point of the scan has this config: " + key(config));
        return inner.run(config, (engine, trajectory) -> {
            Path file = file(Path.of(dir).getParent(), index, engine);
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling("metrics.csv.tmp");
                TrajectoryCsv.write(trajectory, tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }
}
