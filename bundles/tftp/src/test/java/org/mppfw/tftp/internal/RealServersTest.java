package org.mppfw.tftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mppfw.api.transport.ProgressListener;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.api.transport.TransportResponse;
import org.mppfw.testing.Await;
import org.mppfw.testing.Digests;
import org.mppfw.testing.Processes;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;
import org.mppfw.testing.Tftpd;

/**
 * The TFTP client against three real servers on 127.0.0.1: tftpd-hpa (port 16969), atftpd (16970,
 * unpacked from its Debian package) and dnsmasq (69, not configurable).
 *
 * <p>Matrix, chosen so each claim is covered once without running every size with every
 * option set on every server: every size (0, 511, 512, 513, 1 MiB, 20 MiB) on every server
 * with the default options; the 512-boundary sizes again as plain RFC 1350; the boundaries of
 * the default blksize and window; every option set on every server with 1 MiB; refusal paths
 * on dedicated atftpd/tftpd-hpa instances; errors, uploads and a server killed mid-transfer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealServersTest {

    private static final int MIB = 1 << 20;
    private static final String HOST = "127.0.0.1";

    private final Scratch peers = new Scratch("tftp");
    private Path root;
    private Path logs;
    private Path spool;
    private final List<Tftpd.Server> servers = new ArrayList<>();
    private Tftpd.Server noOptionsAtftpd;
    private Tftpd.Server noWindowAtftpd;
    private Tftpd.Server noBlksizeHpa;

    @BeforeAll
    void start() throws Exception {
        root = TempDirs.openForWriting(TempDirs.create("mppfw-tftp-root"));
        logs = Files.createTempDirectory("mppfw-tftp-logs");
        spool = Files.createTempDirectory("mppfw-tftp-spool");
        try {
            for (int size : new int[] {0, 511, 512, 513, 1427, 1428, 1429, 1428 * 8, 1428 * 8 + 1, MIB, 20 * MIB}) {
                TempDirs.randomFile(root, "f" + size + ".bin", size, size);
            }
            Path secret = TempDirs.randomFile(root, "private.bin", 1000, 7);
            secret.toFile().setReadable(false, false);
            secret.toFile().setReadable(true, true);
            servers.add(Tftpd.hpa(peers, null, HOST, 16969, root, logs));
            servers.add(Tftpd.atftpd(peers, null, HOST, 16970, root, logs));
            servers.add(Tftpd.dnsmasq(peers, null, HOST, root, logs));
            noOptionsAtftpd = Tftpd.atftpd(peers, null, HOST, 16971, root, logs,
                    "--no-blksize", "--no-tsize", "--no-timeout", "--no-windowsize");
            noWindowAtftpd = Tftpd.atftpd(peers, null, HOST, 16972, root, logs, "--no-windowsize");
            noBlksizeHpa = Tftpd.hpa(peers, null, HOST, 16973, root, logs, "-r", "blksize");
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        peers.close();
        TempDirs.delete(root);
        TempDirs.delete(logs);
        TempDirs.delete(spool);
    }

    private Tftpd.Server server(String name) {
        return servers.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static TftpClient client() {
        return new TftpClient(ClientSettings.DEFAULT);
    }

    private static TftpOptions defaults() {
        return TftpTransport.options(Configs.defaults());
    }

    private static InetSocketAddress addr(Tftpd.Server s) {
        return new InetSocketAddress(s.host(), s.port());
    }

    private TransferResult fetchAndCheck(Tftpd.Server s, int size, TftpOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        TransferResult r = client().read(addr(s), "f" + size + ".bin", options, out, 64L * MIB, Duration.ofSeconds(60),
                Duration.ofSeconds(5), ProgressListener.NONE);
        assertEquals(size, r.bytes(), s.name());
        assertEquals(Digests.sha256(root.resolve("f" + size + ".bin")), Digests.sha256(out.toByteArray()),
                s.name() + " " + size + " " + options);
        return r;
    }

    static Stream<Arguments> serversAndSizes() {
        List<Arguments> l = new ArrayList<>();
        for (String s : List.of("tftpd-hpa", "atftpd", "dnsmasq")) {
            for (int size : new int[] {0, 511, 512, 513, MIB, 20 * MIB}) {
                l.add(Arguments.of(s, size));
            }
        }
        return l.stream();
    }

    @ParameterizedTest(name = "{0} {1} bytes, default options")
    @MethodSource("serversAndSizes")
    void everySizeWithDefaultOptions(String name, int size) throws Exception {
        Tftpd.Server s = server(name);
        TransferResult r = fetchAndCheck(s, size, defaults());
        Negotiated n = r.negotiated();
        assertEquals(1428, n.blksize());
        assertEquals(size, n.tsize());
        switch (name) {
            case "tftpd-hpa" -> {
                assertEquals(1, n.windowsize(), "tftpd-hpa ignores windowsize");
                assertEquals(List.of("windowsize"), n.refused());
                assertEquals(1, n.timeout());
            }
            case "atftpd" -> {
                assertEquals(8, n.windowsize());
                assertEquals(List.of(), n.refused());
            }
            default -> {
                assertEquals(1, n.windowsize());
                assertEquals(List.of("timeout", "windowsize"), n.refused(), "dnsmasq ignores timeout and windowsize");
            }
        }
        if (s.port() != 69) {
            assertTrue(r.localPort() >= 53240 && r.localPort() <= 53245, "source port " + r.localPort());
        }
    }

    static Stream<Arguments> boundaries() {
        List<Arguments> l = new ArrayList<>();
        for (String s : List.of("tftpd-hpa", "atftpd", "dnsmasq")) {
            for (int size : new int[] {0, 511, 512, 513}) {
                l.add(Arguments.of(s, size, "plain"));
            }
            for (int size : new int[] {1427, 1428, 1429, 1428 * 8, 1428 * 8 + 1}) {
                l.add(Arguments.of(s, size, "default"));
            }
        }
        return l.stream();
    }

    @ParameterizedTest(name = "{0} {1} bytes, {2}")
    @MethodSource("boundaries")
    void blockAndWindowBoundaries(String name, int size, String set) throws Exception {
        TransferResult r = fetchAndCheck(server(name), size, set.equals("plain") ? TftpOptions.PLAIN : defaults());
        if (set.equals("plain")) {
            assertTrue(r.negotiated().plain());
            assertEquals(512, r.negotiated().blksize());
        }
    }

    static Stream<Arguments> optionSets() {
        Map<String, TftpOptions> sets = new java.util.LinkedHashMap<>();
        sets.put("none", TftpOptions.PLAIN);
        sets.put("blksize 1428", new TftpOptions(1428, 0, 0, false));
        sets.put("tsize", new TftpOptions(0, 0, 0, true));
        sets.put("timeout 2", new TftpOptions(0, 0, 2, false));
        sets.put("windowsize 8", new TftpOptions(0, 8, 0, false));
        sets.put("blksize 1428 windowsize 32", new TftpOptions(1428, 32, 1, true));
        sets.put("blksize 8192 windowsize 16", new TftpOptions(8192, 16, 1, true));
        sets.put("blksize 65464", new TftpOptions(65464, 0, 0, true));
        List<Arguments> l = new ArrayList<>();
        for (String s : List.of("tftpd-hpa", "atftpd", "dnsmasq")) {
            sets.forEach((k, v) -> l.add(Arguments.of(s, k, v)));
        }
        return l.stream();
    }

    @ParameterizedTest(name = "{0} 1 MiB, {1}")
    @MethodSource("optionSets")
    void everyOptionSet(String name, String label, TftpOptions options) throws Exception {
        TransferResult r = fetchAndCheck(server(name), MIB, options);
        Negotiated n = r.negotiated();
        boolean dnsmasq = name.equals("dnsmasq");
        if (options.blksize() != 0) {
            if (dnsmasq && options.blksize() > 1428) {
                assertTrue(n.blksize() < options.blksize() && n.blksize() >= 512, "dnsmasq lowers blksize: " + n.blksize());
            } else {
                assertEquals(options.blksize(), n.blksize());
            }
        } else {
            assertEquals(512, n.blksize());
        }
        assertEquals(options.windowsize() != 0 && name.equals("atftpd") ? options.windowsize() : 1, n.windowsize());
        assertEquals(options.tsize() ? MIB : -1, n.tsize());
        assertEquals(options.timeout() != 0 && !dnsmasq ? options.timeout() : 0, n.timeout());
        // a server that supports none of the options asked for answers with DATA: no OACK
        List<String> supported = switch (name) {
            case "tftpd-hpa" -> List.of("blksize", "tsize", "timeout");
            case "atftpd" -> List.of("blksize", "tsize", "timeout", "windowsize");
            default -> List.of("blksize", "tsize");
        };
        boolean anySupported = options.toRequest(0).keySet().stream().anyMatch(supported::contains);
        assertEquals(!anySupported, n.plain());
    }

    @Test
    void atftpdWithoutAnyOptionFallsBackToRfc1350() throws Exception {
        for (int size : new int[] {513, MIB}) {
            TransferResult r = fetchAndCheck(noOptionsAtftpd, size, defaults());
            assertEquals(512, r.negotiated().blksize());
            assertEquals(1, r.negotiated().windowsize());
            assertEquals(-1, r.negotiated().tsize());
            assertTrue(r.negotiated().refused().containsAll(List.of("blksize", "tsize", "timeout", "windowsize")));
        }
    }

    @Test
    void atftpdWithoutWindowsizeGrantsTheRest() throws Exception {
        TransferResult r = fetchAndCheck(noWindowAtftpd, MIB, defaults());
        assertEquals(1428, r.negotiated().blksize());
        assertEquals(1, r.negotiated().windowsize());
        assertEquals(List.of("windowsize"), r.negotiated().refused());
    }

    @Test
    void tftpdHpaRefusingBlksize() throws Exception {
        TransferResult r = fetchAndCheck(noBlksizeHpa, MIB, defaults());
        assertEquals(512, r.negotiated().blksize());
        assertTrue(r.negotiated().refused().contains("blksize"));
        assertEquals(MIB, r.negotiated().tsize());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void missingFileIsClassB(String name) {
        TransportException e = assertThrows(TransportException.class, () -> client().read(addr(server(name)), "nope.cfg",
                defaults(), OutputStream.nullOutputStream(), MIB, Duration.ofSeconds(20), Duration.ofSeconds(5),
                ProgressListener.NONE));
        assertEquals(ResultClass.B, e.resultClass());
        assertEquals(1, e.status());
    }

    static Stream<String> names() {
        return Stream.of("tftpd-hpa", "atftpd", "dnsmasq");
    }

    /** atftpd runs as root here and so reads any file; the other two serve world-readable files only. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tftpd-hpa", "dnsmasq"})
    void unreadableFileIsClassC(String name) {
        TransportException e = assertThrows(TransportException.class, () -> client().read(addr(server(name)),
                "private.bin", defaults(), OutputStream.nullOutputStream(), MIB, Duration.ofSeconds(20),
                Duration.ofSeconds(5), ProgressListener.NONE));
        assertEquals(ResultClass.C, e.resultClass(), e.getMessage());
        assertEquals(2, e.status(), e.getMessage());
    }

    @Test
    void sizeLimitStopsTheTransfer() {
        TransportException announced = assertThrows(TransportException.class, () -> client().read(addr(server("atftpd")),
                "f" + MIB + ".bin", defaults(), OutputStream.nullOutputStream(), 100_000, Duration.ofSeconds(20),
                Duration.ofSeconds(5), ProgressListener.NONE));
        assertEquals(ResultClass.C, announced.resultClass());
        assertTrue(announced.getMessage().contains("exceeds the limit"), announced.getMessage());
        TransportException counted = assertThrows(TransportException.class, () -> client().read(addr(server("tftpd-hpa")),
                "f" + MIB + ".bin", TftpOptions.PLAIN, OutputStream.nullOutputStream(), 100_000, Duration.ofSeconds(20),
                Duration.ofSeconds(5), ProgressListener.NONE));
        assertEquals(ResultClass.C, counted.resultClass());
        assertTrue(counted.getMessage().contains("limit of 100000"), counted.getMessage());
    }

    static Stream<Arguments> uploads() {
        List<Arguments> l = new ArrayList<>();
        for (String s : List.of("tftpd-hpa", "atftpd")) {
            for (int size : new int[] {0, 513, 1428 * 8, MIB}) {
                l.add(Arguments.of(s, size));
            }
        }
        return l.stream();
    }

    @ParameterizedTest(name = "{0} upload {1} bytes")
    @MethodSource("uploads")
    void uploadReachesTheServerWhole(String name, int size) throws Exception {
        byte[] body = new byte[size];
        new java.util.Random(size + 1).nextBytes(body);
        String file = "up-" + name + "-" + size + ".xml";
        Path target = root.resolve(file);
        Files.deleteIfExists(target);
        Files.createFile(target);
        target.toFile().setWritable(true, false);
        TransferResult r = client().write(addr(server(name)), file, defaults(), body, Duration.ofSeconds(60),
                Duration.ofSeconds(5), ProgressListener.NONE);
        assertEquals(size, r.bytes());
        // the server may still be closing the file when its last ACK arrives
        String want = Digests.sha256(body);
        Await.until(name + " to close the uploaded file", () -> want.equals(Digests.sha256(target)));
        assertEquals(want, Digests.sha256(target));
        assertEquals(name.equals("atftpd") ? 8 : 1, r.negotiated().windowsize());
    }

    @Test
    void dnsmasqRefusesUploadsAsClassC() {
        TransportException e = assertThrows(TransportException.class, () -> client().write(addr(server("dnsmasq")),
                "up.xml", defaults(), new byte[100], Duration.ofSeconds(20), Duration.ofSeconds(5), ProgressListener.NONE));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.status() > 0, e.getMessage());
    }

    @Test
    void serverKilledMidTransferIsClassC() throws Exception {
        Tftpd.Server victim = Tftpd.atftpd(peers, null, HOST, 16974, root, logs);
        TftpClient impatient = new TftpClient(new ClientSettings(3, Duration.ofMillis(200), Duration.ofMillis(200),
                Duration.ofSeconds(1), 53240, 53245));
        AtomicLong seen = new AtomicLong();
        ProgressListener killer = (bytes, total) -> {
            seen.set(bytes);
            if (bytes >= MIB && victim.process().isAlive()) {
                Processes.kill(victim.process());
            }
        };
        TransportException e = assertThrows(TransportException.class, () -> impatient.read(addr(victim),
                "f" + 20 * MIB + ".bin", TftpOptions.PLAIN, OutputStream.nullOutputStream(), 64L * MIB,
                Duration.ofSeconds(60), Duration.ofSeconds(5), killer));
        assertEquals(ResultClass.C, e.resultClass());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertFalse(victim.process().isAlive());
        assertTrue(seen.get() >= MIB && seen.get() < 20 * MIB, "progress " + seen.get());
        // ended by its three retransmissions going unanswered, long before the 60 s deadline of the transfer
        assertTrue(e.getMessage().matches(".*timed out waiting for block \\d+ after \\d+ bytes and 3 retransmissions"),
                e.getMessage());
        assertFalse(e.getMessage().contains("deadline"), e.getMessage());
    }

    @Test
    void transportSpoolsLargeDownloadsToDiskAndDeletesThem() throws Exception {
        TftpTransport transport = new TftpTransport(Configs.defaults(), spool);
        List<long[]> progress = new ArrayList<>();
        TransportRequest req = TransportRequest.builder(URI.create("tftp://127.0.0.1:16970/f" + 20 * MIB + ".bin"))
                .progress((b, t) -> progress.add(new long[] {b, t})).build();
        try (TransportResponse r = transport.exchange(req)) {
            assertEquals(20 * MIB, r.contentLength());
            assertEquals(0, r.status());
            assertTrue(r instanceof TftpResponse);
            try (Stream<Path> files = Files.list(spool)) {
                assertEquals(1, files.count(), "20 MiB went to a spool file");
            }
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            try (InputStream in = r.body()) {
                byte[] buf = new byte[65536];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            assertEquals(Digests.sha256(root.resolve("f" + 20 * MIB + ".bin")),
                    java.util.HexFormat.of().formatHex(md.digest()));
        }
        try (Stream<Path> files = Files.list(spool)) {
            assertEquals(0, files.count(), "spool file deleted on close");
        }
        assertTrue(progress.size() > 10);
        long[] last = progress.get(progress.size() - 1);
        assertEquals(20 * MIB, last[0]);
        assertEquals(20 * MIB, last[1]);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0]);
        }
    }

    @Test
    void transportMapsMissingFileAndUploads() throws Exception {
        TftpTransport transport = new TftpTransport(Configs.defaults(), spool);
        TransportException e = assertThrows(TransportException.class,
                () -> transport.exchange(TransportRequest.get(URI.create("tftp://127.0.0.1:16969/missing.cfg"))));
        assertEquals(ResultClass.B, e.resultClass());
        Path target = root.resolve("report.xml");
        Files.deleteIfExists(target);
        byte[] report = "<flat-profile/>".getBytes(StandardCharsets.UTF_8);
        try (TransportResponse r = transport.exchange(TransportRequest.builder(URI.create("tftp://127.0.0.1:16969/report.xml"))
                .method("PUT").body(report, "application/xml").build())) {
            assertEquals(0, r.contentLength());
        }
        assertEquals("<flat-profile/>", Files.readString(target));
        TransportException unsupported = assertThrows(TransportException.class, () -> transport.exchange(
                TransportRequest.builder(URI.create("tftp://127.0.0.1:16969/x")).method("DELETE").build()));
        assertEquals(ResultClass.C, unsupported.resultClass());
    }

    @Test
    void gogoGetPrintsOptionsAndRate() throws Exception {
        TftpCommand cmd = new TftpCommand(new TftpTransport(Configs.defaults(), spool));
        Path out = Files.createTempFile(spool, "get", ".bin");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String line = cmd.get("tftp://127.0.0.1:16970/f" + MIB + ".bin", out.toString(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertTrue(line.contains("blksize=1428 windowsize=8 tsize=1048576 timeout=1"), line);
        assertTrue(line.contains("MB/s"), line);
        assertEquals(Digests.sha256(root.resolve("f" + MIB + ".bin")), Digests.sha256(out));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("100%"), console.toString(StandardCharsets.UTF_8));
        Files.delete(out);
        String noFile = cmd.get("tftp://127.0.0.1/f513.bin", null, new PrintStream(OutputStream.nullOutputStream()));
        assertTrue(noFile.contains("sha256 " + Digests.sha256(root.resolve("f513.bin"))), noFile);
        assertTrue(noFile.contains("refused=timeout,windowsize"), noFile);
        IOException missing = assertThrows(IOException.class,
                () -> cmd.get("tftp://127.0.0.1:16969/none.cfg", null, new PrintStream(OutputStream.nullOutputStream())));
        assertTrue(missing.getMessage().startsWith("failed (class B, TFTP error 1)"), missing.getMessage());
    }

    @Test
    void blockNumbersRollOverPast65535() throws Exception {
        // 70000 blocks of 8 bytes: the 16-bit block number wraps (tftpd-hpa wraps to 0)
        int size = 8 * 70_000 + 3;
        TempDirs.randomFile(root, "roll.bin", size, 99);
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        TransferResult r = client().read(addr(server("tftpd-hpa")), "roll.bin", new TftpOptions(8, 0, 0, true), out,
                MIB, Duration.ofSeconds(90), Duration.ofSeconds(5), ProgressListener.NONE);
        assertEquals(8, r.negotiated().blksize());
        assertEquals(size, r.bytes());
        assertEquals(Digests.sha256(root.resolve("roll.bin")), Digests.sha256(out.toByteArray()));
        assertNull(r.fallback());
        assertNotNull(r.negotiated());
    }
}
