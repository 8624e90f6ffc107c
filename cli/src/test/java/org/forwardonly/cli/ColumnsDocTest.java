package org.forwardonly.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every column that ode, simulate (with --per-seed), compare and scan write has a row in docs/columns.md, and is
 * snake_case (but for the swept config keys of scan.csv), and no cell is empty (missing values
 * are NaN).
 */
class ColumnsDocTest {
    @TempDir
    Path tmp;

    /** The documented column patterns: the first cell of every table row, as a regex. */
    static List<Pattern> documented() throws IOException {
        List<String> names = new ArrayList<>();
        for (String l : Files.readAllLines(Path.of("..", "docs", "columns.md"))) {
            Matcher m = Pattern.compile("^\\| `([^`]+)` \\|").matcher(l);
            if (m.find()) names.add(m.group(1));
        }
        List<String> base = new ArrayList<>();
        for (String n : names) if (!n.contains("<")) base.add(indexed(n));
        String col = "(?:" + String.join("|", base) + ")";
        List<Pattern> out = new ArrayList<>();
        for (String n : names) {
            // <key> (a swept config key) is checked against the spec, not here
            if (!n.equals("<key>")) out.add(Pattern.compile(indexed(n).replace("<col>", col)));
        }
        return out;
    }

    /** Q_k_l → Q_\d+_\d+ (k, l, m are 1-based indices). */
    static String indexed(String name) {
        return name.replaceAll("_(k|l|m)(?=_|$)", "_\\\\d+");
    }

    static void check(Path csv, List<String> sweptKeys) throws IOException {
        List<Pattern> patterns = documented();
        List<String> lines = Files.readAllLines(csv);
        for (String column : lines.get(0).split(",")) {
            if (sweptKeys.contains(column)) continue;
            assertTrue(patterns.stream().anyMatch(p -> p.matcher(column).matches()),
                    csv.getFileName() + ": column '" + column + "' has no row in docs/columns.md");
            assertTrue(column.matches("[A-Za-z0-9]+(_[a-z0-9]+)*") && !column.matches(".*[a-z][A-Z].*"),
                    csv.getFileName() + ": column '" + column + "' is not snake_case");
        }
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            assertFalse(l.startsWith(",") || l.endsWith(",") || l.contains(",,"),
                    csv.getFileName() + ":" + (i + 1) + " has an empty cell (missing values are NaN): " + l);
        }
    }

    static void ok(OdeCommandTest.Run r) {
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void everyColumnOfEveryCommandIsDocumented() throws Exception {
        // afa: the order parameters with c, d, P; nine seeds (compare needs them at alpha 0.01), testSize 0 (then no eps_test column)
        Path config = Files.writeString(tmp.resolve("afa.json"), "{\"rule\": \"afa\", \"K\": 2, \"M\": 1, \"N\": 200, "
                + "\"seeds\": 9, \"tMax\": 1, \"nTimes\": 4, \"sigmaF\": 0.5}");
        ok(OdeCommandTest.run("ode", config.toString(), "--out", tmp.resolve("ode").toString(), "--no-progress"));
        check(tmp.resolve("ode/metrics.csv"), List.of());
        ok(OdeCommandTest.run("simulate", config.toString(), "--out", tmp.resolve("sim").toString(), "--no-progress", "--per-seed"));
        check(tmp.resolve("sim/metrics.csv"), List.of());
        check(tmp.resolve("sim/per_seed.csv"), List.of());
        ok(OdeCommandTest.run("compare", config.toString(), "--out", tmp.resolve("cmp").toString(), "--no-progress"));
        check(tmp.resolve("cmp/compare.csv"), List.of());
        check(tmp.resolve("cmp/extrapolated.csv"), List.of());
        check(tmp.resolve("cmp/metrics.csv"), List.of());
        Path spec = Files.writeString(tmp.resolve("spec.json"), "{\"base\": {\"rule\": \"bp\", \"K\": 1, \"M\": 1, \"tMax\": 5, "
                + "\"nTimes\": 6, \"N\": 100, \"seeds\": 2}, \"grid\": {\"sigmaF\": [0.1], \"eta\": [1, 50]}, \"run\": \"both\"}");
        ok(OdeCommandTest.run("scan", spec.toString(), "--out", tmp.resolve("scan").toString(), "--no-progress", "--no-plots"));
        check(tmp.resolve("scan/scan.csv"), List.of("sigmaF", "eta"));
        ok(OdeCommandTest.run("scan", spec.toString(), "--out", tmp.resolve("cached").toString(), "--no-progress", "--no-plots",
                "--cache", tmp.resolve("cache").toString()));
        check(tmp.resolve("cached/scan.csv"), List.of("sigmaF", "eta"));
    }
}
