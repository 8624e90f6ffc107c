package org.forwardonly.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ode} and {@code simulate} of the same config write the same columns (the derived ones,
 * cos_v_feedback and c_norm, included; docs/columns.md), and {@code ode} writes the constants T and
 * v* to config.json.
 */
class OdeSimulateColumnsTest {
    @TempDir
    Path tmp;

    private static List<String> header(Path csv) throws Exception {
        return Arrays.asList(Files.readAllLines(csv).get(0).split(","));
    }

    /** simulate's seed-mean columns: every column but its standard errors. */
    private static List<String> withoutSe(List<String> columns) {
        List<String> kept = new ArrayList<>();
        for (String c : columns) if (!c.endsWith("_se")) kept.add(c);
        return kept;
    }

    @Test
    void odeAndSimulateWriteTheSameDerivedColumns() throws Exception {
        for (String rule : List.of("afa", "fa", "bp")) {
            Path config = Files.writeString(tmp.resolve(rule + ".json"), "{\"rule\": \"" + rule + "\", \"K\": 2, \"M\": 2, "
                    + "\"N\": 100, \"seeds\": 2, \"tMax\": 1, \"nTimes\": 3}");
            Path ode = tmp.resolve(rule + "-ode"), sim = tmp.resolve(rule + "-sim");
            OdeCommandTest.Run r = OdeCommandTest.run("ode", config.toString(), "--out", ode.toString(), "--no-progress");
            assertEquals(0, r.exit(), r.err());
            r = OdeCommandTest.run("simulate", config.toString(), "--out", sim.toString(), "--no-progress");
            assertEquals(0, r.exit(), r.err());
            List<String> odeColumns = header(ode.resolve("metrics.csv"));
            assertEquals(withoutSe(header(sim.resolve("metrics.csv"))), odeColumns, rule);
            assertTrue(odeColumns.contains("cos_v_feedback"), rule);
            assertEquals(!rule.equals("afa"), !odeColumns.contains("c_norm"), rule + ": c_norm exactly for the rules that use F");
        }
    }

    /** The derived values: bp's cos(v, v) is 1; afa's |c| is sqrt(c_1² + c_2²) of the same row. */
    @Test
    void derivedValuesFollowFromTheRow() throws Exception {
        Path config = Files.writeString(tmp.resolve("afa.json"), "{\"rule\": \"afa\", \"K\": 2, \"M\": 2, \"tMax\": 2, \"nTimes\": 4}");
        Path ode = tmp.resolve("ode");
        OdeCommandTest.Run r = OdeCommandTest.run("ode", config.toString(), "--out", ode.toString(), "--no-progress");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(ode.resolve("metrics.csv"));
        List<String> h = Arrays.asList(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] x = line.split(",");
            double c1 = Double.parseDouble(x[h.indexOf("c_1")]), c2 = Double.parseDouble(x[h.indexOf("c_2")]);
            // the same doubles in the same order as the column's definition: exact
            assertEquals(Math.sqrt(c1 * c1 + c2 * c2), Double.parseDouble(x[h.indexOf("c_norm")]));
            double cos = Double.parseDouble(x[h.indexOf("cos_v_feedback")]);
            assertTrue(cos >= -1 - 1e-15 && cos <= 1 + 1e-15, "a cosine: " + cos);
        }
        // the constants: T (M x M) and vStar (M) in config.json, fa's b absent for afa
        JsonNode json = new ObjectMapper().readTree(ode.resolve("config.json").toFile());
        JsonNode constants = json.get("constants");
        assertEquals(2, constants.get("T").size());
        assertEquals(2, constants.get("T").get(0).size());
        assertEquals(2, constants.get("vStar").size());
        assertFalse(constants.has("b"));
    }
}
