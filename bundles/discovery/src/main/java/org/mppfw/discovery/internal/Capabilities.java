package org.mppfw.discovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the phone may own its network interface: {@code CAP_NET_ADMIN} (capability 12) in
 * the effective set of this process, read from {@code /proc/self/status}, and passed on to the
 * {@code ip} command the phone runs. A child keeps the capability when the process runs as root
 * (effective user 0) or holds it as an ambient capability (systemd's
 * {@code AmbientCapabilities=CAP_NET_ADMIN}); a capability set on the {@code java} file alone
 * would not reach {@code ip}.
 */
final class Capabilities {

    static final int CAP_NET_ADMIN = 12;

    private Capabilities() {
    }

    /** Why this process may not own an interface, or null when it may. */
    static String netAdminRefusal() {
        String status;
        try {
            status = Files.readString(Path.of("/proc/self/status"));
        } catch (IOException e) {
            return "cannot read the process's capabilities (" + e.getMessage() + ")";
        }
        return netAdminRefusal(status);
    }

    /** {@link #netAdminRefusal()} for the text of a {@code /proc/PID/status}. */
    static String netAdminRefusal(String status) {
        long effective = mask(status, "CapEff");
        long ambient = mask(status, "CapAmb");
        String uid = field(status, "Uid");
        String[] ids = uid == null ? new String[0] : uid.split("\\s+");
        boolean root = ids.length > 1 && ids[1].equals("0");
        if (effective < 0) {
            return "cannot read the process's capabilities (no CapEff in /proc/self/status)";
        }
        if ((effective & (1L << CAP_NET_ADMIN)) == 0) {
            return "the process has no CAP_NET_ADMIN";
        }
        if (!root && (ambient < 0 || (ambient & (1L << CAP_NET_ADMIN)) == 0)) {
            return "CAP_NET_ADMIN is not ambient, so the ip command the phone runs would not have it";
        }
        return null;
    }

    private static long mask(String status, String name) {
        String v = field(status, name);
        try {
            return v == null ? -1 : Long.parseUnsignedLong(v, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String field(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }
}
