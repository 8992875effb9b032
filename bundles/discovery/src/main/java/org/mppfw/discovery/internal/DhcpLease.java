package org.mppfw.discovery.internal;

import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a DHCPACK gave.
 *
 * @param address  the leased address (yiaddr), or the address the host already had (INFORM)
 * @param server   the server identifier (option 54), or null
 * @param prefix   the prefix length of option 1, or -1
 * @param lease    the lease time (option 51), null for INFORM or an infinite lease
 * @param received when the ACK came
 * @param options  every option of the ACK
 * @param informed true for the answer to a DHCPINFORM (no lease to renew)
 */
record DhcpLease(Inet4Address address, Inet4Address server, int prefix, Duration lease, Instant received,
        Map<Integer, byte[]> options, boolean informed) {

    /** T1: option 58 when sent, else half the lease (RFC 2131 4.4.5); null when nothing to renew. */
    Duration renewAfter() {
        if (informed || lease == null) {
            return null;
        }
        byte[] t1 = options.get(58);
        if (t1 != null && t1.length == 4) {
            long s = DhcpClient.uint(t1);
            if (s > 0 && s < lease.toSeconds()) {
                return Duration.ofSeconds(s);
            }
        }
        return lease.dividedBy(2);
    }

    /** T2: option 59 when sent and after T1, else 7/8 of the lease (RFC 2131 4.4.5); null when nothing to renew. */
    Duration rebindAfter() {
        Duration t1 = renewAfter();
        if (t1 == null) {
            return null;
        }
        byte[] t2 = options.get(59);
        if (t2 != null && t2.length == 4) {
            long s = DhcpClient.uint(t2);
            if (s >= t1.toSeconds() && s < lease.toSeconds()) {
                return Duration.ofSeconds(s);
            }
        }
        Duration d = lease.multipliedBy(7).dividedBy(8);
        return d.compareTo(t1) < 0 ? t1 : d;
    }

    /** When {@code after} (T1, T2 or the lease) has passed since the ACK; null for null. */
    Instant at(Duration after) {
        return after == null ? null : received.plus(after);
    }

    /** The routers of option 3, the first one the default gateway. */
    List<Inet4Address> routers() {
        return addresses(options.get(3));
    }

    /** The addresses of an option holding a list of them (3, 6, 42), empty when absent or malformed. */
    static List<Inet4Address> addresses(byte[] value) {
        List<Inet4Address> l = new ArrayList<>();
        if (value != null && value.length % 4 == 0) {
            for (int i = 0; i < value.length; i += 4) {
                l.add(DhcpPacket.address(Arrays.copyOfRange(value, i, i + 4)));
            }
        }
        return l;
    }

    /** {@code 10.99.0.100/24 from 10.99.0.1, lease 3600 s}. */
    @Override
    public String toString() {
        return address.getHostAddress() + (prefix >= 0 ? "/" + prefix : "")
                + (server == null ? "" : " from " + server.getHostAddress())
                + (informed ? " (INFORM)" : lease == null ? ", infinite lease" : ", lease " + lease.toSeconds() + " s");
    }
}
