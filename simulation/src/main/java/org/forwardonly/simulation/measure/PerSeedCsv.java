package org.forwardonly.simulation.measure;

import org.forwardonly.theory.trajectory.Trajectory;
import org.forwardonly.theory.trajectory.TrajectoryCsv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every seed's trajectory in one tidy long-form CSV (docs/simulation.md, "Per-seed
 * trajectories"): a header {@code seed,t,<columns>}, then one row per seed and time, seeds in
 * the order given, times increasing within a seed. Numbers as in {@link TrajectoryCsv} (shortest
 * round-tripping decimal), so the same run gives the same bytes whatever the thread count.
 */
public final class PerSeedCsv {
    private PerSeedCsv() {}

    /**
     * Writes {@code file}.
     *
     * @param seeds the seed of each trajectory
     * @param trajectories one per seed, all with the same columns and times
     */
    public static void write(long[] seeds, List<Trajectory> trajectories, Path file) throws IOException {
        if (seeds.length != trajectories.size()) {
            throw new IllegalArgumentException(seeds.length + " seeds but " + trajectories.size() + " trajectories");
        }
        List<String> columns = trajectories.get(0).columns();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("seed,");
            out.write(TrajectoryCsv.header(columns));
            out.write('\n');
            for (int s = 0; s < seeds.length; s++) {
                Trajectory tr = trajectories.get(s);
                if (!tr.columns().equals(columns)) {
                    throw new IllegalArgumentException("seed " + seeds[s] + " has columns " + tr.columns() + ", not " + columns);
                }
                for (int i = 0; i < tr.size(); i++) {
                    out.write(Long.toString(seeds[s]));
                    out.write(',');
                    out.write(TrajectoryCsv.line(tr.times()[i], tr.rows()[i]));
                    out.write('\n');
                }
            }
        }
    }
}
