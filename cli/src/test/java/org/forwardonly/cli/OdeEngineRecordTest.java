package org.forwardonly.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code pepita ode} says which engine ran (docs/exact-pepita.md): on stdout, and in config.json's
 * {@code engine} object with, for the Sobol engine, its replicates and estimated error, which meet
 * the config's tolerance; the same bytes on one and two threads.
 */
class OdeEngineRecordTest {
    @TempDir
    Path tmp;

    private Path write(String name, String json) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    @Test
    void sobolRunRecordsItsReplicatesAndErrorAndIsThreadIndependent() throws Exception {
        Path cfg = write("k3.json", "{\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"eta\": 1, \"sigmaF\": 0.5, \"N\": 2000,"
                + " \"tMax\": 10, \"nTimes\": 12, \"rtol\": 1e-6, \"atol\": 1e-9, \"averaging\": {\"tolerance\": 5e-4}}");
        OdeCommandTest.Run one = OdeCommandTest.run("ode", cfg.toString(), "--out", tmp.resolve("one").toString(),
                "--no-progress", "--threads", "1");
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().contains("sobol engine") && one.out().contains("est. rel. error of eps_g"), one.out());
        JsonNode engine = ConfigParser.mapper().readTree(tmp.resolve("one/config.json").toFile()).get("engine");
        assertEquals("sobol", engine.get("method").asText());
        // docs/model.md §8: a replicate is integrated at max(rtol 1e-6, tolerance 5e-4 / 100)
        assertEquals(5e-6, engine.get("replicateRtol").asDouble(), 0.0);
        // ... with dp54, averaging.integrator auto at a replicate tolerance >= 1e-6 (docs/model.md §8)
        assertEquals("dp54", engine.get("replicateIntegrator").asText());
        int replicates = engine.get("replicates").asInt();
        double error = engine.get("estimatedRelativeErrorEpsG").asDouble();
        assertTrue(replicates >= 8, "at least the first 8 replicates: " + replicates);
        // K = M = 3 meets the 5e-4 tolerance well before the 128-replicate cap (docs/exact-pepita.md: K = M = 10 needs 16)
        assertTrue(error <= 5e-4, "tolerance met: " + error + " after " + replicates + " replicates");
        assertTrue(replicates < 128, "stopped by the tolerance, not by the cap: " + replicates);
        OdeCommandTest.Run two = OdeCommandTest.run("ode", cfg.toString(), "--out", tmp.resolve("two").toString(),
                "--no-progress", "--threads", "2");
        assertEquals(0, two.exit(), two.err());
        assertEquals(Files.readString(tmp.resolve("one/metrics.csv")), Files.readString(tmp.resolve("two/metrics.csv")));
        // config.json differs only in the command line (its --out): the engine's account is the same
        JsonNode a = ConfigParser.mapper().readTree(tmp.resolve("one/config.json").toFile());
        JsonNode b = ConfigParser.mapper().readTree(tmp.resolve("two/config.json").toFile());
        assertEquals(a.get("engine"), b.get("engine"));
        assertEquals(a.get("config"), b.get("config"));
    }

    @Test
    void smallSmoothRunsStayOnTheTensorGrid() throws Exception {
        Path cfg = write("k2.json", "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"sigmaF\": 0.5, \"tMax\": 2, \"nTimes\": 5}");
        OdeCommandTest.Run r = OdeCommandTest.run("ode", cfg.toString(), "--out", tmp.resolve("k2").toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        JsonNode engine = ConfigParser.mapper().readTree(tmp.resolve("k2/config.json").toFile()).get("engine");
        assertEquals("tensor", engine.get("method").asText());
        assertTrue(engine.get("points").asText().startsWith("tensor Gauss-Hermite 12^4"), engine.get("points").asText());
    }
}
