package org.forwardonly.cli;

import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAML configs, --set, "-" for standard input, the default --out, and "did you mean" on the command line. */
class ConfigInputTest {
    static final String JSON = "{\"rule\": \"bp\", \"K\": 2, \"M\": 2, \"eta\": 0.5, \"tMax\": 5, \"nTimes\": 10}";
    static final String YAML = "rule: fa\nK: 2\nM: 2\neta: 1\ntMax: 5\nnTimes: 10\n";

    @TempDir
    Path tmp;

    static OdeCommandTest.Run run(String... args) {
        return OdeCommandTest.run(args);
    }

    @Test
    void yamlWithSetAndStandardInputWriteWhatTheJsonConfigWrites() throws Exception {
        Path json = Files.writeString(tmp.resolve("c.json"), JSON);
        Path yaml = Files.writeString(tmp.resolve("c.yaml"), YAML);
        assertEquals(0, run("ode", json.toString(), "--out", tmp.resolve("json").toString(), "--no-progress").exit());
        OdeCommandTest.Run r = run("ode", yaml.toString(), "--set", "rule=bp", "--set", "eta=0.5",
                "--out", tmp.resolve("yaml").toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(tmp.resolve("json/metrics.csv")), Files.readString(tmp.resolve("yaml/metrics.csv")));

        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(JSON.getBytes(StandardCharsets.UTF_8)));
            r = run("ode", "-", "--out", tmp.resolve("stdin").toString(), "--no-progress");
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(tmp.resolve("json/metrics.csv")), Files.readString(tmp.resolve("stdin/metrics.csv")));
    }

    @Test
    void theYamlExampleIsTheJsonExample() {
        Path examples = Path.of("..", "examples");
        ConfigInput none = new ConfigInput();
        assertEquals(ConfigParser.toJson(none.config(examples.resolve("pepita-mirroring.json").toString())),
                ConfigParser.toJson(none.config(examples.resolve("pepita-mirroring.yaml").toString())));
    }

    @Test
    void withoutOutTheRunGoesToATimestampedDirectoryThatIsPrinted() throws Exception {
        Path json = Files.writeString(tmp.resolve("c.json"), JSON);
        OdeCommandTest.Run r = run("ode", json.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        Matcher m = Pattern.compile("in (runs/ode-\\d{8}-\\d{6})$").matcher(r.out().strip());
        assertTrue(m.find(), r.out());
        Path dir = Path.of(m.group(1));
        try {
            assertTrue(Files.exists(dir.resolve("metrics.csv")), dir + " has no metrics.csv");
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Path.of("runs").toFile().delete(); // only if empty
        }
    }

    @Test
    void misspeltKeysAndOptionsNameTheNearestOne() throws Exception {
        Path json = Files.writeString(tmp.resolve("c.json"), JSON);
        Path out = tmp.resolve("never");
        OdeCommandTest.Run r = run("ode", json.toString(), "--set", "tmax=3", "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("did you mean 'tMax'?"), r.err());
        r = run("ode", json.toString(), "--ouy", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("did you mean --out?"), r.err());
        r = run("ode", json.toString(), "--set", "eta", "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("expected KEY=VALUE"), r.err());
        assertFalse(Files.exists(out), "nothing written on bad input");
    }

    @Test
    void scanSpecsTakeSetAndYaml() throws Exception {
        Path spec = Files.writeString(tmp.resolve("spec.yaml"), """
                base: {rule: bp, K: 1, M: 1, tMax: 2, nTimes: 5}
                grid:
                  eta: [0.5, 1, 2]
                run: ode
                """);
        OdeCommandTest.Run r = run("scan", spec.toString(), "--set", "grid.eta=[0.25, 0.5]", "--set", "base.tMax=1",
                "--out", tmp.resolve("scan").toString(), "--no-progress", "--no-plots", "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        var lines = Files.readAllLines(tmp.resolve("scan/scan.csv"));
        assertEquals(3, lines.size(), "a header and the two points --set asked for: " + lines);
        assertTrue(lines.get(1).startsWith("0,0.25,"), lines.get(1));
        r = run("scan", spec.toString(), "--set", "grid.etta=[1]", "--out", tmp.resolve("bad").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("did you mean 'eta'?"), r.err());
    }
}
