package org.forwardonly.cli.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 27's abuse of {@code pepita serve}: a huge body, a huge query string, a huge answer, a
 * client that leaves a long {@code POST /api/ode}; the server answers and survives each.
 */
class ExplorerAbuseTest {
    static ExplorerServer server;
    static final StringWriter LOG = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        server = new ExplorerServer("127.0.0.1", 0, 1, new PrintWriter(LOG, true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String get(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET " + path
                    + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aOneGigabyteBodyIs413BeforeItIsReadAndTheServerAnswersAfterwards() throws Exception {
        long sent = 0;
        String status;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/ode HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + (1L << 30) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // stream the body in 64 KB pieces while the answer has not come; a server that read it all would take 1 GB
            byte[] piece = new byte[1 << 16];
            java.util.Arrays.fill(piece, (byte) ' ');
            InputStream in = s.getInputStream();
            try {
                while (in.available() == 0 && sent < (1L << 30)) {
                    out.write(piece);
                    sent += piece.length;
                }
            } catch (java.io.IOException refused) {
                // the server closed the connection after its answer: what it should do
            }
            byte[] head = in.readNBytes(12);
            status = new String(head, StandardCharsets.US_ASCII);
        }
        assertEquals("HTTP/1.1 413", status);
        // refused early: the socket buffers take a few MB at most, far from 1 GB
        assertTrue(sent < (64L << 20), "sent " + sent + " bytes before the answer");
        assertTrue(get("/").startsWith("HTTP/1.1 200"), "the server answers GET / afterwards");
    }

    @Test
    void aChunkedBodyPastTheLimitIs413() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write("POST /api/notebook HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[1 << 16];
            java.util.Arrays.fill(piece, (byte) ' ');
            try {
                for (int i = 0; i < 40; i++) { // 2.5 MB
                    out.write((Integer.toHexString(piece.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(piece);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException refused) {
                // closed after the answer
            }
            assertEquals("HTTP/1.1 413", new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII));
        }
        assertTrue(get("/").startsWith("HTTP/1.1 200"));
    }

    @Test
    void aOneMegabyteQueryStringIs414() throws Exception {
        String answer = get("/api/ode/stream?config=" + "a".repeat(1 << 20));
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer.substring(0, Math.min(200, answer.length())));
        assertTrue(get("/").startsWith("HTTP/1.1 200"));
    }

    @Test
    void anAnswerOfGigabytesIsRefusedAsBadInput() throws Exception {
        // a 61-byte body with nTimes 1e7 streamed back 2.2 GB
        String json = "{\"rule\":\"bp\",\"K\":2,\"M\":2,\"tMax\":100,\"nTimes\":10000000}";
        var r = ServeTesting.post(server, "/api/ode", json);
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("key 'nTimes'"));
    }

    @Test
    void aDisconnectedPostOdeStopsWithinTenSeconds() throws Exception {
        String json = "{\"rule\":\"pepita\",\"K\":4,\"M\":4,\"tMax\":1e8,\"nTimes\":2}";
        int before = server.activeRuns();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write(("POST /api/ode HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            // the run has started when the answer's head arrives (sent before the first row)
            s.setSoTimeout(120_000);
            assertEquals("HTTP/1.1 200", new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII));
            assertEquals(before + 1, server.activeRuns());
            Thread.sleep(3000); // as in the issue: the socket closed after 3 s, the run still going then
            assertEquals(before + 1, server.activeRuns(), "the run is still computing while its client is there: " + LOG);
        }
        long closed = System.nanoTime();
        // the issue asks for 10 s; the heartbeat finds the closed socket within about 2 s (two writes, 1 s apart)
        while (server.activeRuns() > before && System.nanoTime() - closed < 10_000_000_000L) Thread.sleep(50);
        assertEquals(before, server.activeRuns(), "the run stopped within 10 s of its client leaving");
    }
}
