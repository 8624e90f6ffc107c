package org.forwardonly.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a hostile user tries (issue 14), in-process: every bad input is one line on stderr naming
 * what is wrong, exit 2, nothing written; a non-empty DIR is refused without --overwrite and its
 * files are never deleted; an unexpected failure is one line and exit 1 (docs/reliability.md).
 */
class HostileInputTest {
    static final String B = "\"rule\":\"bp\",\"K\":2,\"M\":2,\"tMax\":5,\"nTimes\":10";

    @TempDir
    Path tmp;

    static OdeCommandTest.Run run(String... args) {
        return OdeCommandTest.run(args);
    }

    Path file(String name, byte[] content) throws Exception {
        return Files.write(tmp.resolve(name), content);
    }

    /** Exit 2, exactly one line on stderr containing {@code names}, nothing on stdout, nothing new in tmp/out. */
    static void badInput(OdeCommandTest.Run r, String names, Path out) {
        assertEquals(2, r.exit(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertTrue(err.contains(names), "names " + names + ": " + err);
        if (out != null) assertFalse(Files.exists(out), "nothing written: " + out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "two objects         | {" + B + "} {\"rule\":\"fa\"}                           | more text after the JSON object",
            "trailing text       | {" + B + "} trailing                                    | JSON",
            "duplicate key       | {" + B + ",\"K\":3}                                     | key 'K' appears twice",
            "seed 1e20           | {" + B + ",\"seed\":1e20}                               | key 'seed'",
            "seed past long      | {" + B + ",\"seed\":100000000000000000000}              | key 'seed'",
            "seed 2.5            | {" + B + ",\"seed\":2.5}                                | key 'seed'",
            "K = M = 2000        | {\"rule\":\"bp\",\"K\":2000,\"M\":2000,\"tMax\":5}       | key 'K'",
            "tMax 1e300          | {\"rule\":\"bp\",\"K\":2,\"M\":2,\"tMax\":1e300}          | key 'tMax'",
            "euler dt 1e-300     | {" + B + ",\"integrator\":\"euler\",\"dt\":1e-300}      | key 'dt'",
            "rk4 dt 1e-12        | {" + B + ",\"integrator\":\"rk4\",\"dt\":1e-12}         | key 'dt'",
            "modulationSign 2    | {" + B + ",\"modulationSign\":2}                        | key 'modulationSign': must be -1 or +1 (got "
                    + "2)",
            "modulationSign 0    | {" + B + ",\"modulationSign\":0}                        | key 'modulationSign': must be -1 or +1 (got "
                    + "0)",
            "mirroring r         | {\"rule\":\"pepita\",\"K\":2,\"M\":2,\"mirroring\":{\"r\":0}}   | key 'mirroring.r'",
            "mirroring a         | {\"rule\":\"pepita\",\"K\":2,\"M\":2,\"mirroring\":{\"a\":-1}}  | key 'mirroring.a'",
    })
    void badConfigIsOneLineNamingTheKey(String what, String json, String names) throws Exception {
        Path out = tmp.resolve("out");
        badInput(run("ode", file("c.json", json.strip().getBytes()).toString(), "--out", out.toString()), names.strip(), out);
    }

    @Test
    void unreadableConfigsSayWhy() throws Exception {
        Path out = tmp.resolve("out");
        badInput(run("ode", tmp.resolve("nope.json").toString(), "--out", out.toString()), "no such file", out);
        badInput(run("ode", tmp.toString(), "--out", out.toString()), "is a directory", out);
        byte[] utf16 = ("{" + B + "}").getBytes(java.nio.charset.StandardCharsets.UTF_16);
        badInput(run("ode", file("u16.json", utf16).toString(), "--out", out.toString()), "UTF-16", out);
        byte[] binary = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        badInput(run("ode", file("bin.json", binary).toString(), "--out", out.toString()), "not a text file", out);
        byte[] latin1 = "{\"rule\":\"b\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        badInput(run("ode", file("latin1.json", latin1).toString(), "--out", out.toString()), "not UTF-8", out);
    }

    @Test
    void scanSpecsAreReadAsStrictlyAsConfigs() throws Exception {
        Path out = tmp.resolve("scan");
        String spec = "{\"base\":{" + B + "},\"grid\":{\"eta\":[0.5,1]}}";
        badInput(run("scan", file("s1.json", (spec + spec).getBytes()).toString(), "--out", out.toString()),
                "more text after the JSON object", out);
        badInput(run("scan", file("s2.json", spec.replace("\"grid\"", "\"base\":{},\"grid\"").getBytes()).toString(),
                "--out", out.toString()), "key 'base' appears twice", out);
        // 4000 x 2000 points: about 24 GB of points, more than the test JVM has
        StringBuilder eta = new StringBuilder(), sigma = new StringBuilder();
        for (int i = 1; i <= 4000; i++) eta.append(i == 1 ? "" : ",").append(i * 1e-3);
        for (int i = 1; i <= 2000; i++) sigma.append(i == 1 ? "" : ",").append(i * 1e-3);
        String big = "{\"base\":{" + B + "},\"grid\":{\"eta\":[" + eta + "],\"sigma\":[" + sigma + "]}}";
        badInput(run("scan", file("big.json", big.getBytes()).toString(), "--out", out.toString()), "PEPITA_JAVA_OPTS", out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ode", "simulate", "compare", "scan", "figure", "reproduce", "train-images"})
    void tooManyThreadsIsOneLine(String command) throws Exception {
        Path out = tmp.resolve("out");
        Path cfg = file("c.json", ("{" + B + ",\"N\":50,\"seeds\":9}").getBytes());
        Path spec = file("s.json", ("{\"base\":{" + B + "},\"grid\":{\"eta\":[0.5,1]}}").getBytes());
        List<String> args = new ArrayList<>(List.of(command));
        switch (command) {
            case "ode", "simulate", "compare" -> args.add(cfg.toString());
            case "scan" -> args.add(spec.toString());
            case "figure" -> args.addAll(List.of("learning-curves", "--quick"));
            default -> { }
        }
        args.addAll(List.of("--out", out.toString(), "--threads", "100000"));
        badInput(run(args.toArray(String[]::new)), "'--threads'", out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ode", "simulate", "compare", "scan", "figure", "reproduce", "train-images"})
    void aNonEmptyDirIsRefusedWithoutOverwriteAndKeptIntact(String command) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("thesis.tex"), "precious");
        Path cfg = file("c.json", ("{" + B + ",\"N\":50,\"seeds\":9}").getBytes());
        Path spec = file("s.json", ("{\"base\":{" + B + "},\"grid\":{\"eta\":[0.5,1]}}").getBytes());
        List<String> args = new ArrayList<>(List.of(command));
        switch (command) {
            case "ode", "simulate", "compare" -> args.add(cfg.toString());
            case "scan" -> args.add(spec.toString());
            case "figure" -> args.addAll(List.of("learning-curves", "--quick"));
            default -> { }
        }
        args.addAll(List.of("--out", out.toString()));
        OdeCommandTest.Run r = run(args.toArray(String[]::new));
        badInput(r, "--overwrite", null);
        assertTrue(r.err().contains("not empty"), r.err());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("thesis.tex"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().contains(".partial-")).count(), "no staging left");
        }
    }

    @Test
    void overwriteReplacesOnlyWhatTheRunWrites() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Path cfg = file("c.json", ("{" + B + "}").getBytes());
        assertEquals(0, run("ode", cfg.toString(), "--out", out.toString(), "--overwrite", "--no-progress").exit());
        Files.writeString(out.resolve("metrics.csv"), "t,eps_g\n0,1\n"); // changed by hand: no longer pepita's
        // issue 27: --overwrite replaces only files DIR's manifest proves pepita wrote and nobody changed
        badInput(run("ode", cfg.toString(), "--out", out.toString(), "--overwrite", "--no-progress"),
                "metrics.csv was not written by pepita", null);
        assertEquals("t,eps_g\n0,1\n", Files.readString(out.resolve("metrics.csv")));
        Files.delete(out.resolve("metrics.csv"));
        String before = Files.readString(out.resolve("config.json"));
        OdeCommandTest.Run r = run("ode", cfg.toString(), "--out", out.toString(), "--overwrite", "--no-progress", "--set", "eta=0.5");
        assertEquals(0, r.exit(), r.err());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.readString(out.resolve("metrics.csv")).startsWith("t,eps_g,"));
        assertFalse(before.equals(Files.readString(out.resolve("config.json"))), "the earlier run's config.json replaced");
    }

