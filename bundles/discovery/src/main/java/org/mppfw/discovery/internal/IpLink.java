package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Link} by iproute2's {@code ip}: the JDK has no netlink, no raw socket and no
 * {@code SO_BINDTODEVICE}, and {@code ip} is on every Linux the phone runs on. Each change is
 * idempotent ({@code replace}), so that doing it again after a renewal or a restart is harmless.
 *
 * <ul>
 * <li>{@code ip link set IF up} and {@code ip route replace 255.255.255.255 dev IF}: with no
 * address, a datagram to the limited broadcast leaves by the interface that route names (without
 * it the kernel answers "Network is unreachable");</li>
 * <li>{@code ip addr replace A/P dev IF valid_lft L preferred_lft L}: the kernel drops the
 * address by itself if the lease runs out while the phone is not running;</li>
 * <li>{@code ip route replace default via R dev IF proto dhcp metric 1024}: the metric keeps a
 * default route the host may already have in front (systemd-networkd uses the same one).</li>
 * </ul>
 */
final class IpLink implements Link {

    static final String DEFAULT_ROUTE_METRIC = "1024";
    private static final Logger LOG = LoggerFactory.getLogger(IpLink.class);

    private final String iface;

    IpLink(String iface) {
        this.iface = iface;
    }

    @Override
    public void prepare() throws IOException {
        ip("link", "set", iface, "up");
        ip("route", "replace", "255.255.255.255", "dev", iface);
    }

    @Override
    public void apply(DhcpLease lease, DhcpLease previous) throws IOException {
        if (previous != null && !previous.address().equals(lease.address())) {
            remove(previous);
            prepare();
        }
        String life = lease.lease() == null ? "forever" : Long.toString(lease.lease().toSeconds());
        ip("addr", "replace", cidr(lease), "broadcast", "+", "dev", iface, "valid_lft", life, "preferred_lft", life);
        List<Inet4Address> routers = lease.routers();
        if (!routers.isEmpty()) {
            ip("route", "replace", "default", "via", routers.get(0).getHostAddress(), "dev", iface, "proto", "dhcp",
                    "metric", DEFAULT_ROUTE_METRIC);
        }
    }

    @Override
    public void remove(DhcpLease lease) {
        List<Inet4Address> routers = lease.routers();
        if (!routers.isEmpty()) {
            quietly("route", "del", "default", "via", routers.get(0).getHostAddress(), "dev", iface, "metric",
                    DEFAULT_ROUTE_METRIC);
        }
        quietly("addr", "del", cidr(lease), "dev", iface);
        quietly("route", "del", "255.255.255.255", "dev", iface);
    }

    private static String cidr(DhcpLease lease) {
        return lease.address().getHostAddress() + "/" + (lease.prefix() < 0 ? 32 : lease.prefix());
    }

    private void quietly(String... args) {
        try {
            ip(args);
        } catch (IOException e) {
            LOG.debug("Discovery: {}", e.getMessage());
        }
    }

    private static void ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", cmd) + " interrupted", e);
        }
        LOG.debug("Discovery: {}", String.join(" ", cmd));
    }
}
