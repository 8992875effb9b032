package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Processes;
import org.mppfw.testing.Ready;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;

/**
 * The phone's DHCP client against dnsmasq and Kea, across a veth pair between two network
 * namespaces the test creates: the server in one, the phone's client in the other. The client
 * runs in a child JVM started with {@code ip netns exec} ({@link DhcpProbe}), so that it owns
 * port 68 and the only interface of its namespace, as on a phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DhcpPeersTest {

    static final String DNSMASQ = "/usr/sbin/dnsmasq";
    static final String KEA = "/usr/sbin/kea-dhcp4";

    private final long id = ProcessHandle.current().pid() % 100_000;
    private final String nsServer = "mppfw-dsrv-" + id;
    private final String nsPhone = "mppfw-dph-" + id;
    private final String vethServer = "mds" + id + "a";
    private final String vethPhone = "mds" + id + "b";
    private final String net = "10.233." + (id % 250) + ".";
    private final String server = net + "1";
    private Scratch peers;
    private Path dir;
    private Process dhcpServer;

    @BeforeAll
    void setUp() throws Exception {
        peers = new Scratch("dhcp");
        dir = peers.dir;
        try {
            peers.namespace(nsServer);
            peers.namespace(nsPhone);
            peers.veth(nsServer, vethServer, server + "/24", nsPhone, vethPhone, null);
            broadcastRoute();
        } catch (Exception | Error e) {
            tearDown();
            throw e;
        }
    }

    /** Without an address, a broadcast from 0.0.0.0 needs a route naming the interface. */
    private void broadcastRoute() throws IOException {
        Commands.ok(null, "ip", "-n", nsPhone, "route", "replace", "255.255.255.255", "dev", vethPhone);
    }

    @AfterEach
    void stopServer() throws IOException {
        Processes.stop(dhcpServer);
        dhcpServer = null;
        // removing the last IPv4 address also removes the interface's routes: put the broadcast one back
        Commands.quietly("ip", "-n", nsPhone, "addr", "flush", "dev", vethPhone);
        broadcastRoute();
    }

    @AfterAll
    void tearDown() {
        if (peers != null) {
            peers.close();
        }
        Commands.quietly("ip", "link", "del", vethServer);
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }

    /** TR-106 option 43: sub-option 1, the ACS URL. */
    private static String tr106(String url) {
        return String.format("01%02x", url.length()) + hex(url);
    }

    private void dnsmasq(String... extra) throws IOException {
        Peer.require(DNSMASQ);
        List<String> conf = new ArrayList<>(List.of("port=0", "interface=" + vethServer, "bind-interfaces",
                "dhcp-range=" + net + "100," + net + "150,255.255.255.0,1h", "dhcp-authoritative", "no-ping", "log-dhcp",
                "dhcp-leasefile=" + dir.resolve("dnsmasq.leases")));
        conf.addAll(List.of(extra));
        Path c = dir.resolve("dnsmasq.conf");
        Files.write(c, conf);
        Files.deleteIfExists(dir.resolve("dnsmasq.leases"));
        dhcpServer = peers.start(nsServer, "dnsmasq", dir.resolve("dnsmasq.log"), Ready.atOnce(), List.of(DNSMASQ,
                "--no-daemon", "--conf-file=" + c, "--user=root", "--pid-file=" + dir.resolve("dnsmasq.pid")));
    }

    private static final String URL159 = "https://prov.example.test:18443/cfg/$PSN.xml";
    private static final String URL160 = "http://10.99.0.1:18080/open/$MA.cfg";

    private String[] dnsmasqAllOptions() {
        return new String[] {"dhcp-option=66,\"" + server + "\"", "dhcp-option=150," + server + "," + net + "2",
            "dhcp-option=159,\"" + URL159 + "\"", "dhcp-option=160,\"" + URL160 + "\"",
            "dhcp-option=option:domain-name,example.test",
            "dhcp-option=43," + tr106("http://acs43.example.test:7547/").replaceAll("(..)(?!$)", "$1:"),
            "dhcp-option=vi-encap:3561,11,\"https://acs125.example.test/cwmp\""};
    }

    /** Runs the client in the phone's namespace; the lines it printed. */
    private List<String> probe(String mode, String order, String vendorClass) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve("probe.out");
        Process p = new ProcessBuilder("ip", "netns", "exec", nsPhone, java, "-cp", System.getProperty("java.class.path"),
                DhcpProbe.class.getName(), vethPhone, mode, order, vendorClass).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("probe did not end: " + TempDirs.read(out));
            }
        } finally {
            Processes.stop(p);
        }
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("FAILED")), () -> String.join("\n", lines) + "\nserver log:\n"
                + TempDirs.read(dir.resolve("dnsmasq.log")) + TempDirs.read(dir.resolve("kea.log")));
        return lines;
    }

    private static List<String> sources(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("SOURCE ")).map(l -> l.substring(7)).toList();
    }

    @Test
    void dnsmasqGivesEveryOptionInDefaultOrderWithoutItsNul() throws Exception {
        dnsmasq(dnsmasqAllOptions());
        List<String> lines = probe("acquire", "66,160,159,150,60,43,125", "CP-8845-3PCC");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("LEASE " + net) && l.endsWith(" 3600 false")), lines::toString);
        // dnsmasq ends 66 with a NUL: the host must come out clean
        assertEquals(List.of("66 " + server, "160 " + URL160, "159 " + URL159, "150 " + server, "150 " + net + "2"),
                sources(lines));
        assertTrue(lines.contains("DOMAIN example.test"), lines::toString);
        assertTrue(lines.contains("ACS http://acs43.example.test:7547/"), lines::toString);
        // the vendor class went out: dnsmasq logs it
        assertTrue(TempDirs.read(dir.resolve("dnsmasq.log")).contains("CP-8845-3PCC"), TempDirs.read(dir.resolve("dnsmasq.log")));
    }

    @Test
    void dnsmasqGivesTheNtpServersOfOption42WhenAskedForThem() throws Exception {
        List<String> ntp = new ArrayList<>(List.of(dnsmasqAllOptions()));
        ntp.add("dhcp-option=option:ntp-server," + server + "," + net + "3");
        dnsmasq(ntp.toArray(String[]::new));
        // the phone asks for 42 (and what else it needs) whatever DHCP_Option_To_Use says
        List<String> lines = probe("acquire", "66", "CP-8845-3PCC");
        assertTrue(lines.contains("PRL [1, 2, 3, 6, 15, 42, 51, 54, 58, 59, 66]"), lines::toString);
        assertEquals(List.of("NTP " + server, "NTP " + net + "3"), lines.stream().filter(l -> l.startsWith("NTP ")).toList());
    }

    @Test
    void theConfiguredOrderDecidesAndLeavesOtherOptionsOut() throws Exception {
        dnsmasq(dnsmasqAllOptions());
        List<String> lines = probe("acquire", "159,125,66", "CP-8845-3PCC");
        assertEquals(List.of("159 " + URL159, "66 " + server), sources(lines));
        assertTrue(lines.contains("ACS https://acs125.example.test/cwmp"), lines::toString);
    }

    @Test
    void dnsmasqSendsOnlyWhatOption55AsksFor() throws Exception {
        dnsmasq(dnsmasqAllOptions());
        // asking for 150 only: dnsmasq leaves 66, 159 and 160 out of its reply
        assertEquals(List.of("150 " + server, "150 " + net + "2"), sources(probe("acquire", "150", "CP-8845-3PCC")));
    }

    @Test
    void leaseIsRenewedByUnicastRequest() throws Exception {
        dnsmasq(dnsmasqAllOptions());
        List<String> lines = probe("renew", "66", "CP-8845-3PCC");
        String leased = lines.stream().filter(l -> l.startsWith("LEASE ")).findFirst().orElseThrow().split(" ")[1];
        assertTrue(lines.contains("RENEWED " + leased + " 3600"), lines::toString);
        String log = TempDirs.read(dir.resolve("dnsmasq.log"));
        assertTrue(log.contains("DHCPREQUEST(" + vethServer + ") " + leased), log);
    }

    @Test
    void informReadsOptionsForAHostThatHasItsAddress() throws Exception {
        dnsmasq(dnsmasqAllOptions());
        Commands.ok(null, "ip", "-n", nsPhone, "addr", "add", net + "77/24", "dev", vethPhone);
        List<String> lines = probe("inform", "66,160,159,150", "CP-8845-3PCC");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("LEASE " + net + "77 ") && l.endsWith(" true")), lines::toString);
        assertEquals("66 " + server, sources(lines).get(0));
        assertTrue(TempDirs.read(dir.resolve("dnsmasq.log")).contains("DHCPINFORM"), TempDirs.read(dir.resolve("dnsmasq.log")));
    }

    private void kea(String options159and160) throws IOException {
        Peer.require(KEA);
        Path run = Files.createDirectories(dir.resolve("kea-run"));
        String conf = """
                {"Dhcp4": {
                  "interfaces-config": {"interfaces": ["%s"], "dhcp-socket-type": "raw"},
                  "lease-database": {"type": "memfile", "persist": false},
                  "valid-lifetime": 1800,
                  "option-def": [{"name": "cisco-tftp", "code": 150, "type": "ipv4-address", "array": true, "space": "dhcp4"}],
                  "subnet4": [{"id": 1, "subnet": "%s0/24", "pools": [{"pool": "%s100 - %s150"}],
                    "option-data": [
                      {"name": "tftp-server-name", "data": "%s"},
                      {"name": "cisco-tftp", "code": 150, "space": "dhcp4", "data": "%s"},
                      {"name": "domain-name", "data": "kea.example.test"},
                      %s
                      {"code": 43, "space": "dhcp4", "csv-format": false, "always-send": true, "data": "%s"}
                    ]}],
                  "loggers": [{"name": "kea-dhcp4", "output_options": [{"output": "%s"}], "severity": "INFO"}]
                }}
                """.formatted(vethServer, net, net, net, server, server, options159and160,
                tr106("http://acs.kea.example.test/"), dir.resolve("kea.log"));
        Path c = dir.resolve("kea-dhcp4.json");
        Files.writeString(c, conf);
        dhcpServer = peers.start(nsServer, "kea-dhcp4", dir.resolve("kea.out"), Ready.atOnce(),
                Map.of("KEA_PIDFILE_DIR", run.toString(), "KEA_LOCKFILE_DIR", run.toString()), List.of(KEA, "-c", c.toString()));
    }

    /**
     * Kea knows 160 as v4-captive-portal: raw hex keeps that URL whole. It knows 159 as
     * v4-portparams (4 bytes) and cuts even raw data to its first 4 bytes, "http": the phone must
     * refuse that rather than take it for a server named "http".
     */
    @Test
    void keaGivesAWhole160AndA159CutToFourBytesThatIsRefused() throws Exception {
        kea("{\"code\": 159, \"space\": \"dhcp4\", \"csv-format\": false, \"data\": \"" + hex(URL159) + "\"},"
                + "{\"code\": 160, \"space\": \"dhcp4\", \"csv-format\": false, \"data\": \"" + hex(URL160) + "\"},");
        List<String> lines = probe("acquire", "66,160,159,150,60,43,125", "CP-8845-3PCC");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("LEASE " + net) && l.endsWith(" 1800 false")),
                () -> lines + TempDirs.read(dir.resolve("kea.out")));
        assertEquals(List.of("66 " + server, "160 " + URL160, "150 " + server), sources(lines), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("NOTE option 159 holds only 'http'")), lines::toString);
        assertTrue(lines.contains("DOMAIN kea.example.test"), lines::toString);
        assertTrue(lines.contains("ACS http://acs.kea.example.test/"), lines::toString);
    }

    @Test
    void keaCaptivePortalNoneIn160IsNotAServer() throws Exception {
        kea("{\"code\": 160, \"space\": \"dhcp4\", \"csv-format\": false, \"data\": \""
                + hex(OptionDecoder.CAPPORT_NONE) + "\"},");
        List<String> lines = probe("acquire", "160,66", "CP-8845-3PCC");
        assertEquals(List.of("66 " + server), sources(lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("NOTE option 160 is the captive-portal value")), lines::toString);
    }
}
