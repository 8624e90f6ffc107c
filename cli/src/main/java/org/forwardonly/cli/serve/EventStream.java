package org.forwardonly.cli.serve;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent-events response (text/event-stream) to the page. Every write is flushed, so a
 * client that has gone (closed tab, changed parameters) shows up as a failed write, which is
 * turned into {@link OdeRun.Abandoned} to stop the computation behind it. Progress events are
 * throttled; they double as the probe that notices a silent client.
 */
final class EventStream {
    /** Least time between two progress events (ns). */
    private static final long PROGRESS_EVERY_NS = 100_000_000L;

    private final OutputStream out;
    private long lastProgress = System.nanoTime();

    /** Sends the response headers (200, chunked). */
    EventStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        out = exchange.getResponseBody();
    }

    /** Sends one event; {@link OdeRun.Abandoned} when the client has gone. */
    void send(String event, String data) {
        StringBuilder sb = new StringBuilder(data.length() + 32);
        sb.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) sb.append("data: ").append(line).append('\n');
        sb.append('\n');
        try {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new OdeRun.Abandoned(e);
        }
    }

    /** A progress event, at most every 100 ms. */
    void progress(double t) {
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_EVERY_NS) return;
        lastProgress = now;
        send("progress", Double.toString(t));
    }
}
