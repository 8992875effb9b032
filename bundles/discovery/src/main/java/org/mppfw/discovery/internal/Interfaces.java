package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** The hardware address of a network interface. */
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
}
