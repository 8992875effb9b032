package org.mppfw.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mppfw.crypto.internal.ece.Aes128gcmInputStream;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Npm;

/**
 * The lab server in-process on free loopback ports, checked with real clients: curl (HTTP,
 * HTTPS against the lab CA, TFTP with blksize), openssl and gunzip for the encrypted profile,
 * tftp-hpa, and http_ece for RFC 8188.
 */
class LabServerTest {

    static final String MAC = "0011aabbccdd";

    @TempDir
    static Path dir;
    static Path root;
    static Path work;
    static LabServer lab;
    static final List<String> log = new CopyOnWriteArrayList<>();
    static byte[] big;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        work = Files.createDirectories(dir.resolve("work"));
        big = new byte[200 * 1024 + 123];
        new Random(42).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        Files.createDirectories(root.resolve("firmware"));
        Files.writeString(root.resolve("firmware/sip8845.12-0-1MPP0001-1.loads"), "not really a firmware\n");
        lab = LabServer.start(new LabServer.Options(root, "127.0.0.1", null, 0, 0, 0), log::add);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    static String http(String path) {
        return lab.endpoints().httpUrl() + path;
    }

    static String https(String path) {
        return lab.endpoints().httpsUrl() + path;
    }

    static String tftp(String path) {
        return lab.endpoints().tftpUrl() + "/" + path;
    }

    /** curl -s with the given arguments; returns the HTTP status and leaves the body in {@code out}. */
    static int curl(String out, String... args) {
        String[] cmd = new String[args.length + 6];
        cmd[0] = "curl";
        cmd[1] = "-sS";
        cmd[2] = "-o";
        cmd[3] = out;
        cmd[4] = "-w";
        cmd[5] = "%{http_code}";
        System.arraycopy(args, 0, cmd, 6, args.length);
        Commands.Result r = Commands.run(work, cmd);
        return Integer.parseInt(r.out().trim());
    }

    static String read(String file) throws IOException {
        return Files.readString(work.resolve(file), StandardCharsets.UTF_8);
    }

