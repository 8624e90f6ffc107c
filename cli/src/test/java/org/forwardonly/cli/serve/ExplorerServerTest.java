package org.forwardonly.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.forwardonly.simulation.training.SeedRun;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.ode.SampleTimes;
import org.forwardonly.theory.trajectory.Trajectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer's HTTP contract: {@code POST /api/ode} is {@code pepita ode}, bad input is the CLI's line, runs stream and cancel. */
class ExplorerServerTest {
    static ExplorerServer server;
    static final StringWriter LOG = new StringWriter();

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = new ExplorerServer("127.0.0.1", 0, 1, new PrintWriter(LOG, true));
    }

    @AfterAll
    static void stop() {
        server.close();
        assertEquals("", LOG.toString(), "no unexpected failure was logged");
    }

    /** Closed forms (dp853, rk4, linear), the exact engine, and a run that diverges after 3 samples. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"rule\": \"afa\", \"K\": 2, \"M\": 2, \"sigmaF\": 0.5, \"N\": 500}",
            "{\"rule\": \"bp\", \"activation\": \"linear\", \"K\": 1, \"M\": 2, \"eta\": 0.5, \"integrator\": \"rk4\", \"tMax\": 10}",
            "{\"rule\": \"pepita\", \"K\": 2, \"M\": 1, \"tMax\": 2, \"nTimes\": 8, \"quadraturePoints\": 6}",
            "{\"rule\": \"bp\", \"activation\": \"linear\", \"K\": 2, \"M\": 2, \"eta\": 8, \"tMax\": 20, \"integrator\": \"rk4\"}"})
    void postOdeReturnsTheBytesOfPepitaOde(String json) throws Exception {
        ServeTesting.Ode cli = ServeTesting.pepitaOde(tmp, json);
        // the linear network at η = 8 diverges (exit 3, its samples up to the divergence); the others run to tMax
        assertEquals(json.contains("\"eta\": 8") ? 3 : 0, cli.exit(), cli.err());
        HttpResponse<byte[]> r = ServeTesting.post(server, "/api/ode", json);
        assertEquals(200, r.statusCode());
        assertArrayEquals(cli.metrics(), r.body(), "POST /api/ode = pepita ode's metrics.csv, byte for byte");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"rule\": \"afa\", \"K\": 2, \"M\": 2, \"eta\": -1}",
            "{\"rule\": \"afa\", \"K\": 2}",
            "{\"rule\": \"sgd\", \"K\": 2, \"M\": 2}",
            "{\"rule\": \"afa\", \"K\": 2, \"M\": 2, \"etta\": 1}",
            "{\"rule\": \"pepita\", \"K\": 3, \"M\": 3, \"quadraturePoints\": 40, \"averaging\": {\"method\": \"tensor\"}}",
            "[1, 2]"})
    void badConfigIsHttp400WithTheCliLineAndTheServerStaysUp(String json) throws Exception {
        ServeTesting.Ode cli = ServeTesting.pepitaOde(tmp, json);
        assertEquals(2, cli.exit());
        HttpResponse<byte[]> r = ServeTesting.post(server, "/api/ode", json);
        assertEquals(400, r.statusCode());
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(cli.err(), body, "the CLI's one line");
        assertEquals(1, body.split("\n").length);
        assertEquals(200, ServeTesting.post(server, "/api/ode", "{\"rule\": \"bp\", \"K\": 1, \"M\": 1, \"tMax\": 1}").statusCode());
    }

    @Test
    void streamSendsTheRowsOfMetricsCsvThenDone() throws Exception {
        String json = "{\"rule\": \"fa\", \"K\": 2, \"M\": 2, \"seed\": 3}";
        List<ServeTesting.Event> ev = ServeTesting.events(server, "/api/ode/stream", json, "t1");
        StringBuilder csv = new StringBuilder();
        for (ServeTesting.Event e : ev) {
            if (e.name().equals("start")) csv.append(ConfigParser.mapper().readTree(e.data()).get("header").asText()).append('\n');
            if (e.name().equals("row")) csv.append(e.data()).append('\n');
        }
        assertEquals(new String(ServeTesting.pepitaOde(tmp, json).metrics(), StandardCharsets.UTF_8), csv.toString());
        assertEquals("done", ev.get(ev.size() - 1).name());
    }

    @Test
    void streamOfABadConfigSaysWhy() throws Exception {
        List<ServeTesting.Event> ev = ServeTesting.events(server, "/api/ode/stream", "{\"rule\": \"afa\", \"K\": 0, \"M\": 2}", "t2");
        assertEquals(1, ev.size());
        assertEquals("invalid", ev.get(0).name());
        assertTrue(ev.get(0).data().startsWith("key 'K'"), ev.get(0).data());
    }

    /** A newer run on the same slot (the page's parameters changed) stops the older long exact run. */
    @Test
    void aNewRunOnTheSameSlotCancelsTheOldOne() throws Exception {
        String longRun = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"tMax\": 1000, \"timeSpacing\": \"linear\", \"nTimes\": 100000}";
        String url = "http://127.0.0.1:" + server.port() + "/api/ode/stream?slot=tab-A&config=" + URLEncoder.encode(longRun,
                StandardCharsets.UTF_8);
        var pending = ServeTesting.client().sendAsync(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        waitFor(() -> server.activeRuns() == 1, 20);
        List<ServeTesting.Event> second = ServeTesting.events(server, "/api/ode/stream", "{\"rule\": \"bp\", \"K\": 1, \"M\": 1}", "tab-A");
        assertEquals("done", second.get(second.size() - 1).name());
        String first = pending.get(20, TimeUnit.SECONDS).body(); // the old stream ended without "done"
        assertTrue(first.contains("event: start") && !first.contains("event: done"), first);
        waitFor(() -> server.activeRuns() == 0, 20);
    }

    /** The overlay's lockstep seeds measure what {@code pepita simulate}'s SeedRun records, bit for bit. */
    @Test
    void simulationStreamMatchesSeedRun() throws Exception {
        String json = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"N\": 200, \"seed\": 5, \"seeds\": 2, \"tMax\": 5, \"nTimes\": 6}";
        List<ServeTesting.Event> ev = ServeTesting.events(server, "/api/simulate/stream", json, "s1");
        var cfg = ConfigParser.parse(json);
        double[] times = SampleTimes.of(cfg);
        Trajectory s0 = new SeedRun(cfg, 5, null).run(times, n -> { }).trajectory();
        Trajectory s1 = new SeedRun(cfg, 6, null).run(times, n -> { }).trajectory();
        List<String> header = List.of(ConfigParser.mapper().readTree(ev.get(0).data()).get("header").asText().split(","));
        int i = 0;
        for (ServeTesting.Event e : ev) {
            if (!e.name().equals("row")) continue;
            String[] cells = e.data().split(",");
            assertEquals(times[i], Double.parseDouble(cells[0]));
            for (int j = 1; j < header.size(); j++) {
                int col = s0.indexOf(header.get(j));
                double mean = s0.rows()[i][col] / 2 + s1.rows()[i][col] / 2; // the overlay's order of operations
                assertEquals(mean, Double.parseDouble(cells[j]), 0.0, header.get(j) + " at t = " + times[i]);
            }
            i++;
        }
        assertEquals(times.length, i);
        assertEquals("done", ev.get(ev.size() - 1).name());
    }

    @Test
    void simulationOverlayRefusesLargeN() throws Exception {
        List<ServeTesting.Event> ev = ServeTesting.events(server, "/api/simulate/stream",
                "{\"rule\": \"bp\", \"K\": 2, \"M\": 2, \"N\": 20000}", "s2");
        assertEquals("invalid", ev.get(0).name());
        assertTrue(ev.get(0).data().startsWith("key 'N'"), ev.get(0).data());
    }

    @Test
    void notebookHoldsTheConfigsAndTheCsvShown() throws Exception {
        String csv = new String(ServeTesting.pepitaOde(tmp, "{\"rule\": \"afa\", \"K\": 2, \"M\": 2, \"tMax\": 5}").metrics(),
                StandardCharsets.UTF_8);
        var req = ConfigParser.mapper().createObjectNode();
        var c = req.putArray("curves").addObject();
        c.put("name", "A");
        c.put("kind", "ode");
        c.set("config", ConfigParser.mapper().readTree("{\"rule\": \"afa\", \"K\": 2, \"M\": 2, \"tMax\": 5}"));
        c.put("csv", csv);
        HttpResponse<byte[]> r = ServeTesting.post(server, "/api/notebook", req.toString());
        assertEquals(200, r.statusCode());
        JsonNode nb = ConfigParser.mapper().readTree(r.body());
        assertEquals(4, nb.get("nbformat").asInt());
        StringBuilder text = new StringBuilder();
        for (JsonNode cell : nb.get("cells")) cell.get("source").forEach(line -> text.append(line.asText()));
        String all = text.toString();
        assertTrue(all.contains("\"rule\" : \"afa\""), "the resolved config is shown");
        String firstRow = csv.split("\n")[1];
        assertTrue(all.contains(firstRow), "the CSV is inline");
        assertTrue(all.contains("set_yscale"), "eps_g is drawn on a log axis");
        assertEquals(400, ServeTesting.post(server, "/api/notebook", "{\"curves\": []}").statusCode());

        // it runs, where Debian's Jupyter is installed (.ci/run installs it)
        Path file = tmp.resolve("view.ipynb");
        java.nio.file.Files.write(file, r.body());
        Process check = new ProcessBuilder("/usr/bin/python3", "-c", "import nbconvert, pandas, matplotlib").start();
        boolean jupyter = check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        if (!jupyter && "true".equals(System.getenv("CI"))) throw new AssertionError("CI has no /usr/bin/python3 with nbconvert");
        org.junit.jupiter.api.Assumptions.assumeTrue(jupyter, "no /usr/bin/python3 with nbconvert, pandas, matplotlib");
        Process p = new ProcessBuilder("/usr/bin/python3", "-m", "nbconvert", "--to", "notebook", "--execute",
                file.toString(), "--output", tmp.resolve("ran.ipynb").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("nbconvert.log").toFile())
                .directory(tmp.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "nbconvert finished");
        assertEquals(0, p.exitValue(), java.nio.file.Files.readString(tmp.resolve("nbconvert.log")));
    }

    static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("condition not reached in " + seconds + " s");
            Thread.sleep(20);
        }
    }
}
