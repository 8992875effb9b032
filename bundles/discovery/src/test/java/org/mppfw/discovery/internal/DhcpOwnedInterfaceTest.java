package org.mppfw.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Processes;
import org.mppfw.testing.Ready;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;

/**
 * Mode {@code dhcp} owning a bare interface, as a phone's port at power-on: the phone's side of
 * the veth pair is up with no address and no route, set by nobody but the phone. The whole
 * discovery engine runs in a child JVM in the phone's namespace ({@link PhoneProbe}), against
 * dnsmasq and Kea with short lease times: the lease, the address and default route on the
 * interface, option 55 and 60 as the server saw them, the renewal at T1, and the release at stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DhcpOwnedInterfaceTest {

    private static final String MAC = "02:00:5e:10:00:01";
    private static final Duration LEASE_WAIT = Duration.ofSeconds(60);

    private final long id = ProcessHandle.current().pid() % 100_000;
    private final String nsServer = "mppfw-osrv-" + id;
    private final String nsPhone = "mppfw-oph-" + id;
    private final String vethServer = "mdo" + id + "a";
    private final String vethPhone = "mdo" + id + "b";
    private final String net = "10.234." + (id % 250) + ".";
    private final String server = net + "1";
    private Scratch peers;
    private Path dir;
    private Process dhcpServer;
    private Process phone;
    private OutputStream phoneIn;

    @BeforeAll
    void setUp() {
        peers = new Scratch("dhcp-owned");
        dir = peers.dir;
    }

    /** A fresh veth pair each time: the phone's end up, and nothing else on it. */
    @BeforeEach
    void link() {
        peers.namespace(nsServer);
        peers.namespace(nsPhone);
        peers.veth(nsServer, vethServer, server + "/24", nsPhone, vethPhone, MAC);
    }

    @AfterEach
    void stop() {
        Processes.stop(phone);
        Processes.stop(dhcpServer);
        phone = null;
        dhcpServer = null;
        Commands.quietly("ip", "netns", "del", nsPhone);
        Commands.quietly("ip", "netns", "del", nsServer);
    }

    @AfterAll
    void tearDown() {
        if (peers != null) {
            peers.close();
        }
    }

    private String phoneAddresses() {
        return Commands.run(null, "ip", "-n", nsPhone, "-4", "-o", "addr", "show", "dev", vethPhone).out();
    }

    private String phoneRoutes() {
        return Commands.run(null, "ip", "-n", nsPhone, "-4", "route", "show").out();
    }

    /** Starts the phone with {@code DHCP_Option_To_Use} = {@code order}; {@code prefix} runs before java (setpriv ...). */
    private void phone(String order, String... prefix) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", nsPhone));
        cmd.addAll(List.of(prefix));
        cmd.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), PhoneProbe.class.getName(), vethPhone, order,
                Files.createDirectories(dir.resolve("phone-" + System.nanoTime())).toString()));
        phone = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("phone.out").toFile()).start();
        phoneIn = phone.getOutputStream();
    }

    private String phoneLog() {
        return TempDirs.read(dir.resolve("phone.out"));
    }

    private void tell(String command) throws IOException {
        phoneIn.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        phoneIn.flush();
    }

    /** The address the phone's interface got, once it and the default route are there. */
    private String leasedAddress() {
        Pattern inet = Pattern.compile("inet (" + Pattern.quote(net) + "\\d+)/24 ");
        String address = Await.value("the leased address on " + vethPhone, LEASE_WAIT, () -> {
            Matcher m = inet.matcher(phoneAddresses());
            return m.find() ? m.group(1) : null;
        }, () -> phoneAddresses() + phoneLog() + serverLog());
        Await.until("the default route of option 3", () -> phoneRoutes().contains("default via " + server + " dev " + vethPhone));
        return address;
    }

    /** Stops the phone as at shutdown, and waits for its end. */
    private void stopPhone() throws Exception {
        tell("stop");
        assertTrue(phone.waitFor(30, TimeUnit.SECONDS), this::phoneLog);
        assertTrue(phoneLog().contains("STOPPED"), this::phoneLog);
    }

    private String serverLog() {
        return TempDirs.read(dir.resolve("dnsmasq.log")) + TempDirs.read(dir.resolve("kea.log"));
    }

    private void freshLogs() throws IOException {
        for (String log : List.of("dnsmasq.log", "kea.log", "kea-leases.csv", "phone.out")) {
            Files.deleteIfExists(dir.resolve(log));
        }
    }

    private static long count(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }

    private void dnsmasq() throws IOException {
        Peer.require(DhcpPeersTest.DNSMASQ);
        Path leases = dir.resolve("dnsmasq.leases");
        Files.deleteIfExists(leases);
        freshLogs();
        // dnsmasq's shortest lease is 2 minutes; T1 of 10 s makes the renewal come soon
        Path c = Files.write(dir.resolve("dnsmasq-owned.conf"), List.of("port=0", "interface=" + vethServer, "bind-interfaces",
                "dhcp-range=" + net + "100," + net + "150,255.255.255.0,2m", "dhcp-authoritative", "no-ping", "log-dhcp",
                "dhcp-leasefile=" + leases, "dhcp-option=option:router," + server, "dhcp-option=option:dns-server," + server,
                "dhcp-option=option:T1,10", "dhcp-option=66,\"" + server + "\"", "dhcp-option=150," + server,
                "dhcp-option=160,\"http://" + server + "/$PSN.xml\"", "log-facility=" + dir.resolve("dnsmasq.log")));
        dhcpServer = peers.start(nsServer, "dnsmasq", dir.resolve("dnsmasq.out"), Ready.atOnce(), List.of(DhcpPeersTest.DNSMASQ,
                "--no-daemon", "--conf-file=" + c, "--user=root", "--pid-file=" + dir.resolve("dnsmasq.pid")));
    }

    @Test
    void dnsmasqLeasesTheBareInterfaceWhichTheAddressRouteRenewalAndReleaseFollow() throws Exception {
        dnsmasq();
        assertFalse(phoneAddresses().contains("inet "), "the test gives the phone's side no address");
        assertFalse(phoneRoutes().contains(vethPhone), "nor any route");
        phone("160,66,150");
        String address = leasedAddress();
        String log = serverLog();
        // option 55: the basic options and DHCP_Option_To_Use; option 60: the model, as a real MPP phone
        assertTrue(log.contains("vendor class: CP-8845-3PCC"), log);
        String requested = log.lines().filter(l -> l.contains("requested options:")).reduce("", String::concat);
        for (String o : List.of("1:netmask", "3:router", "6:dns-server", "15:domain-name", "42:ntp-server", "58:T1", "59:T2",
            "66:tftp-server", "150", "160")) {
            assertTrue(requested.contains(o), () -> o + " not requested: " + log);
        }
        tell("address");
        Await.until("$IP to be the lease's", () -> phoneLog().contains("ADDRESS " + address));
        tell("status");
        Await.until("the status", () -> phoneLog().contains("STATUS "));
        assertTrue(phoneLog().contains("sources [option 160: http://" + server + "/$PSN.xml, option 66: " + server), phoneLog());
        // renewal at T1, the REQUEST answered, with no new DISCOVER
        Await.value("the renewal at T1", LEASE_WAIT, () -> count(serverLog(), "DHCPACK(" + vethServer + ") " + address) >= 2
                ? Boolean.TRUE : null, this::serverLog);
        assertEquals(1, count(serverLog(), "DHCPDISCOVER("), this::serverLog);
        Await.until("the phone to take the renewal",
                () -> count(phoneLog(), "Discovery: DHCP " + address + "/24 from " + server) >= 2);
        assertTrue(TempDirs.read(dir.resolve("dnsmasq.leases")).contains(MAC));
        stopPhone();
        Await.until("dnsmasq to take the release", () -> serverLog().contains("DHCPRELEASE(" + vethServer + ") " + address));
        Await.until("the lease to leave dnsmasq's lease file",
                () -> !TempDirs.read(dir.resolve("dnsmasq.leases")).contains(MAC));
        assertFalse(phoneAddresses().contains("inet "), phoneAddresses());
        assertFalse(phoneRoutes().contains(vethPhone), phoneRoutes());
    }

    @Test
    void withoutNetAdminTheModeIsRefusedInOneLine() throws Exception {
        dnsmasq();
        Peer.requireFile(Path.of("/usr/bin/setpriv"), "util-linux");
        phone("160,66", "setpriv", "--inh-caps=-net_admin", "--bounding-set=-net_admin");
        tell("status");
        Await.until("the status", () -> phoneLog().contains("STATUS "));
        String log = phoneLog();
        assertEquals(1, count(log, "ERROR"), log);
        assertTrue(log.contains("mode dhcp refused: owning interface " + vethPhone + " needs CAP_NET_ADMIN"), log);
        assertTrue(log.lines().anyMatch(l -> l.startsWith("STATUS ") && l.contains("mode dhcp refused")), log);
        assertEquals(0, count(serverLog(), "DHCPDISCOVER"), serverLog());
        stopPhone();
    }

    private void kea() throws IOException {
        Peer.require(DhcpPeersTest.KEA);
        Path run = Files.createDirectories(dir.resolve("kea-run"));
        freshLogs();
        String conf = """
                {"Dhcp4": {
                  "interfaces-config": {"interfaces": ["%s"], "dhcp-socket-type": "raw"},
                  "lease-database": {"type": "memfile", "persist": true, "name": "%s", "lfc-interval": 0},
                  "valid-lifetime": 120, "renew-timer": 10, "rebind-timer": 100,
                  "option-def": [{"name": "cisco-tftp", "code": 150, "type": "ipv4-address", "array": true, "space": "dhcp4"}],
                  "subnet4": [{"id": 1, "subnet": "%s0/24", "pools": [{"pool": "%s100 - %s150"}],
                    "option-data": [
                      {"name": "routers", "data": "%s"},
                      {"name": "domain-name-servers", "data": "%s"},
                      {"name": "tftp-server-name", "data": "%s"},
                      {"name": "cisco-tftp", "code": 150, "space": "dhcp4", "data": "%s"}
                    ]}],
                  "loggers": [{"name": "kea-dhcp4", "output_options": [{"output": "%s"}], "severity": "DEBUG",
                    "debuglevel": 55}]
                }}
                """.formatted(vethServer, dir.resolve("kea-leases.csv"), net, net, net, server, server, server, server,
                dir.resolve("kea.log"));
        Path c = dir.resolve("kea-owned.json");
        Files.writeString(c, conf);
        dhcpServer = peers.start(nsServer, "kea-dhcp4", dir.resolve("kea.out"), Ready.atOnce(),
                Map.of("KEA_PIDFILE_DIR", run.toString(), "KEA_LOCKFILE_DIR", run.toString()),
                List.of(DhcpPeersTest.KEA, "-c", c.toString()));
    }

    @Test
    void keaLeasesTheBareInterfaceWhichTheAddressRouteRenewalAndReleaseFollow() throws Exception {
        kea();
        phone("66,150");
        String address = leasedAddress();
        String log = serverLog();
        assertTrue(log.contains("type=060, len=012: \"CP-8845-3PCC\""), log);
        // Kea prints option 55 of each query: the basic options, then DHCP_Option_To_Use
        assertTrue(log.contains("type=055, len=012: 1(uint8) 2(uint8) 3(uint8) 6(uint8) 15(uint8) 42(uint8) 51(uint8) "
                + "54(uint8) 58(uint8) 59(uint8) 66(uint8) 150(uint8)"), log);
        // the renewal at T1 (renew-timer), unicast from the leased address to the server
        Await.value("the renewal at T1", LEASE_WAIT, () -> serverLog().contains("DHCPREQUEST (type 3) received from " + address
                + " to " + server) ? Boolean.TRUE : null, this::serverLog);
        Await.until("the phone to take the renewal",
                () -> count(phoneLog(), "Discovery: DHCP " + address + "/24 from " + server) >= 2);
        stopPhone();
        Await.until("Kea to take the release", () -> serverLog().contains("address " + address + " was released properly"));
        assertFalse(phoneAddresses().contains("inet "), phoneAddresses());
        assertFalse(phoneRoutes().contains(vethPhone), phoneRoutes());
    }
}