    @Test
    void overwriteWithoutPerSeedKeepsAUsersPerSeedCsv() throws Exception {
        // issue 27: echo mine > y/per_seed.csv; pepita simulate a.json --out y --overwrite deleted it
        Path y = Files.createDirectories(tmp.resolve("y"));
        Files.writeString(y.resolve("per_seed.csv"), "mine\n");
        Path cfg = file("a.json", ("{" + B + ",\"N\":50,\"seeds\":9}").getBytes());
        for (String command : List.of("simulate", "compare")) {
            badInput(run(command, cfg.toString(), "--out", y.toString(), "--overwrite", "--no-progress"),
                    "per_seed.csv was not written by pepita", null);
            assertEquals("mine\n", Files.readString(y.resolve("per_seed.csv")));
            try (Stream<Path> s = Files.list(y)) {
                assertEquals(List.of("per_seed.csv"), s.map(p -> p.getFileName().toString()).toList(), "nothing moved in");
            }
        }
        // refused before the run, not after it (hostile trial: the run went to the end, its progress lines before the
        // refusal): a config that diverges once it runs (exit 3) is refused for the file (exit 2)
        Path diverging = file("d.json", ("{\"rule\":\"bp\",\"K\":2,\"M\":2,\"N\":50,\"seeds\":9,\"eta\":1000,\"tMax\":5}").getBytes());
        assertEquals(3, run("simulate", diverging.toString(), "--out", tmp.resolve("fresh").toString(), "--no-progress").exit());
        for (String command : List.of("simulate", "compare")) {
            badInput(run(command, diverging.toString(), "--out", y.toString(), "--overwrite", "--no-progress"),
                    "per_seed.csv was not written by pepita", null);
        }
        // pepita's own per_seed.csv, unchanged, is removed by a run without --per-seed (it would misdescribe it)
        Path z = tmp.resolve("z");
        assertEquals(0, run("simulate", cfg.toString(), "--out", z.toString(), "--per-seed", "--no-progress").exit());
        assertTrue(Files.exists(z.resolve("per_seed.csv")));
        assertEquals(0, run("simulate", cfg.toString(), "--out", z.toString(), "--overwrite", "--no-progress").exit());
        assertFalse(Files.exists(z.resolve("per_seed.csv")));
    }

