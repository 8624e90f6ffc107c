package org.forwardonly.cli.serve;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many clients that walk away: 100 requests opened on raw sockets from 10 client threads and
 * abandoned mid-run (long exact ODE runs by POST and by event stream, like a closed tab; long
 * simulations; requests cut off before their headers end). Afterwards no run is computing, the
 * server's handler threads are gone, the JVM has no more threads than before, the heap is back
 * to its level before, and the server still answers.
 */
class ExplorerLeakTest {
    /** A long run on the exact engine (minutes if left alone), sampled often so that writes come quickly. */
    static final String LONG_EXACT = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"tMax\": 1000, \"timeSpacing\": \"linear\","
            + " \"nTimes\": 100000, \"quadraturePoints\": 8}";
    static final String LONG_SIMULATION = "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"N\": 5000, \"seeds\": 4, \"tMax\": 1000}";

    @Test
    void abandonedRequestsLeaveNoThreadNoMemoryNoRun() throws Exception {
        StringWriter log = new StringWriter();
        try (ExplorerServer server = new ExplorerServer("127.0.0.1", 0, 1, new PrintWriter(log, true))) {
            // warm up every path once (class loading, the JIT's first code), then take the baseline
            assertEquals(200, ServeTesting.post(server, "/api/ode", "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"tMax\": 1,"
                    + " \"nTimes\": 3, \"quadraturePoints\": 8}").statusCode());
            ServeTesting.events(server, "/api/simulate/stream", "{\"rule\": \"pepita\", \"K\": 2, \"M\": 2, \"N\": 100, \"tMax\": 1}", "w");
            abandon(server, 0);
            ExplorerServerTest.waitFor(() -> server.activeRuns() == 0 && handlerThreads() == 0, 60);
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapBefore = heapAfterGc();

            ExecutorService clients = Executors.newFixedThreadPool(10);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int kind = i;
                done.add(clients.submit(() -> {
                    abandon(server, kind);
                    return null;
                }));
            }
            long peakRuns = 0;
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
                peakRuns = Math.max(peakRuns, server.activeRuns());
            }
            System.out.println("ExplorerLeakTest: runs still computing after the clients left: " + peakRuns);
            clients.shutdown();
            assertTrue(clients.awaitTermination(10, TimeUnit.SECONDS));

            // every abandoned run notices its client has gone at its next write (within ~100 ms of
            // progress or one sample), and idle handler threads end after 1 s
            ExplorerServerTest.waitFor(() -> server.activeRuns() == 0, 120);
            ExplorerServerTest.waitFor(() -> handlerThreads() == 0, 30);
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            // slack of 2 for the JVM's own threads; a leak of one thread per request would be +100
            assertTrue(threadsAfter <= threadsBefore + 2, "threads " + threadsBefore + " -> " + threadsAfter);
            long heapAfter = heapAfterGc();
            System.out.printf("ExplorerLeakTest: 100 abandoned requests; threads %d -> %d, heap after GC %.1f MB -> %.1f MB%n",
                    threadsBefore, threadsAfter, heapBefore / 1e6, heapAfter / 1e6);
            // 16 MB of slack for GC noise: a leak would have to keep less than 160 kB per request to hide in it,
            // while one run's state (quadrature grid, network of N = 5000) is larger than that
            assertTrue(heapAfter <= heapBefore + 16_000_000L, "heap " + heapBefore + " -> " + heapAfter);
            assertEquals(200, ServeTesting.post(server, "/api/ode", "{\"rule\": \"bp\", \"K\": 1, \"M\": 1}").statusCode());
            assertEquals("", log.toString(), "no unexpected failure was logged");
        }
    }

    /** Opens one request of a kind chosen by {@code i}, reads a little of the answer and closes the socket. */
    static void abandon(ExplorerServer server, int i) throws Exception {
        String request = switch (i % 4) {
            case 0 -> post("/api/ode", LONG_EXACT);
            case 1 -> get("/api/ode/stream?slot=tab" + i + "-A&config=" + URLEncoder.encode(LONG_EXACT, StandardCharsets.UTF_8));
            case 2 -> get("/api/simulate/stream?slot=tab" + i + "-simA&config=" + URLEncoder.encode(LONG_SIMULATION,
                    StandardCharsets.UTF_8));
            default -> "POST /api/ode HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"rule\":"; // cut off mid-body
        };
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (i % 4 != 3) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[64];
                int n = in.read(buf); // the response has started: a run is computing
                assertTrue(n > 0);
            }
        } // closed here: the client is gone
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    static String post(String path, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + b.length + "\r\n\r\n" + body;
    }

    static int handlerThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("pepita-serve-") && t.isAlive()) n++;
        return n;
    }

    static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
