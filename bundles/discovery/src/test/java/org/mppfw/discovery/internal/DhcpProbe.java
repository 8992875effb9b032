package org.mppfw.discovery.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mppfw.testing.Commands;

/**
 * The phone's DHCP client run in a child JVM inside the phone's network namespace (the test JVM
 * stays in the root namespace, whose interfaces it must not touch). Prints one line per fact:
 * {@code LEASE}, {@code RENEWED}, {@code SOURCE option value}, {@code DOMAIN}, {@code ACS},
 * {@code NTP}, {@code NOTE}, {@code PRL}; {@code FAILED message} on failure.
 *
 * <p>Arguments: interface, mode ({@code acquire}, {@code renew}, {@code inform}), the
 * {@code DHCP_Option_To_Use} list, the vendor class.
 */
public final class DhcpProbe {

    private DhcpProbe() {
    }

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        String mode = args[1];
        List<Integer> order = new ArrayList<>();
        for (String s : args[2].split(",")) {
            order.add(Integer.parseInt(s));
        }
        byte[] mac = Interfaces.mac(iface);
        try (DhcpClient c = new DhcpClient(mac, args[3], order, Duration.ofSeconds(2), 4, Instant::now, new SecureRandom(),
                DhcpClient.CLIENT_PORT, DhcpClient.SERVER_PORT)) {
            System.out.println("PRL " + c.parameterRequestList());
            DhcpLease l;
            if (mode.equals("inform")) {
                Inet4Address me = null;
                for (InetAddress a : java.util.Collections.list(NetworkInterface.getByName(iface).getInetAddresses())) {
                    if (a instanceof Inet4Address v4) {
                        me = v4;
                    }
                }
                l = c.inform(me);
            } else {
                l = c.acquire();
            }
            System.out.println("LEASE " + l.address().getHostAddress() + " " + l.prefix() + " " + l.server().getHostAddress()
                    + " " + (l.lease() == null ? "-" : l.lease().toSeconds()) + " " + l.informed());
            if (mode.equals("renew")) {
                Commands.ok(null, "ip", "addr", "replace", l.address().getHostAddress() + "/" + l.prefix(), "dev", iface);
                DhcpLease r = c.renew(l);
                System.out.println("RENEWED " + r.address().getHostAddress() + " " + r.lease().toSeconds());
            }
            OptionDecoder.Decoded d = OptionDecoder.decode(l.options(), order);
            d.sources().forEach(s -> System.out.println("SOURCE " + s.option() + " " + s.value()));
            if (d.domain() != null) {
                System.out.println("DOMAIN " + d.domain());
            }
            if (d.acsUrl() != null) {
                System.out.println("ACS " + d.acsUrl());
            }
            d.ntpServers().forEach(n -> System.out.println("NTP " + n));
            d.notes().forEach(n -> System.out.println("NOTE " + n));
        } catch (Exception | AssertionError e) {
            System.out.println("FAILED " + e);
        }
    }
}
