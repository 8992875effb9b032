package org.mppfw.discovery.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DHCPv4 message (RFC 2131 over the BOOTP layout of RFC 951) with its options (RFC 2132):
 * parse and encode. Options that appear more than once are concatenated (RFC 3396); option 52
 * (overload) makes the {@code file} and {@code sname} fields carry options too. Pad (0) and end
 * (255) are not kept. Parsing never trusts a length: every read is bounded by the packet.
 */
final class DhcpPacket {

    static final int BOOTREQUEST = 1;
    static final int BOOTREPLY = 2;
    static final int MAGIC = 0x63825363;
    /** Fixed BOOTP header before the magic cookie. */
    static final int HEADER = 236;
    /** RFC 2131: a client must accept messages up to 576 bytes; we send at least 300 (BOOTP minimum). */
    static final int MIN_SEND = 300;
    /** The largest message this phone accepts (a UDP datagram on Ethernet). */
    static final int MAX_PACKET = 1500;

    /** Option 53 message types. */
    enum Type {
        DISCOVER(1), OFFER(2), REQUEST(3), DECLINE(4), ACK(5), NAK(6), RELEASE(7), INFORM(8);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    final int op;
    final int xid;
    final int secs;
    final int flags;
    final byte[] ciaddr;
    final byte[] yiaddr;
    final byte[] siaddr;
    final byte[] giaddr;
    final byte[] chaddr;
    private final Map<Integer, byte[]> options;

