package org.forwardonly.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.config.ConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code pepita analyse} driven in-process: its files, and bad input as one line with exit 2 and nothing written. */
class AnalyseCommandTest {
    @TempDir
    Path tmp;

    static final String K2 = "{\"rule\":\"bp\",\"activation\":\"erf\",\"K\":2,\"M\":2,\"eta\":0.5,\"etaV\":0,\"sigma\":0,\"tMax\":2000,"
            + "\"init\":{\"Q\":[[0.2,0.01],[0.01,0.2]],\"R\":[[0.0,0.005],[0.003,0.001]],\"T\":[[1,0],[0,1]],\"v\":[1,1],\"vStar\":[1,1]}}";

    Path config(String json) throws Exception {
        Path f = Files.createTempFile(tmp, "config", ".json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void writesFixedPointsSpectrumContinuationAndSummary() throws Exception {
        Path out = tmp.resolve("a");
        OdeCommandTest.Run r = OdeCommandTest.run("analyse", config(K2).toString(), "--out", out.toString(),
                "--continue", "eta=0.5:3:0.5");
        assertEquals(0, r.exit(), r.err());
        List<String> fp = Files.readAllLines(out.resolve("fixed_points.csv"));
        assertEquals("point,eps_g,n_unstable,lambda_max,stability,n_zero,origin,Q_1_1,Q_1_2,Q_2_2,R_1_1,R_1_2,R_2_1,R_2_2,v_1,v_2,"
                + "copies", fp.get(0));
        // the specialised solution (stable, eps_g 0) and the symmetric plateau (a saddle with one escape direction)
        assertTrue(fp.get(1).startsWith("0,0.0,0,") && fp.get(1).contains(",stable,0,specialised,"), fp.get(1));
        assertTrue(fp.get(2).contains(",1,") && fp.get(2).contains(",saddle,0,symmetric,"), fp.get(2));
        // copies, the last column: the specialised point and its swap of the two student units; the plateau is its own swap
        assertTrue(fp.get(1).endsWith(",2") && fp.get(2).endsWith(",1"), fp.get(1) + " / " + fp.get(2));
        List<String> spectrum = Files.readAllLines(out.resolve("spectrum.csv"));
        assertTrue(spectrum.get(0).startsWith("point,index,re,im,Q_1_1"), spectrum.get(0));
        assertEquals(1 + 7 * (fp.size() - 1), spectrum.size()); // 7 free variables (v frozen, eta_v = 0)
        assertTrue(Files.readAllLines(out.resolve("continuation.csv")).get(0).startsWith("eta,branch,eps_g,n_unstable,lambda_max"));
        JsonNode summary = ConfigParser.mapper().readTree(out.resolve("summary.json").toFile());
        // between the grid's last stable and first unstable value of the learning branch
        double etaMax = summary.get("etaMax").asDouble();
        assertTrue(etaMax > 2 && etaMax < 2.5, "etaMax " + etaMax);
        assertTrue(summary.get("etaFastest").asDouble() < etaMax);
        JsonNode json = ConfigParser.mapper().readTree(out.resolve("config.json").toFile());
        assertEquals(Version.get(), json.get("version").asText());
        assertEquals("closedForm", json.get("engine").get("method").asText());
    }

    static final String AFA = "{\"rule\":\"afa\",\"activation\":\"erf\",\"K\":2,\"M\":2,\"N\":2000,\"eta\":1,\"etaV\":1,"
            + "\"sigmaF\":0.5,\"tMax\":30,\"nTimes\":7,\"seed\":0}";

    /**
     * --continue sigmaF (afa, K = M = 2, random start): at each sigmaF the constants d, P are those of the same seed's
     * draw at that sigmaF (F scales with sigmaF), not CONFIG's; checked against the draw itself to 1e-12 relative
     * (the two differ only by the rounding of sigmaF/√N). Holding them fixed, as for eta, would give d_1 half as large
     * at sigmaF = 1.
     */
    @Test
    void continuesInSigmaFWithTheFeedbackOfTheSameDraw() throws Exception {
        Path out = tmp.resolve("s");
        OdeCommandTest.Run r = OdeCommandTest.run("analyse", config(AFA).toString(), "--out", out.toString(),
                "--continue", "sigmaF=0.5:1:0.25");
        assertEquals(0, r.exit(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("continuation.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        assertEquals(List.of("sigmaF", "branch", "eps_g", "n_unstable", "lambda_max"), header.subList(0, 5));
        assertEquals("copies", header.get(header.size() - 1));
        org.forwardonly.theory.state.OrderParameters drawn = org.forwardonly.theory.ode.Experiments.initialConditions(
                ConfigParser.parse(AFA.replace("\"sigmaF\":0.5", "\"sigmaF\":1")), 0);
        int atOne = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (Double.parseDouble(f[0]) != 1.0) continue;
            atOne++;
            assertEquals(drawn.d()[0], Double.parseDouble(f[header.indexOf("d_1")]), 1e-12 * Math.abs(drawn.d()[0]), row);
            assertEquals(drawn.P(), Double.parseDouble(f[header.indexOf("P")]), 1e-12 * drawn.P(), row);
        }
        assertTrue(atOne > 0, "no point at sigmaF = 1");
        JsonNode summary = ConfigParser.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("sigmaF", summary.get("key").asText());
        assertTrue(summary.has("sigmaFMax") && summary.has("sigmaFFastest"), summary.toString());
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws Exception {
        Path out = tmp.resolve("b");
        String[][] cases = {
                {"analyse", config(K2).toString(), "--set", "activation=relu", "--out", out.toString()},
                {"analyse", config(K2).toString(), "--continue", "eta=2:1:0.5", "--out", out.toString()},
                {"analyse", config(K2).toString(), "--continue", "N=1:2:1", "--out", out.toString()},
                // bp has no feedback F: sigmaF does not enter its drift
                {"analyse", config(K2).toString(), "--continue", "sigmaF=0.5:1:0.25", "--out", out.toString()},
                {"analyse", config(K2).toString(), "--set", "eta=0", "--out", out.toString()},
                // linear K = M = 1 with sigma = 1 at eta = 3: the only root has Q = 1 - 3 < 0, so no stationary point
                {"analyse", config("{\"rule\":\"bp\",\"activation\":\"linear\",\"K\":1,\"M\":1,\"eta\":3,\"etaV\":0,\"sigma\":1,"
                        + "\"tMax\":100,\"init\":{\"Q\":[[0.5]],\"R\":[[0.1]],\"T\":[[1]],\"v\":[1],\"vStar\":[1]}}").toString(),
                        "--out", out.toString()},
                {"analyse", tmp.resolve("missing.json").toString(), "--out", out.toString()},
        };
        for (String[] args : cases) {
            OdeCommandTest.Run r = OdeCommandTest.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("pepita analyse: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertFalse(Files.exists(out), "wrote " + out);
        }
    }
}
