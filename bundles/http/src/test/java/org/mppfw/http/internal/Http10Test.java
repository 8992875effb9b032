package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mppfw.http.internal.Fixtures.exchanger;
import static org.mppfw.http.internal.Fixtures.failure;
import static org.mppfw.http.internal.Fixtures.settings;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Ready;
import org.mppfw.testing.Scratch;

/**
 * Against a real HTTP/1.0-only server: Python's {@code http.server} from Debian's python3, which
 * answers {@code HTTP/1.0} and closes the connection after each response. Its CGI mode sends a
 * body with no {@code Content-Length} at all, delimited only by the connection closing.
 */
class Http10Test {

    static final String PYTHON = "/usr/bin/python3";
    static final String PROFILE = "<flat-profile><Station_Name>http10</Station_Name></flat-profile>\n";
    static Scratch peers;
    static int port;
    static byte[] big;
    static HttpExchanger phone;

    @BeforeAll
    static void start() throws Exception {
        Peer.require(PYTHON);
        peers = new Scratch("http10");
        port = Ports.tcp();
        big = new byte[3 << 20];
        new Random(10).nextBytes(big);
        peers.write("www/profile.cfg", PROFILE);
        Path bigFile = peers.write("www/big.bin", big);
        Path cgi = peers.write("www/cgi-bin/stream.sh",
                "#!/bin/sh\nprintf 'Content-Type: application/octet-stream\\r\\n\\r\\n'\nexec cat '" + bigFile + "'\n");
        Files.setPosixFilePermissions(cgi, PosixFilePermissions.fromString("rwxr-xr-x"));
        peers.start("python-http", Ready.tcp(port), PYTHON, "-m", "http.server", "--cgi", "--bind", "127.0.0.1",
                "--directory", peers.dir.resolve("www").toString(), Integer.toString(port));
        phone = exchanger(settings(Fixtures.builtInOnly(), null, null));
    }

    @AfterAll
    static void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** What the server answers on the wire, read with a plain socket: the peer really is HTTP/1.0. */
    static String rawHead(String path) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // ends: the server closes
            return all.substring(0, all.indexOf("\r\n\r\n"));
        }
    }

    @Test
    void serverSpeaksHttp10AndClosesTheConnection() throws Exception {
        String head = rawHead("/profile.cfg");
        assertTrue(head.startsWith("HTTP/1.0 200 "), head);
        assertFalse(head.toLowerCase().contains("transfer-encoding"), head);
    }

    @Test
    void getIsClassAWithTheBody() throws Exception {
        try (TransportResponse r = phone.exchange(TransportRequest.get(URI.create(url("/profile.cfg"))))) {
            assertEquals(200, r.status());
            assertTrue(r.header("Transfer-Encoding").isEmpty(), "no chunking in HTTP/1.0");
            assertEquals(PROFILE.length(), r.contentLength());
            assertEquals(PROFILE, Fixtures.body(r));
        }
    }

    @Test
    void bodyDelimitedByConnectionClose() throws Exception {
        assertTrue(rawHead("/cgi-bin/stream.sh").startsWith("HTTP/1.0 200 "));
        assertFalse(rawHead("/cgi-bin/stream.sh").toLowerCase().contains("content-length"), "no length: read to close");
        try (TransportResponse r = phone.exchange(TransportRequest.get(URI.create(url("/cgi-bin/stream.sh"))));
                InputStream in = r.body()) {
            assertEquals(-1, r.contentLength());
            assertArrayEquals(big, in.readAllBytes());
        }
    }

    @Test
    void bodyDelimitedByCloseStillHasTheSizeLimit() {
        TransportException e = failure(phone, TransportRequest.builder(URI.create(url("/cgi-bin/stream.sh")))
                .maxBytes(100_000).build());
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("larger than the limit of 100000 bytes"), e.getMessage());
    }

    @Test
    void notFoundIsClassB() {
        TransportException e = failure(phone, url("/missing.cfg"));
        assertEquals(ResultClass.B, e.resultClass());
        assertEquals(404, e.status());
    }
}