    DhcpPacket(int op, int xid, int secs, int flags, byte[] ciaddr, byte[] yiaddr, byte[] siaddr, byte[] giaddr,
            byte[] chaddr, Map<Integer, byte[]> options) {
        this.op = op;
        this.xid = xid;
        this.secs = secs;
        this.flags = flags;
        this.ciaddr = ip(ciaddr);
        this.yiaddr = ip(yiaddr);
        this.siaddr = ip(siaddr);
        this.giaddr = ip(giaddr);
        this.chaddr = Arrays.copyOf(chaddr == null ? new byte[0] : chaddr, 16);
        Map<Integer, byte[]> m = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (k < 1 || k > 254) {
                throw new IllegalArgumentException("option code " + k);
            }
            m.put(k, v.clone());
        });
        this.options = Collections.unmodifiableMap(m);
    }

    private static byte[] ip(byte[] a) {
        return a == null ? new byte[4] : Arrays.copyOf(a, 4);
    }

    /** The options in the order they came, each value whole (concatenated when split). */
    Map<Integer, byte[]> options() {
        return options;
    }

    byte[] option(int code) {
        byte[] v = options.get(code);
        return v == null ? null : v.clone();
    }

    /** Option 53, or null when absent or unknown (a BOOTP reply). */
    Type type() {
        byte[] t = options.get(53);
        return t == null || t.length != 1 ? null : Type.of(t[0] & 0xff);
    }

    static Inet4Address address(byte[] four) {
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOf(four, 4));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Parses {@code len} bytes of {@code buf}. */
    static DhcpPacket parse(byte[] buf, int len) throws MalformedDhcpException {
        if (len < HEADER + 4 || len > buf.length) {
            throw new MalformedDhcpException("packet of " + len + " bytes is shorter than a DHCP header");
        }
        ByteBuffer b = ByteBuffer.wrap(buf, 0, len);
        int op = b.get() & 0xff;
        if (op != BOOTREQUEST && op != BOOTREPLY) {
            throw new MalformedDhcpException("op " + op + " is neither request nor reply");
        }
        int htype = b.get() & 0xff;
        int hlen = b.get() & 0xff;
        b.get(); // hops
        int xid = b.getInt();
        int secs = b.getShort() & 0xffff;
        int flags = b.getShort() & 0xffff;
        byte[] ci = new byte[4];
        byte[] yi = new byte[4];
        byte[] si = new byte[4];
        byte[] gi = new byte[4];
        b.get(ci).get(yi).get(si).get(gi);
        byte[] ch = new byte[16];
        b.get(ch);
        if (htype == 1 && hlen > 16) {
            throw new MalformedDhcpException("hardware address length " + hlen);
        }
        byte[] sname = new byte[64];
        byte[] file = new byte[128];
        b.get(sname).get(file);
        if (b.getInt() != MAGIC) {
            throw new MalformedDhcpException("no DHCP magic cookie at offset 236");
        }
        Map<Integer, byte[]> options = new LinkedHashMap<>();
        readOptions(buf, HEADER + 4, len, options, "options");
        byte[] overload = options.get(52);
        if (overload != null) {
            if (overload.length != 1 || (overload[0] & 0xff) < 1 || (overload[0] & 0xff) > 3) {
                throw new MalformedDhcpException("option 52 (overload) must be one byte 1..3");
            }
            int o = overload[0];
            if ((o & 1) != 0) {
                readOptions(file, 0, file.length, options, "file field");
            }
            if ((o & 2) != 0) {
                readOptions(sname, 0, sname.length, options, "sname field");
            }
        }
        return new DhcpPacket(op, xid, secs, flags, ci, yi, si, gi, ch, options);
    }

    private static void readOptions(byte[] buf, int from, int to, Map<Integer, byte[]> into, String where)
            throws MalformedDhcpException {
        int i = from;
        while (i < to) {
            int code = buf[i] & 0xff;
            if (code == 255) {
                return;
            }
            if (code == 0) {
                i++;
                continue;
            }
            if (i + 1 >= to) {
                throw new MalformedDhcpException("option " + code + " at offset " + i + " of the " + where + " has no length");
            }
            int n = buf[i + 1] & 0xff;
            if (i + 2 + n > to) {
                throw new MalformedDhcpException("option " + code + " at offset " + i + " of the " + where + " says " + n
                        + " bytes, " + (to - i - 2) + " left");
            }
            byte[] v = Arrays.copyOfRange(buf, i + 2, i + 2 + n);
            into.merge(code, v, DhcpPacket::concat);
            i += 2 + n;
        }
        // RFC 2131 wants an end option; dnsmasq and Kea send one, but a missing one loses nothing
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The message as sent: header, magic cookie, options (long ones split at 255 bytes), end, padding. */
    byte[] encode() {
        int size = HEADER + 4 + 1;
        for (byte[] v : options.values()) {
            size += v.length + 2 * Math.max(1, (v.length + 254) / 255);
        }
        ByteBuffer b = ByteBuffer.allocate(Math.max(size, MIN_SEND));
        b.put((byte) op).put((byte) 1).put((byte) 6).put((byte) 0).putInt(xid).putShort((short) secs)
                .putShort((short) flags).put(ciaddr).put(yiaddr).put(siaddr).put(giaddr).put(chaddr);
        b.position(HEADER);
        b.putInt(MAGIC);
        options.forEach((code, v) -> {
            int at = 0;
            do {
                int n = Math.min(255, v.length - at);
                b.put(code.byteValue()).put((byte) n).put(v, at, n);
                at += n;
            } while (at < v.length);
        });
        b.put((byte) 255);
        return b.array();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DhcpPacket p)) {
            return false;
        }
        if (op != p.op || xid != p.xid || secs != p.secs || flags != p.flags || !Arrays.equals(ciaddr, p.ciaddr)
                || !Arrays.equals(yiaddr, p.yiaddr) || !Arrays.equals(siaddr, p.siaddr) || !Arrays.equals(giaddr, p.giaddr)
                || !Arrays.equals(chaddr, p.chaddr) || !options.keySet().equals(p.options.keySet())) {
            return false;
        }
        return options.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), p.options.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return xid * 31 + options.keySet().hashCode();
    }

    /** {@code OFFER xid=1a2b3c4d yiaddr=10.99.0.100 options 53,54,51,66}. */
    @Override
    public String toString() {
        Type t = type();
        return (t == null ? "BOOTP" : t.name()) + " xid=" + HexFormat.of().toHexDigits(xid) + " yiaddr="
                + address(yiaddr).getHostAddress() + " options " + options.keySet();
    }
}