    static String param(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + "(?: [^>]*)?>([^<]*)</" + name + ">").matcher(xml);
        assertTrue(m.find(), name + " in " + xml);
        return m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }

    static String secureProfile() throws IOException {
        assertEquals(200, curl("secure.xml", "--cacert", root.resolve(LabKeys.CA_PEM).toString(),
                https("/secure/" + MAC + ".xml")));
        return read("secure.xml");
    }

    @Test
    void bootstrapOverHttpAndTftpPointsAtTheCaAndTheSecureProfile() throws IOException {
        assertEquals(200, curl("boot-http.xml", http("/bootstrap.xml")));
        String xml = read("boot-http.xml");
        assertTrue(xml.contains("<device>") && xml.contains("<flat-profile>"), xml);
        assertEquals(http("/lab-ca.pem"), param(xml, "Custom_CA_Rule"));
        assertEquals(https("/secure/$MA.xml"), param(xml, "Profile_Rule_B"));
        assertEquals("3600", param(xml, "Resync_Periodic"));

        Commands.ok(work, "tftp", "-m", "octet", "127.0.0.1", Integer.toString(lab.endpoints().tftp()), "-c", "get",
                "bootstrap.xml", "boot-tftp.xml");
        assertEquals(xml, read("boot-tftp.xml"));
    }

    @Test
    void theCaIsServedAndHttpsVerifiesAgainstItFor127001AndLocalhost() throws IOException {
        assertEquals(200, curl("ca.pem", http("/lab-ca.pem")));
        assertEquals(Files.readString(root.resolve(LabKeys.CA_PEM)), read("ca.pem"));
        String text = Commands.ok(work, "openssl", "x509", "-in", "ca.pem", "-noout", "-text").out();
        assertTrue(text.contains("CA:TRUE"), text);

        // curl checks the chain and the host name (IP:127.0.0.1, DNS:localhost)
        assertEquals(200, curl("b1.xml", "--cacert", "ca.pem", https("/bootstrap.xml")));
        int port = lab.endpoints().https();
        assertEquals(200, curl("b2.xml", "--cacert", "ca.pem", "--resolve", "localhost:" + port + ":127.0.0.1",
                "https://localhost:" + port + "/bootstrap.xml"));
        // without the lab CA it does not verify (curl exit 60)
        Commands.Result r = Commands.run(work, "curl", "-sS", "-o", "b3.xml", https("/bootstrap.xml"));
        assertEquals(60, r.exit(), r.stderr());

        String sans = Commands.ok(work, "sh", "-c", "openssl s_client -connect 127.0.0.1:" + port
                + " -CAfile ca.pem -verify_return_error </dev/null 2>/dev/null"
                + " | openssl x509 -noout -ext subjectAltName").out();
        assertTrue(sans.contains("IP Address:127.0.0.1") && sans.contains("DNS:localhost"), sans);
    }

    @Test
    void theSecureProfileIsServedOverHttpsOnly() throws IOException {
        String xml = secureProfile();
        assertEquals(lab.keys().profileKey(), param(xml, "GPP_SA"));
        assertEquals(lab.keys().ikm(), param(xml, "IKM_HTTP_Encrypt_Content"));
        assertEquals("[--key $SA] " + http("/cfg/$MA.cfg"), param(xml, "Profile_Rule_C"));
        assertEquals(http("/ece/$MA.xml"), param(xml, "Profile_Rule_D"));

        assertEquals(403, curl("s-http.xml", http("/secure/" + MAC + ".xml")));
        // however it is spelled, and for a file of one's own there too
        Files.createDirectories(root.resolve("secure"));
        Files.writeString(root.resolve("secure/own.xml"), "<device><flat-profile/></device>\n");
        for (String p : List.of("/./secure/" + MAC + ".xml", "/secure//" + MAC + ".xml", "/secure/own.xml",
                "/./secure/own.xml", "/secure/./own.xml")) {
            assertEquals(403, curl("s-http.xml", "--path-as-is", http(p)), p);
        }
        assertEquals(200, curl("own.xml", "--cacert", root.resolve(LabKeys.CA_PEM).toString(),
                "--path-as-is", https("/./secure/own.xml")));
        assertEquals("<device><flat-profile/></device>\n", read("own.xml"));
        assertFalse(read("s-http.xml").contains(lab.keys().profileKey()));
        // TFTP: access violation (curl exit 69)
        Commands.Result r = Commands.run(work, "curl", "-sS", "-o", "s-tftp.xml", tftp("secure/" + MAC + ".xml"));
        assertEquals(69, r.exit(), r.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0011aabbccdd", "0011AABBCCDD", "a0b1c2d3e4f5"})
    void theCfgProfileDecryptsWithOpensslEncAndGunzip(String mac) throws IOException {
        String key = param(secureProfile(), "GPP_SA");
        String lower = mac.toLowerCase(java.util.Locale.ROOT);
        assertEquals(200, curl(mac + ".cfg", http("/cfg/" + mac + ".cfg")));
        assertArrayEquals("Salted__".getBytes(StandardCharsets.US_ASCII),
                java.util.Arrays.copyOf(Files.readAllBytes(work.resolve(mac + ".cfg")), 8));
        Commands.ok(work, "openssl", "enc", "-d", "-aes-256-cbc", "-k", key, "-md", "sha256", "-in", mac + ".cfg",
                "-out", mac + ".xml.gz");
        Commands.ok(work, "gunzip", "-f", mac + ".xml.gz");
        String xml = read(mac + ".xml");
        assertTrue(xml.contains("<device>\n<flat-profile>"), xml);
        assertEquals("lab-" + lower, param(xml, "Station_Name"));
        assertEquals(lower, param(xml, "GPP_A"));
        assertEquals("/cfg/" + mac + ".cfg", param(xml, "GPP_B"));

        // the same file over TFTP (the --key applies to any transport)
        Commands.Result r = Commands.run(work, "curl", "-sS", "-o", mac + "-tftp.cfg", tftp("cfg/" + mac + ".cfg"));
        assertEquals(0, r.exit(), r.stderr());
        Commands.ok(work, "openssl", "enc", "-d", "-aes-256-cbc", "-k", key, "-md", "sha256", "-in",
                mac + "-tftp.cfg", "-out", mac + "-tftp.xml.gz");
        Commands.ok(work, "gunzip", "-f", mac + "-tftp.xml.gz");
        assertEquals(xml, read(mac + "-tftp.xml"));
    }

    @Test
    void theEceProfileIsAes128gcmWithTheIkm() throws IOException {
        String ikm = param(secureProfile(), "IKM_HTTP_Encrypt_Content");
        assertEquals(200, curl("ece.bin", "-D", "ece.headers", http("/ece/" + MAC + ".xml")));
        String headers = read("ece.headers");
        assertTrue(Pattern.compile("(?im)^content-encoding: aes128gcm\\r?$").matcher(headers).find(), headers);

        byte[] body = Files.readAllBytes(work.resolve("ece.bin"));
        byte[] plain;
        try (InputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(body),
                ikm.getBytes(StandardCharsets.UTF_8))) {
            plain = in.readAllBytes();
        }
        String xml = new String(plain, StandardCharsets.UTF_8);
        assertEquals(MAC, param(xml, "GPP_A"));
        assertEquals("/ece/" + MAC + ".xml", param(xml, "GPP_B"));

        // and with http_ece, the reference implementation by RFC 8188's author
        Files.writeString(work.resolve("dec.js"), """
                const ece = require('http_ece'), fs = require('fs');
                const [ikm, inf, outf] = process.argv.slice(2);
                fs.writeFileSync(outf, ece.decrypt(fs.readFileSync(inf), { version: 'aes128gcm',
                  key: Buffer.from(ikm, 'utf8') }));
                """);
        Path modules = Npm.modules("http_ece");
        Commands.Result r = Commands.run(work, Map.of("NODE_PATH", modules.toString()), "node", "dec.js", ikm, "ece.bin",
                "ece-node.xml");
        assertEquals(0, r.exit(), r.stderr());
        assertArrayEquals(plain, Files.readAllBytes(work.resolve("ece-node.xml")));

        // over HTTPS too, never over TFTP (the encoding is told by an HTTP header)
        assertEquals(200, curl("ece2.bin", "--cacert", root.resolve(LabKeys.CA_PEM).toString(),
                https("/ece/" + MAC + ".xml")));
        assertEquals(69, Commands.run(work, "curl", "-sS", "-o", "x", tftp("ece/" + MAC + ".xml")).exit());
    }

    @Test
    void plainProfilesOverHttpAndTftp() throws IOException {
        assertEquals(200, curl("plain.xml", http("/plain/" + MAC + ".xml")));
        String xml = read("plain.xml");
        assertEquals("/plain/" + MAC + ".xml", param(xml, "GPP_B"));
        assertEquals(200, curl("plain.xml.gz", http("/plain/" + MAC.toUpperCase(java.util.Locale.ROOT) + ".xml.gz")));
        Commands.ok(work, "gunzip", "-f", "plain.xml.gz");
        assertEquals(MAC, param(read("plain.xml"), "GPP_A"));

        int port = lab.endpoints().tftp();
        Commands.ok(work, "tftp", "-m", "octet", "127.0.0.1", Integer.toString(port), "-c", "get",
                "plain/" + MAC + ".xml", "plain-tftp.xml");
        assertEquals("/plain/" + MAC + ".xml", param(read("plain-tftp.xml"), "GPP_B"));
        Commands.ok(work, "tftp", "-m", "octet", "127.0.0.1", Integer.toString(port), "-c", "get",
                "plain/" + MAC + ".xml.gz", "plain-tftp.xml.gz");
        Commands.ok(work, "gunzip", "-f", "plain-tftp.xml.gz");
        assertEquals(MAC, param(read("plain-tftp.xml"), "GPP_A"));
    }

    @Test
    void filesOfTheRootAreServedAsIsOverTheThreeProtocols() throws IOException {
        String ca = root.resolve(LabKeys.CA_PEM).toString();
        String path = "firmware/sip8845.12-0-1MPP0001-1.loads";
        byte[] want = Files.readAllBytes(root.resolve(path));
        assertEquals(200, curl("fw1", http("/" + path)));
        assertEquals(200, curl("fw2", "--cacert", ca, https("/" + path)));
        assertEquals(0, Commands.run(work, "curl", "-sS", "-o", "fw3", tftp(path)).exit());
        for (String f : List.of("fw1", "fw2", "fw3")) {
            assertArrayEquals(want, Files.readAllBytes(work.resolve(f)), f);
        }
        assertEquals(200, curl("big-http", http("/big.bin")));
        assertArrayEquals(big, Files.readAllBytes(work.resolve("big-http")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 512, 1024, 1428, 8192, 65464})
    void tftpServesFilesLargerThan64KiBWithAnyBlockSize(int blksize) throws IOException {
        String out = "big-" + blksize;
        Commands.Result r = blksize == 0
                ? Commands.run(work, "curl", "-sS", "-o", out, tftp("big.bin"))
                : Commands.run(work, "curl", "-sS", "--tftp-blksize", Integer.toString(blksize), "-o", out,
                        tftp("big.bin"));
        assertEquals(0, r.exit(), r.stderr());
        assertArrayEquals(big, Files.readAllBytes(work.resolve(out)));
    }

    @Test
    void tftpHpaWithoutOptionsAndAFileOfWholeBlocks() throws IOException {
        byte[] whole = new byte[512 * 200];
        new Random(7).nextBytes(whole);
        Files.write(root.resolve("whole.bin"), whole);
        int port = lab.endpoints().tftp();
        Commands.ok(work, "tftp", "-m", "octet", "127.0.0.1", Integer.toString(port), "-c", "get", "big.bin", "hpa-big");
        assertArrayEquals(big, Files.readAllBytes(work.resolve("hpa-big")));
        Commands.ok(work, "tftp", "-m", "octet", "127.0.0.1", Integer.toString(port), "-c", "get", "whole.bin", "hpa-w");
        assertArrayEquals(whole, Files.readAllBytes(work.resolve("hpa-w")));
        assertEquals(0, Commands.run(work, "curl", "-sS", "--tftp-blksize", "1024", "-o", "curl-w",
                tftp("whole.bin")).exit());
        assertArrayEquals(whole, Files.readAllBytes(work.resolve("curl-w")));
    }

    @Test
    void pathTraversalIsRefused() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside the root\n");
        Files.createSymbolicLink(root.resolve("link-out"), outside);
        Files.createSymbolicLink(root.resolve("file-out.txt"), outside.resolve("secret.txt"));
        Files.writeString(root.resolve("inside.txt"), "inside\n");
        Files.createSymbolicLink(root.resolve("link-in.txt"), root.resolve("inside.txt"));

        for (String p : List.of("/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/firmware/../../outside/secret.txt",
                "//etc/passwd", "/link-out/secret.txt", "/link-out/none.txt", "/file-out.txt",
                "/" + LabKeys.SECRETS, "/" + LabKeys.KEY_STORE, "/./" + LabKeys.SECRETS, "/.//" + LabKeys.KEY_STORE)) {
            assertEquals(403, curl("t.out", "--path-as-is", http(p)), p);
            assertFalse(read("t.out").contains("outside the root\n") && !read("t.out").startsWith("403"), p);
        }
        assertEquals(200, curl("in.txt", http("/link-in.txt")));
        assertEquals("inside\n", read("in.txt"));

        for (String p : List.of("../outside/secret.txt", "link-out/secret.txt", "file-out.txt", LabKeys.SECRETS,
                "./" + LabKeys.KEY_STORE)) {
            Commands.Result r = Commands.run(work, "curl", "-sS", "--path-as-is", "-o", "t.out", tftp(p));
            assertEquals(69, r.exit(), p + ": " + r.stderr());
        }
        int port = lab.endpoints().tftp();
        for (String p : List.of("/etc/passwd", "../outside/secret.txt")) {
            Commands.Result r = Commands.run(work, "tftp", "-m", "octet", "127.0.0.1", Integer.toString(port), "-c", "get",
                    p, "t2.out");
            assertTrue((r.out() + r.stderr()).contains("Error code 2"), p + ": " + r.out() + r.stderr());
        }
    }

    @Test
    void whatDoesNotExistIs404AndTftpError1() {
        for (String p : List.of("/nothing.xml", "/cfg/0011aabbccd.cfg", "/cfg/0011aabbccdg.cfg", "/cfg/" + MAC + ".xml",
                "/plain/", "/", "/firmware/", "/secure/nothing.xml")) {
            String[] args = p.startsWith("/secure/")
                    ? new String[] {"--cacert", root.resolve(LabKeys.CA_PEM).toString(), https(p)}
                    : new String[] {http(p)};
            assertEquals(404, curl("n.out", args), p);
        }
        Commands.Result r = Commands.run(work, "curl", "-sS", "-o", "n.out", tftp("nothing.xml"));
        assertEquals(68, r.exit(), r.stderr());
        assertEquals(405, curl("n.out", "-X", "POST", http("/bootstrap.xml")));
    }

    @Test
    void tftpIsReadOnly() throws IOException {
        Files.writeString(work.resolve("up.txt"), "upload\n");
        Commands.Result r = Commands.run(work, "tftp", "-m", "octet", "127.0.0.1",
                Integer.toString(lab.endpoints().tftp()), "-c", "put", "up.txt", "up.txt");
        assertTrue((r.out() + r.stderr()).contains("Error code 2"), r.out() + r.stderr());
        assertFalse(Files.exists(root.resolve("up.txt")));
    }

    @Test
    void tftpSendsFromItsOwnPortAndRetransmitsOnTimeout() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(5000);
            byte[] rrq = "\0\1bootstrap.xml\0octet\0".getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(rrq, rrq.length, InetAddress.getLoopbackAddress(), lab.endpoints().tftp()));
            byte[] buf = new byte[600];
            DatagramPacket first = new DatagramPacket(buf.clone(), buf.length);
            s.receive(first);
            assertEquals(3, first.getData()[1], "DATA");
            assertEquals(1, first.getData()[3], "block 1");
            assertNotEquals(lab.endpoints().tftp(), first.getPort(), "a transfer has its own port");
            // no ACK: the same block comes again after the timeout
            DatagramPacket again = new DatagramPacket(buf.clone(), buf.length);
            s.receive(again);
            assertEquals(first.getPort(), again.getPort());
            assertArrayEquals(java.util.Arrays.copyOf(first.getData(), first.getLength()),
                    java.util.Arrays.copyOf(again.getData(), again.getLength()));
            // a stranger gets "unknown transfer id"; the transfer goes on
            try (DatagramSocket stranger = new DatagramSocket(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                stranger.setSoTimeout(5000);
                byte[] ack = {0, 4, 0, 1};
                stranger.send(new DatagramPacket(ack, 4, InetAddress.getLoopbackAddress(), first.getPort()));
                DatagramPacket err = new DatagramPacket(new byte[100], 100);
                stranger.receive(err);
                assertEquals(5, err.getData()[1], "ERROR");
                assertEquals(5, err.getData()[3], "unknown transfer id");
            }
            byte[] ack = {0, 4, 0, 1};
            s.send(new DatagramPacket(ack, 4, InetAddress.getLoopbackAddress(), first.getPort()));
            // the last block acknowledged, the transfer ends (and is logged); what came before is
            // at most a copy of block 1 sent before our ACK arrived, on a slow machine
            awaitLog(l -> l.contains(" 127.0.0.1:" + s.getLocalPort() + " tftp RRQ bootstrap.xml ok "));
            List<byte[]> after = drain(s);
            assertTrue(after.size() <= 1, "the transfer goes on after its last ACK: " + after.size());
            for (byte[] copy : after) {
                assertArrayEquals(java.util.Arrays.copyOf(first.getData(), first.getLength()), copy, "only a late copy of block 1");
            }
        }
    }

    /**
     * Not at once: a block that is never acknowledged is sent once per timeout, the first time and
     * then once for each of the retries, and the transfer is given up; a server that sent copies
     * without waiting for the ACK would send more.
     */
    @Test
    void tftpSendsAnUnacknowledgedBlockOncePerTimeoutThenGivesUp() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] rrq = "\0\1bootstrap.xml\0octet\0".getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(rrq, rrq.length, InetAddress.getLoopbackAddress(), lab.endpoints().tftp()));
            awaitLog(l -> l.contains(" 127.0.0.1:" + s.getLocalPort() + " tftp RRQ bootstrap.xml timeout "));
            List<byte[]> copies = drain(s);
            assertEquals(1 + LabServer.TFTP_RETRIES, copies.size(), "the block once, then once a retry");
            for (byte[] c : copies) {
                assertArrayEquals(copies.get(0), c);
            }
        }
    }

    /** The packets already received on {@code s} (loopback delivers a packet as it is sent). */
    private static List<byte[]> drain(DatagramSocket s) throws IOException {
        List<byte[]> got = new java.util.ArrayList<>();
        s.setSoTimeout(1);
        try {
            while (true) {
                DatagramPacket p = new DatagramPacket(new byte[600], 600);
                s.receive(p);
                got.add(java.util.Arrays.copyOf(p.getData(), p.getLength()));
            }
        } catch (SocketTimeoutException empty) {
            return got;
        }
    }

    @Test
    void tftpBlockNumbersWrapAfter65535() throws IOException {
        // blksize 8 (the smallest) makes more than 65536 blocks of half a megabyte
        byte[] wrap = new byte[65536 * 8 + 100];
        new Random(3).nextBytes(wrap);
        Files.write(root.resolve("wrap.bin"), wrap);
        Commands.Result r = Commands.run(work, "curl", "-sS", "--tftp-blksize", "8", "-o", "wrap.out", tftp("wrap.bin"));
        assertEquals(0, r.exit(), r.stderr());
        assertArrayEquals(wrap, Files.readAllBytes(work.resolve("wrap.out")));
    }

    @Test
    void tftpAnswersBlksizeAndTsizeWithAnOackAndIgnoresOtherOptions() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            s.setSoTimeout(5000);
            byte[] rrq = "\0\1big.bin\0octet\0BLKSIZE\0001400\0tsize\0000\0timeout\0003\0windowsize\0004\0"
                    .getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(rrq, rrq.length, InetAddress.getLoopbackAddress(), lab.endpoints().tftp()));
            DatagramPacket oack = new DatagramPacket(new byte[600], 600);
            s.receive(oack);
            assertEquals(6, oack.getData()[1], "OACK");
            String options = new String(oack.getData(), 2, oack.getLength() - 2, StandardCharsets.ISO_8859_1);
            assertEquals("blksize\0001400\0tsize\0" + big.length + "\0", options);
            byte[] ack0 = {0, 4, 0, 0};
            s.send(new DatagramPacket(ack0, 4, oack.getSocketAddress()));
            DatagramPacket data = new DatagramPacket(new byte[2000], 2000);
            s.receive(data);
            assertEquals(3, data.getData()[1], "DATA");
            assertEquals(4 + 1400, data.getLength());
            assertArrayEquals(java.util.Arrays.copyOf(big, 1400),
                    java.util.Arrays.copyOfRange(data.getData(), 4, 4 + 1400));
            // the client ends the transfer
            byte[] err = "\0\5\0\0done\0".getBytes(StandardCharsets.ISO_8859_1);
            s.send(new DatagramPacket(err, err.length, oack.getSocketAddress()));
        }
    }

    /** The log line that matches; it is written right after the transfer or the response ended. */
    static String awaitLog(java.util.function.Predicate<String> match) {
        return Await.value("a log line", Await.TIMEOUT, () -> log.stream().filter(match).findFirst().orElse(null), log::toString);
    }

    @Test
    void oneLogLinePerRequestWithoutSecrets() throws IOException {
        String key = param(secureProfile(), "GPP_SA");
        assertEquals(200, curl("l.cfg", "-A", "Cisco-CP-8845-3PCC/12.0.1 (" + MAC + ")", http("/cfg/" + MAC + ".cfg")));
        String line = awaitLog(l -> l.contains(" http GET /cfg/" + MAC + ".cfg 200 ") && l.contains("Cisco"));
        assertTrue(line.endsWith("\"Cisco-CP-8845-3PCC/12.0.1%20(" + MAC + ")\""), line);
        awaitLog(l -> l.contains(" https GET /secure/" + MAC + ".xml 200 "));
        assertEquals(200, curl("q.xml", http("/bootstrap.xml?token=" + key)));
        awaitLog(l -> l.contains(" http GET /bootstrap.xml 200 "));
        Commands.ok(work, "tftp", "-m", "octet", "127.0.0.1", Integer.toString(lab.endpoints().tftp()), "-c", "get",
                "plain/" + MAC + ".xml", "log-tftp.xml");
        long size = Files.size(work.resolve("log-tftp.xml"));
        awaitLog(l -> l.contains(" tftp RRQ plain/" + MAC + ".xml ok " + size + " "));
        for (String l : log) {
            assertFalse(l.contains(key), l);
            assertFalse(l.contains(lab.keys().ikm()), l);
        }
    }

    @Test
    void theKeysAndTheCaAreKeptAcrossRestarts() throws IOException {
        Path root2 = Files.createDirectories(dir.resolve("root2"));
        String ca1;
        String secure1;
        try (LabServer first = LabServer.start(new LabServer.Options(root2, "127.0.0.1", null, 0, 0, 0), l -> { })) {
            ca1 = Files.readString(root2.resolve(LabKeys.CA_PEM));
            Files.writeString(work.resolve("ca-first.pem"), ca1);
            assertEquals(200, curl("first.xml", "--cacert", "ca-first.pem",
                    first.endpoints().httpsUrl() + "/secure/" + MAC + ".xml"));
            secure1 = read("first.xml");
        }
        try (LabServer second = LabServer.start(new LabServer.Options(root2, "127.0.0.1", null, 0, 0, 0), l -> { })) {
            assertEquals(ca1, Files.readString(root2.resolve(LabKeys.CA_PEM)));
            assertEquals(200, curl("second.xml", "--cacert", "ca-first.pem",
                    second.endpoints().httpsUrl() + "/secure/" + MAC + ".xml"));
            String secure2 = read("second.xml");
            assertEquals(param(secure1, "GPP_SA"), param(secure2, "GPP_SA"));
            assertEquals(param(secure1, "IKM_HTTP_Encrypt_Content"), param(secure2, "IKM_HTTP_Encrypt_Content"));
        }
        // the other lab has other secrets
        assertNotEquals(lab.keys().profileKey(), param(secure1, "GPP_SA"));
    }

    @Test
    void activationServerAnswersRemoteCustomizationAndCodes() throws IOException {
        String bootstrap = http("/bootstrap.xml");
        assertEquals(200, curl("cda.txt", http("/cda/" + MAC + "?pn=CP-8845-3PCC&sn=FCH1")));
        assertEquals(bootstrap + "\n", read("cda.txt"));
        Files.createDirectories(root.resolve("activation"));
        Files.writeString(root.resolve("activation/0011aabbccde"), "");
        assertEquals(200, curl("cda-empty.txt", http("/cda/0011AABBCCDE")));
        assertEquals("", read("cda-empty.txt"));
        // 16-digit codes: the onboarding service, a path of its own; short codes: the activation server
        assertEquals(200, curl("code.txt", http("/onboarding/activate?code=1234567890123456&mac=" + MAC)));
        assertEquals(bootstrap + "\n", read("code.txt"));
        assertEquals(404, curl("code-cda.txt", http("/activate?code=1234567890123456&mac=" + MAC)));
        assertEquals(404, curl("short-onboarding.txt", http("/onboarding/activate?code=%23123")));
        assertEquals(404, curl("cda-onboarding.txt", http("/onboarding/cda/" + MAC)));
        assertEquals(400, curl("bad.txt", http("/activate?code=12")));
        assertEquals(400, curl("bad-onboarding.txt", http("/onboarding/activate?code=12")));
        Files.writeString(root.resolve("activation/codes.properties"), "s123=http://short.example.test/x.xml\n");
        assertEquals(200, curl("short.txt", https("/activate?code=%23123"), "--cacert", root.resolve(LabKeys.CA_PEM).toString()));
        assertEquals("http://short.example.test/x.xml\n", read("short.txt"));
        assertEquals(404, curl("unknown.txt", http("/onboarding/activate?code=1234567890123456")));
        Files.delete(root.resolve("activation/codes.properties"));
        Files.delete(root.resolve("activation/0011aabbccde"));
    }
}
