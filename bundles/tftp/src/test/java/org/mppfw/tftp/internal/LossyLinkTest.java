package org.mppfw.tftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mppfw.api.transport.ProgressListener;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Digests;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;
import org.mppfw.testing.Tftpd;

/**
 * Transfers across a lossy link: a veth pair between the root namespace (the JVM, our client)
 * and a namespace holding tftpd-hpa, atftpd and dnsmasq, with 5% loss each way (and 20 ms
 * delay where the kernel has {@code sch_netem}; without it the loss comes from an nftables
 * {@code numgen random} rule and there is no added delay). Every file must arrive whole.
 *
 * <p>Sizes: 1 MiB with atftpd's window; 64 KiB through dnsmasq, where every lost block costs a
 * server timeout (about a second), so that the suite stays short; one block (513 bytes) through
 * tftpd-hpa in up to three attempts (each a whole new transfer, as the phone's error retry makes),
 * and no upload to it. That is a limit of tftpd-hpa, not of the client: across this
 * link tftpd-hpa gives a transfer up after a handful of retransmissions in all, and its own
 * client ({@code tftp} of tftp-hpa) lost 11 of 12 downloads of 64 KiB in a trial, the same way
 * ours did (the server stopped answering after about 25 blocks); even 8 KiB failed now and then
 * on a loaded machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LossyLinkTest {

    private static final int KIB = 1024;

    private final Scratch peers = new Scratch("tftp");
    private final long id = ProcessHandle.current().pid() % 100_000;
    private final String ns = "mppfw-tftp-" + id;
    private final String vethRoot = "mtf" + id + "a";
    private final String vethNs = "mtf" + id + "b";
    private final int subnet = (int) (id % 64) * 4;
    private final String clientIp = "10.231." + (id % 250) + "." + (subnet + 1);
    private final String serverIp = "10.231." + (id % 250) + "." + (subnet + 2);
    private Path root;
    private Path logs;
    private String impairment;
    private int retransmissions;

    @BeforeAll
    void setUp() throws Exception {
        root = TempDirs.openForWriting(TempDirs.create("mppfw-tftp-lossy"));
        logs = Files.createTempDirectory("mppfw-tftp-lossy-logs");
        try {
            for (int size : new int[] {0, 513, 64 * KIB, 1024 * KIB}) {
                TempDirs.randomFile(root, "f" + size + ".bin", size, size + 11);
            }
            peers.namespace(ns);
            Commands.output("ip", "link", "add", vethRoot, "type", "veth", "peer", "name", vethNs);
            Commands.output("ip", "link", "set", vethNs, "netns", ns);
            Commands.output("ip", "addr", "add", clientIp + "/30", "dev", vethRoot);
            Commands.output("ip", "link", "set", vethRoot, "up");
            Commands.output("ip", "-n", ns, "addr", "add", serverIp + "/30", "dev", vethNs);
            Commands.output("ip", "-n", ns, "link", "set", vethNs, "up");
            impairment = impair();
            Tftpd.hpa(peers, ns, serverIp, 16969, root, logs);
            Tftpd.atftpd(peers, ns, serverIp, 16970, root, logs);
            Tftpd.dnsmasq(peers, ns, serverIp, root, logs);
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    /** netem 5% loss + 20 ms delay on both ends if the kernel has it, else nftables 5% loss. */
    private String impair() throws Exception {
        if (Commands.run(null, "tc", "qdisc", "add", "dev", vethRoot, "root", "netem", "loss", "5%", "delay", "20ms").exit() == 0
                && Commands.run(null, "ip", "netns", "exec", ns, "tc", "qdisc", "add", "dev", vethNs, "root", "netem", "loss",
                        "5%", "delay", "20ms").exit() == 0) {
            return "netem loss 5% delay 20ms";
        }
        Commands.quietly("tc", "qdisc", "del", "dev", vethRoot, "root");
        Path rules = logs.resolve("loss.nft");
        Files.writeString(rules, "table inet mppfw_tftp_loss {\n"
                + "  chain in { type filter hook input priority 0; policy accept; "
                + "meta l4proto udp numgen random mod 100 < 5 drop; }\n"
                + "  chain out { type filter hook output priority 0; policy accept; "
                + "meta l4proto udp numgen random mod 100 < 5 drop; }\n}\n");
        Peer.require("nft");
        Commands.output("ip", "netns", "exec", ns, "nft", "-f", rules.toString());
        return "nftables loss 5% (no sch_netem in this kernel: no delay)";
    }

    @AfterAll
    void tearDown() {
        peers.close();
        Commands.quietly("ip", "link", "del", vethRoot);
        TempDirs.delete(root);
        TempDirs.delete(logs);
    }

    static Stream<Arguments> transfers() {
        List<Arguments> l = new ArrayList<>();
        for (int size : new int[] {0, 513, 1024 * KIB}) {
            l.add(Arguments.of("atftpd", 16970, size));
        }
        l.add(Arguments.of("tftpd-hpa", 16969, 513));
        for (int size : new int[] {513, 64 * KIB}) {
            l.add(Arguments.of("dnsmasq", 69, size));
        }
        return l.stream();
    }

    @ParameterizedTest(name = "{0} {2} bytes")
    @MethodSource("transfers")
    @Order(1)
    void downloadArrivesWhole(String server, int port, int size) throws Exception {
        // tftpd-hpa gives a transfer up after a few lost packets in a row (see above); the phone then
        // fails the attempt cleanly and retries on its error schedule: the test does the same, twice at most
        int attempts = server.equals("tftpd-hpa") ? 3 : 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        TransferResult r = null;
        for (int attempt = 1; r == null; attempt++) {
            out.reset();
            try {
                r = new TftpClient(ClientSettings.DEFAULT).read(new InetSocketAddress(serverIp, port), "f" + size + ".bin",
                        TftpTransport.options(Configs.defaults()), out, 64L << 20, Duration.ofSeconds(120),
                        Duration.ofSeconds(30), ProgressListener.NONE);
            } catch (org.mppfw.api.transport.TransportException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            }
        }
        assertEquals(Digests.sha256(root.resolve("f" + size + ".bin")), Digests.sha256(out.toByteArray()),
                server + " " + size + " over " + impairment);
        retransmissions += r.retransmissions();
    }

    @ParameterizedTest(name = "upload to {0}")
    @MethodSource("uploads")
    @Order(2)
    void uploadArrivesWhole(String server, int port, int size) throws Exception {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        Path target = root.resolve("up-" + server + ".bin");
        Files.deleteIfExists(target);
        Files.createFile(target);
        target.toFile().setWritable(true, false);
        TransferResult r = new TftpClient(ClientSettings.DEFAULT).write(new InetSocketAddress(serverIp, port),
                target.getFileName().toString(), TftpTransport.options(Configs.defaults()), body, Duration.ofSeconds(120),
                Duration.ofSeconds(30), ProgressListener.NONE);
        retransmissions += r.retransmissions();
        String want = Digests.sha256(body);
        Await.until(server + " to close the uploaded file", () -> want.equals(Digests.sha256(target)));
        assertEquals(want, Digests.sha256(target), server + " over " + impairment);
    }

    static Stream<Arguments> uploads() {
        return Stream.of(Arguments.of("atftpd", 16970, 256 * KIB));
    }

    @Test
    @Order(3)
    void theLinkReallyLostPackets() {
        // ~1400 packets crossed a link dropping 5% each way: recovering needed retransmissions
        assertTrue(retransmissions > 0, "no retransmission over " + impairment);
    }
}
