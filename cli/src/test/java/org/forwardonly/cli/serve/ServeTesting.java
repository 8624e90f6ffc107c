package org.forwardonly.cli.serve;

import org.forwardonly.cli.PepitaCommand;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the explorer's tests share: running {@code pepita ode} in-process and talking to the server. */
final class ServeTesting {
    private ServeTesting() {}

    /** Exit code, stderr and the metrics.csv bytes (null if none) of {@code pepita ode} on {@code json}. */
    record Ode(int exit, String err, byte[] metrics) { }

    static Ode pepitaOde(Path tmp, String json) throws Exception {
        Path cfg = Files.createTempFile(tmp, "cfg", ".json");
        Files.writeString(cfg, json);
        Path out = Files.createTempDirectory(tmp, "ode");
        Files.delete(out);
        StringWriter err = new StringWriter();
        var cl = PepitaCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("ode", cfg.toString(), "--out", out.toString(), "--no-progress");
        Path metrics = out.resolve("metrics.csv");
        return new Ode(exit, err.toString(), Files.exists(metrics) ? Files.readAllBytes(metrics) : null);
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One client for every test: a client per request would leave selector threads behind. */
    static HttpClient client() {
        return CLIENT;
    }

    static HttpResponse<byte[]> post(ExplorerServer server, String path, String body) throws Exception {
        return client().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** One server-sent event. */
    record Event(String name, String data) { }

    /** Reads a whole event stream (the run must end by itself). */
    static List<Event> events(ExplorerServer server, String path, String json, String slot) throws Exception {
        String url = "http://127.0.0.1:" + server.port() + path + "?slot=" + slot + "&config="
                + URLEncoder.encode(json, StandardCharsets.UTF_8);
        String body = client().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) continue;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ")) data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
            }
            events.add(new Event(name, data.toString()));
        }
        return events;
    }
}
