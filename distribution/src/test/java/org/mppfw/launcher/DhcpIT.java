package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Processes;
import org.mppfw.testing.Ready;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;

/**
 * The image in mode {@code dhcp} on a bare interface, as a phone's port at power-on: in its own
 * network namespace, on one end of a veth pair that is up with nothing else set, dnsmasq on the
 * other end. The phone leases an address, sets it and the default route, and when it stops (the
 * shell's {@code exit}) releases the lease and takes them away.
 */
class DhcpIT {

    private static final Path IMAGE = Path.of(System.getProperty("mppfw.image", "target/mppfw")).toAbsolutePath();
    private static final String MAC = "02:00:5e:10:00:02";

    @Test
    void thePhoneLeasesItsBareInterfaceAndReleasesItWhenItStops() throws Exception {
        String dnsmasq = Peer.require("/usr/sbin/dnsmasq").toString();
        long id = ProcessHandle.current().pid() % 100_000;
        String nsServer = "mppfw-isrv-" + id;
        String nsPhone = "mppfw-iph-" + id;
        String vethServer = "mdi" + id + "a";
        String vethPhone = "mdi" + id + "b";
        String net = "10.235." + (id % 250) + ".";
        try (Scratch peers = new Scratch("dhcp-it")) {
            peers.namespace(nsServer);
            peers.namespace(nsPhone);
            peers.veth(nsServer, vethServer, net + "1/24", nsPhone, vethPhone, MAC);
            Path leases = peers.file("dnsmasq.leases");
            Path conf = peers.write("dnsmasq.conf", String.join("\n", "port=0", "interface=" + vethServer, "bind-interfaces",
                    "dhcp-range=" + net + "100," + net + "150,255.255.255.0,2m", "dhcp-authoritative", "no-ping", "log-dhcp",
                    "dhcp-leasefile=" + leases, "dhcp-option=option:router," + net + "1",
                    "dhcp-option=160,\"http://" + net + "1/$PSN.xml\"", "log-facility=" + peers.file("dnsmasq.log"), ""));
            peers.start(nsServer, "dnsmasq", peers.file("dnsmasq.out"), Ready.atOnce(),
                    List.of(dnsmasq, "--no-daemon", "--conf-file=" + conf, "--user=root"));

            Path data = peers.mkdirs("phone");
            peers.write("phone/boot.properties", "mppfw.discovery.mode=dhcp\nmppfw.discovery.interfaceName=" + vethPhone + "\n");
            ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", nsPhone, IMAGE.resolve("bin/mppfw").toString(),
                    "--data", data.toString()).redirectErrorStream(true).redirectOutput(peers.file("phone.out").toFile());
            pb.environment().put("MPPFW_CDS", "0");
            Process phone = pb.start();
            try {
                leaseAndRelease(peers, phone, nsPhone, vethServer, vethPhone, net, leases);
            } finally {
                Processes.stop(phone);
            }
        }
    }

    private static void leaseAndRelease(Scratch peers, Process phone, String nsPhone, String vethServer, String vethPhone,
            String net, Path leases) throws Exception {
        Pattern inet = Pattern.compile("inet (" + Pattern.quote(net) + "\\d+)/24 ");
        String address = Await.value("the leased address on " + vethPhone, Duration.ofSeconds(90), () -> {
            Matcher m = inet.matcher(Commands.run(null, "ip", "-n", nsPhone, "-4", "-o", "addr", "show").out());
            return m.find() ? m.group(1) : null;
        }, () -> peers.read("phone.out") + peers.read("dnsmasq.log"));
        Await.until("the default route", () -> Commands.run(null, "ip", "-n", nsPhone, "-4", "route").out()
                .contains("default via " + net + "1 dev " + vethPhone));
        assertTrue(peers.read("dnsmasq.log").contains("vendor class: CP-8845-3PCC"), peers.read("dnsmasq.log"));

        OutputStream shell = phone.getOutputStream();
        shell.write("disc:status\nexit\n".getBytes(StandardCharsets.US_ASCII));
        shell.flush();
        assertTrue(phone.waitFor(60, TimeUnit.SECONDS), () -> peers.read("phone.out"));
        assertTrue(peers.read("phone.out").contains("lease " + address + "/24 from " + net + "1"), peers.read("phone.out"));
        Await.until("dnsmasq to take the release", () -> peers.read("dnsmasq.log")
                .contains("DHCPRELEASE(" + vethServer + ") " + address));
        Await.until("the lease to leave dnsmasq's file", () -> !TempDirs.read(leases).contains(MAC));
        assertFalse(Commands.run(null, "ip", "-n", nsPhone, "-4", "addr", "show").out().contains("inet " + net),
                "the address goes with the lease");
    }
}
