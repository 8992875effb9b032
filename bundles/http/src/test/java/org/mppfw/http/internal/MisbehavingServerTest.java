package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.http.internal.Fixtures.failure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;

/**
 * Servers that never end a body, stall, trickle, flood headers or hang up. No real server does
 * these on demand, so this is a small hand-written fake: a {@link ServerSocket} on 127.0.0.1 that
 * reads the request head and then misbehaves as told. Every test checks that the phone ends the
 * exchange as class C with a message that says why; none measures how long it took.
 */
class MisbehavingServerTest {

    /** What the fake does once it has read the request head. */
    interface Behaviour {
        void serve(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        for (Thread t : threads) {
            t.interrupt();
            t.join(5000);
            assertTrue(!t.isAlive(), "fake server thread ended");
        }
    }

    /** Starts the fake; returns its base URL. */
    private String fake(Behaviour behaviour) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        open.add(server);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    Thread t = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            readHead(in);
                            behaviour.serve(in, out);
                        } catch (IOException | InterruptedException e) {
                            // the phone hung up, as it should
                        }
                    }, "fake-conn");
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "fake-accept");
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        for (int c; (c = in.read()) >= 0;) {
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return;
            }
        }
        throw new IOException("no request head");
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Blocks until the phone closes the connection. */
    private static void waitForHangUp(InputStream in) throws IOException {
        while (in.read() >= 0) {
            // ignore
        }
    }

    private static HttpExchanger phone(Duration readTimeout) {
        return Fixtures.exchanger(new HttpSettings(Fixtures.UA, null, null, Fixtures.builtInOnly(), "", readTimeout));
    }

    private static TransportRequest get(String url, long maxBytes, Duration deadline) {
        return TransportRequest.builder(URI.create(url + "/profile.cfg")).maxBytes(maxBytes).deadline(deadline).build();
    }

    @Test
    void endlessBodyWithoutLengthEndsAtTheSizeLimit() throws Exception {
        String url = fake((in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nConnection: close\r\n\r\n");
            byte[] junk = new byte[8192];
            while (true) {
                out.write(junk); // until the phone hangs up
            }
        });
        TransportException e = failure(phone(Duration.ofSeconds(30)), get(url, 256 * 1024, Duration.ofMinutes(5)));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("larger than the limit of 262144 bytes"), e.getMessage());
    }

    @Test
    void endlessChunkedBodyEndsAtTheSizeLimit() throws Exception {
        String url = fake((in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "1000\r\n" + "x".repeat(0x1000) + "\r\n";
            while (true) {
                write(out, chunk);
            }
        });
        TransportException e = failure(phone(Duration.ofSeconds(30)), get(url, 100_000, Duration.ofMinutes(5)));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("larger than the limit of 100000 bytes"), e.getMessage());
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        String url = fake((in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10000000000\r\n\r\n");
            waitForHangUp(in);
        });
        TransportException e = failure(phone(Duration.ofSeconds(30)), get(url, 1 << 20, Duration.ofMinutes(5)));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("more than the limit"), e.getMessage());
    }

    @Test
    void stallBeforeTheStatusLineEndsAtTheReadTimeout() throws Exception {
        String url = fake((in, out) -> waitForHangUp(in));
        TransportException e = failure(phone(Duration.ofSeconds(1)), get(url, 1 << 20, Duration.ofMinutes(5)));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void stallInTheBodyEndsAtTheReadTimeout() throws Exception {
        String url = fake((in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<flat-profile>");
            waitForHangUp(in);
        });
        TransportException e = failure(phone(Duration.ofSeconds(1)), get(url, 1 << 20, Duration.ofMinutes(5)));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void tricklingBodyEndsAtTheTotalDeadline() throws Exception {
        // one byte every 50 ms never trips a 30 s read timeout: only the deadline ends it
        String url = fake((in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n");
            while (true) {
                write(out, "x");
                Thread.sleep(50);
            }
        });
        TransportException e = failure(phone(Duration.ofSeconds(30)), get(url, 1 << 20, Duration.ofSeconds(1)));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }

    @Test
    void tricklingHeadersEndAtTheTotalDeadline() throws Exception {
        String url = fake((in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0;; i++) {
                write(out, "X-Slow-" + (i % 50) + ": x\r\n");
                Thread.sleep(50);
            }
        });
        TransportException e = failure(phone(Duration.ofSeconds(30)), get(url, 1 << 20, Duration.ofSeconds(1)));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }

    @Test
    void headerFloodIsClassC() throws Exception {
        String url = fake((in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0;; i++) {
                write(out, "X-Flood-" + i + ": x\r\n");
            }
        });
        TransportException e = failure(phone(Duration.ofSeconds(30)), get(url, 1 << 20, Duration.ofMinutes(5)));
        assertEquals(ResultClass.C, e.resultClass());
    }

    @Test
    void hangUpWithoutAnswerIsClassC() throws Exception {
        String url = fake((in, out) -> {
            // read the request, then close without a word
        });
        TransportException e = failure(phone(Duration.ofSeconds(30)), get(url, 1 << 20, Duration.ofMinutes(5)));
        assertEquals(ResultClass.C, e.resultClass());
        assertEquals(0, e.status());
    }

    @Test
    void bodyCutShortIsClassC() throws Exception {
        String url = fake((in, out) -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n<flat-profile>"));
        TransportException e = failure(phone(Duration.ofSeconds(30)), get(url, 1 << 20, Duration.ofMinutes(5)));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("reading"), e.getMessage());
    }
}