    @Test
    void usersDirectoriesWithStagingLikeNamesAreKept() throws Exception {
        // issue 27: .o.tmp-1234567890/thesis.tex and .o.partial-99999999-1234567890/ beside --out o were removed
        Path thesis = Files.createDirectories(tmp.resolve(".o.tmp-1234567890"));
        Files.writeString(thesis.resolve("thesis.tex"), "precious");
        Path mimic = Files.createDirectories(tmp.resolve(".o.partial-99999999-1234567890"));
        Files.writeString(mimic.resolve("notes.txt"), "mine");
        Path cfg = file("c.json", ("{" + B + "}").getBytes());
        assertEquals(0, run("ode", cfg.toString(), "--out", tmp.resolve("o").toString(), "--no-progress").exit());
        assertEquals("precious", Files.readString(thesis.resolve("thesis.tex")));
        assertEquals("mine", Files.readString(mimic.resolve("notes.txt")));
    }

    @org.junit.jupiter.api.RepeatedTest(10)
    void twoConcurrentWritersIntoOneDirExactlyOneSucceeds() throws Exception {
        // issue 27: ode big.json --out x & sleep 3; ode short.json --out x: both exit 0, x holds one run
        Path x = tmp.resolve("x");
        Path big = file("big.json", ("{\"rule\":\"bp\",\"K\":2,\"M\":2,\"tMax\":500,\"nTimes\":50,"
                + "\"integrator\":\"rk4\",\"dt\":0.01}").getBytes());
        Path small = file("short.json", ("{" + B + "}").getBytes());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> run("ode", big.toString(), "--out", x.toString(), "--no-progress"));
            var b = pool.submit(() -> run("ode", small.toString(), "--out", x.toString(), "--no-progress"));
            OdeCommandTest.Run ra = a.get(), rb = b.get();
            List<Integer> exits = new ArrayList<>(List.of(ra.exit(), rb.exit()));
            java.util.Collections.sort(exits);
            assertEquals(List.of(0, 2), exits, ra.err() + " | " + rb.err());
            OdeCommandTest.Run loser = ra.exit() == 2 ? ra : rb, winner = ra.exit() == 0 ? ra : rb;
            assertEquals(1, loser.err().strip().lines().count(), loser.err());
            assertTrue(loser.err().contains("is writing into it") || loser.err().contains("not empty"), loser.err());
            // DIR holds one complete run: the winner's config with its own metrics, nothing of the other
            String config = Files.readString(x.resolve("config.json"));
            boolean bigWon = winner == ra;
            assertEquals(bigWon, config.contains("big.json"), config);
            long rows = Files.readAllLines(x.resolve("metrics.csv")).size() - 1;
            assertTrue(winner.out().contains("pepita ode: " + rows + " samples"), winner.out()); // all the winner's rows
        } finally {
            pool.shutdown();
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".x.")).count(), "no staging or lock left");
        }
    }

    @Test
    void aClashingDirectoryFailsBeforeAnythingIsMovedIn() throws Exception {
        // DIR/metrics.csv is a directory: exit 2, and config.json is not written beside it
        Path out = Files.createDirectories(tmp.resolve("run").resolve("metrics.csv")).getParent();
        Path cfg = file("c.json", ("{" + B + "}").getBytes());
        OdeCommandTest.Run r = run("ode", cfg.toString(), "--out", out.toString(), "--overwrite", "--no-progress");
        badInput(r, "metrics.csv is a directory", null);
        assertFalse(Files.exists(out.resolve("config.json")), "nothing moved in");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().contains(".partial-")).count(), "staging removed");
        }
    }

    @Test
    void outputPathsThatCannotBeADirectory() throws Exception {
        Path cfg = file("c.json", ("{" + B + "}").getBytes());
        badInput(run("ode", cfg.toString(), "--out", ""), "--out", null);
        Path afile = Files.writeString(tmp.resolve("afile"), "x");
        Path spec = file("s.json", ("{\"base\":{" + B + "},\"grid\":{\"eta\":[0.5,1]}}").getBytes());
        badInput(run("scan", spec.toString(), "--out", afile.toString()), "not a directory", null);
        badInput(run("scan", spec.toString(), "--out", afile.resolve("sub").toString()), "not a directory", null);
        assertEquals("x", Files.readString(afile));
        // a scan directory whose manifest is garbage, or whose results file is a directory
        Path garbage = Files.createDirectories(tmp.resolve("g"));
        Files.writeString(garbage.resolve("scan.json"), "garbage");
        badInput(run("scan", spec.toString(), "--out", garbage.toString(), "--no-progress"), "not a scan manifest", null);
        Path jsonlDir = Files.createDirectories(tmp.resolve("j").resolve("results.jsonl")).getParent();
        badInput(run("scan", spec.toString(), "--out", jsonlDir.toString(), "--no-progress"), "results", null);
        // scan.csv a directory: the points are computed and kept, the table cannot be written, no scan.csv.tmp left
        Path done = tmp.resolve("done");
        assertEquals(0, run("scan", spec.toString(), "--out", done.toString(), "--no-progress", "--no-plots").exit());
        Files.delete(done.resolve("scan.csv"));
        Files.createDirectories(done.resolve("scan.csv"));
        badInput(run("scan", spec.toString(), "--out", done.toString(), "--no-progress", "--no-plots"), "scan.csv", null);
        assertFalse(Files.exists(done.resolve("scan.csv.tmp")), "no leftover");
    }

    @Test
    void optionsOfOtherCommands() throws Exception {
        Path out = tmp.resolve("out");
        Path bp = file("bp.json", ("{" + B + ",\"N\":50,\"seeds\":9}").getBytes());
        badInput(run("compare", bp.toString(), "--out", out.toString(), "--ode-rule", "pepita"), "'--ode-rule'", out);
        // nTimes 10^7 of 100 seeds: hundreds of GB of trajectories
        Path many = file("many.json", ("{\"rule\":\"bp\",\"K\":2,\"M\":2,\"N\":50,\"seeds\":100,\"nTimes\":10000000}").getBytes());
        badInput(run("simulate", many.toString(), "--out", out.toString()), "key 'nTimes'", out);
        badInput(run("train-images", "--out", out.toString(), "--lr", "foo=0.1"), "--lr", out);
        badInput(run("train-images", "--out", out.toString(), "--hidden", "100000000"), "--hidden", out);
        badInput(run("train-images", "--out", out.toString(), "--wm-eta", "NaN"), "--wm-eta: invalid value 'NaN'", out);
        badInput(run("bench", "--repeats", "0"), "'--repeats'", null);
        badInput(run("bench", "--rtol", "-1"), "'--rtol'", null);
        badInput(run("bench", "--only", "gpu"), "'--only'", null);
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        OdeCommandTest.Run r = run();
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("pepita: missing command"), r.err());
        assertTrue(r.err().contains("Exit codes"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void divergingAtTheStartSaysSoInsteadOfNaN() throws Exception {
        Path out = tmp.resolve("out");
        OdeCommandTest.Run r = run("ode", file("c.json", ("{" + B + ",\"epsGBound\":1e-9}").getBytes()).toString(),
                "--out", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no sample") && !r.err().contains("NaN"), r.err());
    }

    @Test
    void anUnexpectedFailureIsOneLineWithTheDebugHint() {
        StringWriter w = new StringWriter();
        int code = PepitaCommand.unexpected(new java.util.concurrent.ExecutionException(new IllegalStateException("boom\nsecond")),
                "pepita ode", new PrintWriter(w, true));
        assertEquals(1, code);
        String line = w.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("java.lang.IllegalStateException: boom second") && line.contains("PEPITA_DEBUG=1"), line);

        w = new StringWriter();
        code = PepitaCommand.unexpected(new OutOfMemoryError("unable to create native thread"), "pepita ode", new PrintWriter(w, true));
        assertEquals(1, code);
        line = w.toString().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("out of memory") && line.contains("PEPITA_JAVA_OPTS"), line);
    }
}
