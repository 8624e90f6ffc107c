package org.forwardonly.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Not a command: the short run the {@code ./pepita} script makes once per built jar under
 * {@code -XX:ArchiveClassesAtExit}, so that the class-data archive it writes holds the classes the
 * common commands load (every command's picocli model, Jackson for JSON and YAML, the closed-form
 * and exact ODE engines, the simulation). Later runs map that archive instead of reading, parsing
 * and verifying those classes again (docs/performance.md, "Cold start"). Writes only into a
 * temporary directory, which it deletes; prints nothing.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {}

    /** Runs the training commands; exit 0 when each did what it should, else 1 (the script then keeps no archive). */
    public static void main(String[] args) throws IOException {
        System.exit(failures() == 0 ? 0 : 1);
    }

    /** Runs the training commands; the number that did not end as expected (ClassDataTrainingTest: none). */
    static int failures() throws IOException {
        Path tmp = Files.createTempDirectory("pepita-cds");
        int failed = 0;
        try {
            String bp = "{\"rule\": \"bp\", \"K\": 2, \"M\": 2, \"N\": 200, \"integrator\": \"euler\", \"dt\": 0.01,"
                    + " \"tMax\": 2, \"nTimes\": 20, \"timeSpacing\": \"log\", \"seed\": 0, \"seeds\": 2}";
            Path json = Files.writeString(tmp.resolve("bp.json"), bp);
            Path yaml = Files.writeString(tmp.resolve("pepita.yaml"),
                    "rule: pepita\nK: 2\nM: 2\nN: 200\nsigmaF: 0.5\ntMax: 1\nnTimes: 5\nseed: 0\nseeds: 1\n");
            failed += run(0, "--version");
            failed += run(0, "--help");
            failed += run(0, "help", "ode");
            failed += run(0, "ode", json.toString(), "--out", tmp.resolve("ode").toString(), "--no-progress", "--set", "eta=0.5");
            failed += run(0, "ode", yaml.toString(), "--out", tmp.resolve("exact").toString(), "--no-progress");
            failed += run(0, "simulate", json.toString(), "--out", tmp.resolve("simulate").toString(), "--no-progress");
            failed += run(2, "ode", tmp.resolve("missing.json").toString(), "--out", tmp.resolve("bad").toString());
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return failed;
    }

    /** 1 when the command's exit code is not {@code expected}. */
    private static int run(int expected, String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        picocli.CommandLine cl = PepitaCommand.commandLine(args);
        cl.setOut(nowhere);
        cl.setErr(nowhere);
        return cl.execute(args) == expected ? 0 : 1;
    }
}
