package org.forwardonly.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.forwardonly.notebooks.format.NotebookWriter;
import org.forwardonly.theory.config.ConfigException;
import org.forwardonly.config.ConfigParser;
import org.forwardonly.theory.trajectory.TrajectoryCsv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The explorer's HTTP server (the JDK's com.sun.net.httpserver): the page and its script, and
 * <ul>
 *   <li>{@code POST /api/ode} (body: a config): the bytes of {@code pepita ode}'s metrics.csv,
 *   streamed as computed; a bad config is 400 with the CLI's one line;</li>
 *   <li>{@code GET /api/ode/stream?config=JSON&slot=ID} and {@code GET /api/simulate/stream?...}: the
 *   same run as server-sent events (start, row, progress, diverged, invalid, done) for the page; an ODE
 *   config with {@code seeds} &gt; 1 (sent when the simulation overlay averages seeds) streams the mean of
 *   each seed's ODE ({@link SeedMeanOdeRun});</li>
 *   <li>{@code POST /api/notebook}: the notebook of what the page shows ({@link ExplorerNotebook}).</li>
 * </ul>
 * Every request is bounded (issue 27): a body past {@link #MAX_BODY} is 413 (refused from its
 * Content-Length, before it is read), a query string past {@link #MAX_QUERY} is 414, an answer past
 * {@link OdeRun#MAX_CELLS} numbers is refused as bad input (400 or an "invalid" event).
 * A run stops when its client goes (the next write fails) or when a newer run claims the same
 * {@code slot} (the page's tab and curve): parameters that change cancel the run they replace.
 * Handler threads come from a cached pool whose idle threads end after a few seconds.
 */
public final class ExplorerServer implements AutoCloseable {
    private static final String RESOURCES = "/org/forwardonly/cli/serve/";
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html", "/index.html", "index.html", "/explorer.js", "explorer.js", "/explorer.css", "explorer.css");

    /** Largest request body read, 1 MB: a config is a few KB, a notebook request a few hundred. */
    static final int MAX_BODY = 1 << 20;
    /** Largest query string, 64 KB: the page's stream URLs carry one config. */
    static final int MAX_QUERY = 64 << 10;
    /**
     * POST /api/ode sends a blank line (which CSV readers skip) when no row went out for this long,
     * so that a client that has gone is noticed by a failed write within seconds even when rows
     * are hours apart (issue 27: a run whose client left kept a core busy).
     */
    static final long HEARTBEAT_NANOS = 1_000_000_000L;

    static {
        // the JDK server resets a connection whose request line and headers pass 384 KB (its default) before any
        // handler sees it; up to 8 MB it reads them, so that a long query string gets its 414 (issue 27)
        if (System.getProperty("sun.net.httpserver.maxReqHeaderSize") == null) {
            System.setProperty("sun.net.httpserver.maxReqHeaderSize", String.valueOf(8 << 20));
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final PrintWriter log;
    private final AtomicInteger activeRuns = new AtomicInteger();
    private final Map<String, AtomicBoolean> slots = new ConcurrentHashMap<>();

    /**
     * Binds and starts the server.
     *
     * @param host address to bind (127.0.0.1 keeps it local)
     * @param port TCP port, 0 for any free one
     * @param idleThreadSeconds how long an idle handler thread lives
     * @param log where unexpected failures are reported (one line each)
     */
    public ExplorerServer(String host, int port, int idleThreadSeconds, PrintWriter log) throws IOException {
        this.log = log;
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, idleThreadSeconds, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "pepita-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Runs (ODE or simulation) in progress: a gauge for tests of abandoned clients. */
    public int activeRuns() {
        return activeRuns.get();
    }

    /** Stops accepting, ends the exchanges and the handler pool. */
    @Override
    public void close() {
        slots.values().forEach(f -> f.set(true));
        server.stop(0);
        pool.shutdownNow();
    }

    private void dispatch(HttpExchange ex) {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String query = ex.getRequestURI().getRawQuery();
            if (query != null && query.length() > MAX_QUERY) {
                text(ex, 414, "pepita serve: the query string has " + query.length() + " characters, more than " + MAX_QUERY + "\n");
                return;
            }
            if (method.equals("GET") && PAGES.containsKey(path)) page(ex, PAGES.get(path));
            else if (method.equals("GET") && path.equals("/api/model")) json(ex, model());
            else if (method.equals("POST") && path.equals("/api/ode")) odeCsv(ex);
            else if (method.equals("GET") && path.equals("/api/ode/stream")) stream(ex, SeedMeanOdeRun::prepare);
            else if (method.equals("GET") && path.equals("/api/simulate/stream")) stream(ex, SimulationRun::prepare);
            else if (method.equals("POST") && path.equals("/api/notebook")) notebook(ex);
            else text(ex, 404, "pepita serve: no " + method + " " + path + "\n");
        } catch (OdeRun.Abandoned | IOException gone) {
            // the client went away: nothing left to tell it
        } catch (RuntimeException e) {
            log.println("pepita serve: " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " failed: " + e);
            log.flush();
        }
    }

    private void page(HttpExchange ex, String name) throws IOException {
        try (InputStream in = ExplorerServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            byte[] body = in.readAllBytes();
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript" : "text/css";
            ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
    }

    /**
     * The request body, at most {@link #MAX_BODY} bytes, or null after answering 413: a declared
     * Content-Length past it is refused before any byte is read (closing the exchange then drops the
     * connection rather than read the rest), a body without one is read up to the limit only.
     */
    private static byte[] body(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        try {
            if (declared != null) length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE;
        }
        byte[] body = length > MAX_BODY ? null : ex.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body == null || body.length > MAX_BODY) {
            ex.getResponseHeaders().set("Connection", "close");
            text(ex, 413, "pepita serve: the request body is larger than " + (MAX_BODY >> 20) + " MB (a config is a few KB)\n");
            return null;
        }
        return body;
    }

    /** POST /api/ode: the bytes of metrics.csv, or 400 with the CLI's line. */
    private void odeCsv(HttpExchange ex) throws IOException {
        byte[] bytes = body(ex);
        if (bytes == null) return;
        String json = new String(bytes, StandardCharsets.UTF_8);
        OdeRun run;
        try {
            run = OdeRun.prepare(json);
        } catch (ConfigException e) {
            text(ex, 400, "pepita ode: " + e.getMessage() + "\n");
            return;
        }
        activeRuns.incrementAndGet();
        try (run) {
            ex.getResponseHeaders().set("Content-Type", "text/csv; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            write(out, TrajectoryCsv.header(run.columns()) + "\n");
            // rows as metrics.csv gets them, flushed one by one: a failed write stops the run
            run.run(new StreamedRun.Sink() {
                private long lastWrite = System.nanoTime();

                @Override
                public void sample(double t, double[] row) {
                    write(out, TrajectoryCsv.line(t, row) + "\n");
                    lastWrite = System.nanoTime();
                }

                @Override
                public void progress(double t) {
                    if (System.nanoTime() - lastWrite < HEARTBEAT_NANOS) return;
                    write(out, "\n"); // fails once the client has gone, which stops the run
                    lastWrite = System.nanoTime();
                }
            });
        } finally {
            activeRuns.decrementAndGet();
        }
    }

    private static void write(OutputStream out, String s) {
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new OdeRun.Abandoned(e);
        }
    }

    /**
     * GET /api/ode/stream and /api/simulate/stream: a run as events, for the page. A bad config is
     * one "invalid" event; a newer run on the same slot or a failed write stops the run.
     */
    private void stream(HttpExchange ex, Function<String, StreamedRun> prepare) throws IOException {
        Map<String, String> q = query(ex);
        EventStream events = new EventStream(ex);
        StreamedRun run;
        try {
            run = prepare.apply(q.getOrDefault("config", ""));
        } catch (ConfigException e) {
            events.send("invalid", e.getMessage());
            return;
        }
        AtomicBoolean cancelled = claim(q.get("slot"));
        activeRuns.incrementAndGet();
        try (run) {
            events.send("start", startJson(run.columns(), run.tEnd(), run.engine()));
            String diverged = run.run(new StreamedRun.Sink() {
                @Override
                public void sample(double t, double[] row) {
                    checkCancelled(cancelled);
                    events.send("row", TrajectoryCsv.line(t, row));
                }

                @Override
                public void progress(double t) {
                    checkCancelled(cancelled);
                    events.progress(t);
                }
            });
            if (diverged != null) events.send("diverged", diverged);
            events.send("done", "");
        } catch (OdeRun.Abandoned gone) {
            throw gone;
        } catch (RuntimeException e) {
            // tell the page (which then stops listening, instead of reconnecting to the same failure), then log it
            events.send("invalid", "the run failed: " + e);
            throw e;
        } finally {
            activeRuns.decrementAndGet();
            release(q.get("slot"), cancelled);
        }
    }

    /** POST /api/notebook: the .ipynb of the curves shown. */
    private void notebook(HttpExchange ex) throws IOException {
        byte[] body;
        try {
            byte[] bytes = body(ex);
            if (bytes == null) return;
            JsonNode request = ConfigParser.mapper().readTree(bytes);
            body = NotebookWriter.toText(ExplorerNotebook.build(request)).getBytes(StandardCharsets.UTF_8);
        } catch (ConfigException e) {
            text(ex, 400, "pepita serve: " + e.getMessage() + "\n");
            return;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text(ex, 400, "pepita serve: notebook request is not valid JSON: " + e.getOriginalMessage().replace('\n', ' ') + "\n");
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/x-ipynb+json");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"pepita-serve.ipynb\"");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    /** A newer run of the same slot cancels the older one (the page's parameters changed). */
    private AtomicBoolean claim(String slot) {
        AtomicBoolean mine = new AtomicBoolean();
        if (slot == null || slot.isEmpty()) return mine;
        AtomicBoolean previous = slots.put(slot, mine);
        if (previous != null) previous.set(true);
        return mine;
    }

    private void release(String slot, AtomicBoolean mine) {
        if (slot != null) slots.remove(slot, mine);
    }

    private static void checkCancelled(AtomicBoolean cancelled) {
        if (cancelled.get()) throw new OdeRun.Abandoned(null);
    }

    private static String startJson(java.util.List<String> columns, double tEnd, String engine) {
        var o = ConfigParser.mapper().createObjectNode();
        o.put("header", TrajectoryCsv.header(columns));
        o.put("tEnd", tEnd);
        o.put("engine", engine);
        return o.toString();
    }

    /**
     * The registry as the explorer reads it: every rule (its label, whether it has closed forms, uses F, has a
     * modulated pass, its first-order rule and whether its exact engine uses that as a control variate) and
     * every activation (whether it has closed forms), and the rule the page opens on, so that the page holds no
     * list or rule name of its own.
     */
    static String model() {
        var o = ConfigParser.mapper().createObjectNode();
        var rules = o.putObject("rules");
        for (org.forwardonly.theory.rules.RuleType r : org.forwardonly.theory.rules.Rules.all()) {
            var n = rules.putObject(r.name());
            n.put("label", r.label());
            n.put("closedForm", r.closedForm());
            n.put("usesF", r.usesF());
            n.put("modulatedPass", r.modulatedPass());
            if (r.firstOrder() != null) n.put("firstOrder", r.firstOrder().name());
            n.put("controlVariate", r.controlVariate());
        }
        var activations = o.putObject("activations");
        for (org.forwardonly.theory.activation.Activation g : org.forwardonly.theory.activation.Activation.values()) {
            activations.putObject(g.configName()).put("closedForm", org.forwardonly.theory.integrals.ClosedFormAverages.has(g));
        }
        // the page opens on AFA: its closed forms draw at once
        o.put("defaultRule", org.forwardonly.theory.rules.Rules.AFA.name());
        // and on the config's default activation (docs/config.md)
        o.put("defaultActivation", org.forwardonly.theory.activation.Activation.ERF.configName());
        return o.toString();
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
    }

    private static void text(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }
}
