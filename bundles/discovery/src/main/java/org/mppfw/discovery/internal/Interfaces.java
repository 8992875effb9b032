package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** The hardware and IPv4 addresses of network interfaces. */
final class Interfaces {

    private Interfaces() {
    }

    /**
     * Java lists only interfaces that have an address; one that has none yet (the usual case
     * before DHCP) is read from {@code /sys/class/net/NAME/address}.
     */
    static byte[] mac(String name) throws IOException {
        NetworkInterface ni = NetworkInterface.getByName(name);
        byte[] mac = ni == null ? null : ni.getHardwareAddress();
        if (mac != null && mac.length > 0) {
            return mac;
        }
        if (!name.matches("[A-Za-z0-9_.@-]{1,15}")) {
            throw new IOException("'" + name + "' is not an interface name");
        }
        Path sys = Path.of("/sys/class/net", name, "address");
        if (!Files.exists(sys)) {
            throw new IOException("no network interface " + name);
        }
        String hex = Files.readString(sys).strip().replace(":", "");
        if (hex.isEmpty() || hex.length() % 2 != 0) {
            throw new IOException("interface " + name + " has no hardware address");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IOException("interface " + name + " has no readable hardware address: " + hex);
        }
    }

    /** The first IPv4 address of interface {@code name}, empty when it has none or does not exist. */
    static Optional<Inet4Address> ipv4(String name) {
        try {
            NetworkInterface ni = NetworkInterface.getByName(name);
            if (ni != null) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address v4) {
                        return Optional.of(v4);
                    }
                }
            }
        } catch (SocketException e) {
            // none
        }
        return Optional.empty();
    }

    /**
     * The address the host sends from to the outside: a UDP socket connected to an address of
     * TEST-NET-1 (RFC 5737) takes the source address of the route to it, and connecting sends
     * nothing. Empty when no route leads out.
     */
    static Optional<Inet4Address> outbound() {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 9));
            return s.getLocalAddress() instanceof Inet4Address v4 && !v4.isAnyLocalAddress() ? Optional.of(v4) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
