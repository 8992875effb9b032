package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mppfw.api.discovery.DiscoveryException;
import org.mppfw.api.discovery.SrvTarget;
import org.mppfw.testing.Await;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Ready;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;

/**
 * SRV look-ups against unbound and dnsmasq on loopback ports the test picks, both serving the
 * same records: three https targets on two priorities (one target, prov3, has no server behind
 * it: that is for the resync engine to fall through; here only the order counts) and one http
 * target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SrvPeersTest {

    static final String UNBOUND = "/usr/sbin/unbound";

    private Scratch peers;
    private Path dir;
    private int dnsmasqPort;
    private int unboundPort;

    private static final String[][] RECORDS = {
        {"_ciscoprov-https._tls.example.test", "prov1.example.test", "18443", "10", "60"},
        {"_ciscoprov-https._tls.example.test", "prov2.example.test", "18444", "10", "40"},
        {"_ciscoprov-https._tls.example.test", "prov3.example.test", "18445", "20", "0"},
        {"_ciscoprov-http._tcp.example.test", "px1.example.test", "18080", "10", "50"},
        {"_ciscoprov-http._tcp.only-http.test", "px2.only-http.test", "8080", "5", "0"},
    };

    @BeforeAll
    void setUp() throws Exception {
        Peer.require(DhcpPeersTest.DNSMASQ);
        Peer.require(UNBOUND);
        peers = new Scratch("srv");
        dir = peers.dir;
        try {
            dnsmasqPort = Ports.udpAndTcp();
            List<String> cmd = new ArrayList<>(List.of(DhcpPeersTest.DNSMASQ, "--no-daemon", "--conf-file=/dev/null",
                    "--port=" + dnsmasqPort, "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                    "--local=/example.test/", "--local=/only-http.test/", "--user=root", "--pid-file=" + dir.resolve("dnsmasq.pid"),
                    "--log-queries", "--log-facility=" + dir.resolve("dnsmasq.log")));
            for (String[] r : RECORDS) {
                cmd.add("--srv-host=" + r[0] + "," + r[1] + "," + r[2] + "," + r[3] + "," + r[4]);
            }
            peers.start(null, "dnsmasq", dir.resolve("dnsmasq.out"), Ready.atOnce(), cmd);

            unboundPort = Ports.udpAndTcp();
            StringBuilder conf = new StringBuilder("server:\n  interface: 127.0.0.1\n  port: " + unboundPort + "\n"
                    + "  do-ip6: no\n  access-control: 127.0.0.0/8 allow\n  username: \"\"\n  chroot: \"\"\n"
                    + "  directory: \"" + dir + "\"\n  pidfile: \"" + dir.resolve("unbound.pid") + "\"\n"
                    + "  use-syslog: no\n  logfile: \"" + dir.resolve("unbound.log") + "\"\n  module-config: \"iterator\"\n"
                    + "  do-not-query-localhost: yes\n  local-zone: \"example.test.\" static\n"
                    + "  local-zone: \"only-http.test.\" static\n");
            for (String[] r : RECORDS) {
                conf.append("  local-data: \"").append(r[0]).append(". 300 IN SRV ").append(r[3]).append(' ').append(r[4])
                        .append(' ').append(r[2]).append(' ').append(r[1]).append(".\"\n");
            }
            conf.append("  local-zone: \".\" refuse\nremote-control:\n  control-enable: no\n");
            Path c = dir.resolve("unbound.conf");
            Files.writeString(c, conf);
            peers.start(null, "unbound", dir.resolve("unbound.out"), Ready.atOnce(), List.of(UNBOUND, "-d", "-c", c.toString()));
            awaitAnswer(dnsmasqPort);
            awaitAnswer(unboundPort);
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    @AfterAll
    void tearDown() {
        if (peers != null) {
            peers.close();
        }
    }

    private void awaitAnswer(int port) {
        DiscoveryException[] last = new DiscoveryException[1];
        Await.value("a DNS answer on port " + port, Duration.ofSeconds(60), () -> {
            try {
                return resolver(port, SrvResolver.WeightOrder.LOWER_FIRST).lookup("example.test").isEmpty() ? null : true;
            } catch (DiscoveryException e) {
                last[0] = e;
                return null;
            }
        }, () -> last[0] + "\n" + TempDirs.read(dir.resolve("unbound.log")) + TempDirs.read(dir.resolve("unbound.out"))
                + TempDirs.read(dir.resolve("dnsmasq.out")));
    }

    private static SrvResolver resolver(int port, SrvResolver.WeightOrder order) {
        return new SrvResolver(List.of(new InetSocketAddress("127.0.0.1", port)), Duration.ofSeconds(2), order, new Random(7));
    }

    private int port(String server) {
        return server.equals("dnsmasq") ? dnsmasqPort : unboundPort;
    }

    private static List<String> hosts(List<SrvTarget> l) {
        return l.stream().map(t -> t.scheme() + " " + t.host() + ":" + t.port()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnsmasq", "unbound"})
    void httpsTargetsFirstByPriorityThenLowerWeight(String server) throws Exception {
        List<SrvTarget> l = resolver(port(server), SrvResolver.WeightOrder.LOWER_FIRST).lookup("example.test");
        assertEquals(List.of("https prov2.example.test:18444", "https prov1.example.test:18443",
                "https prov3.example.test:18445", "http px1.example.test:18080"), hosts(l));
        assertTrue(l.stream().allMatch(t -> t.domain().equals("example.test")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnsmasq", "unbound"})
    void rfc2782OrderKeepsPrioritiesAndDrawsWithinThem(String server) throws Exception {
        for (int i = 0; i < 20; i++) {
            List<String> l = hosts(resolver(port(server), SrvResolver.WeightOrder.RFC2782).lookup("example.test"));
            assertEquals(List.of("https prov1.example.test:18443", "https prov2.example.test:18444"),
                    l.subList(0, 2).stream().sorted().toList());
            assertEquals(List.of("https prov3.example.test:18445", "http px1.example.test:18080"), l.subList(2, 4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnsmasq", "unbound"})
    void onlyHttpAndNoneAtAll(String server) throws Exception {
        assertEquals(List.of("http px2.only-http.test:8080"),
                hosts(resolver(port(server), SrvResolver.WeightOrder.LOWER_FIRST).lookup("only-http.test.")));
        assertEquals(List.of(), resolver(port(server), SrvResolver.WeightOrder.LOWER_FIRST).lookup("nothing.example.test"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void noDnsServerIsAnErrorNotAnEmptyAnswer(int unused) throws Exception {
        int dead = Ports.udpAndTcp();
        DiscoveryException e = assertThrows(DiscoveryException.class,
                () -> new SrvResolver(List.of(new InetSocketAddress("127.0.0.1", dead)), Duration.ofMillis(300),
                        SrvResolver.WeightOrder.LOWER_FIRST, new Random()).lookup("example.test"));
        assertTrue(e.getMessage().contains("_ciscoprov-https._tls.example.test"), e.getMessage());
    }
}
