package org.mppfw.discovery.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DHCPv4 client for one interface (RFC 2131): DISCOVER, OFFER, REQUEST, ACK to get a lease;
 * REQUEST unicast to the server to renew it, broadcast to rebind it; RELEASE at the end; INFORM
 * when the host already has an address and its own DHCP client, so that the phone only reads the
 * options. Option 60 is the model ({@code CP-8845-3PCC}), as a real MPP phone sends it.
 *
 * <p>Java has neither raw sockets nor {@code SO_BINDTODEVICE}: the client sends from a UDP
 * socket on port 68 to {@code 255.255.255.255:67}, which leaves by the interface the broadcast
 * route names. In mode {@code dhcp} the phone sets that route itself ({@link IpLink}); in a network
 * namespace holding only the phone's interface there is no other way out. Replies are matched by
 * transaction id and hardware address; anything else on the port is ignored.
 *
 * <p>Each exchange sends up to {@code tries} times, waiting {@code wait}, then twice as long,
 * and so on (RFC 2131 4.1 uses 4 s, 8 s, 16 s ...). A reply that does not parse is logged and
 * skipped; it never ends the exchange.
 */
final class DhcpClient implements DhcpExchanges {

    static final int CLIENT_PORT = 68;
    static final int SERVER_PORT = 67;
    /**
     * Asked for in option 55 before {@code DHCP_Option_To_Use}: mask, time offset, router, DNS,
     * domain, NTP, lease time, server identifier, T1, T2.
     */
    static final List<Integer> BASIC_OPTIONS = List.of(1, 2, 3, 6, 15, 42, 51, 54, 58, 59);
    private static final Logger LOG = LoggerFactory.getLogger(DhcpClient.class);

    private final byte[] mac;
    private final String vendorClass;
    private final List<Integer> wanted;
    private final Duration wait;
    private final int tries;
    private final Supplier<Instant> now;
    private final RandomGenerator random;
    private final DatagramSocket socket;
    private final InetSocketAddress broadcast;

    /**
     * @param mac         the interface's hardware address (chaddr and client identifier)
     * @param vendorClass option 60, e.g. {@code CP-8845-3PCC}
     * @param wanted      the options to ask for in option 55, beyond the basic ones
     * @param serverPort  67; tests may use another
     * @param clientPort  68; tests may use another
     */
    DhcpClient(byte[] mac, String vendorClass, List<Integer> wanted, Duration wait, int tries, Supplier<Instant> now,
            RandomGenerator random, int clientPort, int serverPort) throws IOException {
        this.mac = mac.clone();
        this.vendorClass = vendorClass;
        this.wanted = List.copyOf(wanted);
        this.wait = wait;
        this.tries = tries;
        this.now = now;
        this.random = random;
        this.broadcast = new InetSocketAddress(InetAddress.getByAddress(new byte[] {-1, -1, -1, -1}), serverPort);
        // an IPv4 socket: a dual-stack one cannot send to 255.255.255.255 ("Network is unreachable")
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.setOption(StandardSocketOptions.SO_BROADCAST, true);
            ch.bind(new InetSocketAddress(clientPort));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot open UDP port " + clientPort + " for DHCP: " + e.getMessage(), e);
        }
        this.socket = ch.socket();
    }

    @Override
    public DhcpLease acquire() throws IOException {
        int xid = random.nextInt();
        DhcpPacket offer = exchange(request(DhcpPacket.Type.DISCOVER, xid, null, Map.of()), broadcast, xid,
                Set.of(DhcpPacket.Type.OFFER));
        byte[] server = offer.option(54);
        if (server == null || server.length != 4) {
            throw new IOException("the OFFER from has no server identifier (option 54)");
        }
        Map<Integer, byte[]> extra = new LinkedHashMap<>();
        extra.put(50, offer.yiaddr.clone());
        extra.put(54, server);
        DhcpPacket ack = exchange(request(DhcpPacket.Type.REQUEST, xid, null, extra), broadcast, xid,
                Set.of(DhcpPacket.Type.ACK, DhcpPacket.Type.NAK));
        if (ack.type() == DhcpPacket.Type.NAK) {
            throw new Refused("the server refused the REQUEST (DHCPNAK)" + message(ack));
        }
        return lease(ack, false);
    }

    @Override
    public DhcpLease renew(DhcpLease lease) throws IOException {
        return reRequest(lease, lease.server() == null ? broadcast : new InetSocketAddress(lease.server(), broadcast.getPort()));
    }

    @Override
    public DhcpLease rebind(DhcpLease lease) throws IOException {
        return reRequest(lease, broadcast);
    }

    /** REQUEST with the leased address as ciaddr and neither option 50 nor 54 (RFC 2131 4.3.2 RENEWING, REBINDING). */
    private DhcpLease reRequest(DhcpLease lease, InetSocketAddress to) throws IOException {
        int xid = random.nextInt();
        DhcpPacket ack = exchange(request(DhcpPacket.Type.REQUEST, xid, lease.address(), Map.of()), to, xid,
                Set.of(DhcpPacket.Type.ACK, DhcpPacket.Type.NAK));
        if (ack.type() == DhcpPacket.Type.NAK) {
            throw new Refused("the server refused the renewal (DHCPNAK)" + message(ack));
        }
        return lease(ack, false);
    }

    @Override
    public void release(DhcpLease lease) throws IOException {
        if (lease.server() == null) {
            throw new IOException("the lease has no server identifier to release it to");
        }
        Map<Integer, byte[]> extra = Map.of(54, lease.server().getAddress());
        byte[] bytes = request(DhcpPacket.Type.RELEASE, random.nextInt(), lease.address(), extra).encode();
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(lease.server(), broadcast.getPort())));
    }

    @Override
    public DhcpLease inform(Inet4Address address) throws IOException {
        int xid = random.nextInt();
        DhcpPacket ack = exchange(request(DhcpPacket.Type.INFORM, xid, address, Map.of()), broadcast, xid,
                Set.of(DhcpPacket.Type.ACK));
        DhcpLease l = lease(ack, true);
        return new DhcpLease(address, l.server(), l.prefix(), null, l.received(), l.options(), true);
    }

    private static String message(DhcpPacket p) {
        byte[] m = p.option(56);
        String t = m == null ? null : OptionDecoder.text(m);
        return t == null || t.isEmpty() ? "" : ": " + t;
    }

    private DhcpLease lease(DhcpPacket ack, boolean informed) {
        byte[] sid = ack.option(54);
        byte[] mask = ack.option(1);
        byte[] time = ack.option(51);
        Duration lease = null;
        if (time != null && time.length == 4 && uint(time) != 0xffffffffL) {
            lease = Duration.ofSeconds(uint(time));
        }
        return new DhcpLease(DhcpPacket.address(ack.yiaddr), sid == null || sid.length != 4 ? null : DhcpPacket.address(sid),
                mask == null || mask.length != 4 ? -1 : Long.bitCount(uint(mask)), lease, now.get(), ack.options(), informed);
    }

    static long uint(byte[] four) {
        return ((four[0] & 0xffL) << 24) | ((four[1] & 0xff) << 16) | ((four[2] & 0xff) << 8) | (four[3] & 0xff);
    }

    /** The option 55 list: the basic network options, then the wanted ones, each once. */
    List<Integer> parameterRequestList() {
        Set<Integer> prl = new LinkedHashSet<>(BASIC_OPTIONS);
        prl.addAll(wanted);
        prl.removeIf(c -> c < 1 || c > 254);
        return new ArrayList<>(prl);
    }

    DhcpPacket request(DhcpPacket.Type type, int xid, Inet4Address ciaddr, Map<Integer, byte[]> extra) {
        Map<Integer, byte[]> o = new LinkedHashMap<>();
        o.put(53, new byte[] {(byte) type.code});
        byte[] id = new byte[1 + mac.length];
        id[0] = 1;
        System.arraycopy(mac, 0, id, 1, mac.length);
        o.put(61, id);
        o.putAll(extra);
        if (type != DhcpPacket.Type.DECLINE && type != DhcpPacket.Type.RELEASE) {
            List<Integer> prl = parameterRequestList();
            byte[] p = new byte[prl.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = prl.get(i).byteValue();
            }
            o.put(55, p);
            o.put(57, new byte[] {(byte) (DhcpPacket.MAX_PACKET >> 8), (byte) DhcpPacket.MAX_PACKET});
        }
        if (vendorClass != null && !vendorClass.isEmpty()) {
            o.put(60, vendorClass.getBytes(StandardCharsets.US_ASCII));
        }
        // no address yet: ask for a broadcast reply (RFC 2131 4.1), since the host cannot take a unicast one
        int flags = ciaddr == null ? 0x8000 : 0;
        return new DhcpPacket(DhcpPacket.BOOTREQUEST, xid, 0, flags, ciaddr == null ? null : ciaddr.getAddress(), null, null,
                null, mac, o);
    }

    private DhcpPacket exchange(DhcpPacket out, InetSocketAddress to, int xid, Set<DhcpPacket.Type> accept) throws IOException {
        byte[] bytes = out.encode();
        byte[] buf = new byte[DhcpPacket.MAX_PACKET + 1];
        long waitMs = wait.toMillis();
        for (int attempt = 1; attempt <= tries; attempt++) {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
            LOG.debug("sent {} to {}", out, to);
            long deadline = System.nanoTime() + waitMs * 1_000_000L;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                DhcpPacket in;
                try {
                    in = DhcpPacket.parse(buf, p.getLength());
                } catch (MalformedDhcpException e) {
                    LOG.warn("DHCP: ignored a malformed packet from {}: {}", p.getSocketAddress(), e.getMessage());
                    continue;
                }
                if (in.op != DhcpPacket.BOOTREPLY || in.xid != xid || !sameMac(in.chaddr) || !accept.contains(in.type())) {
                    LOG.debug("DHCP: ignored {} from {}", in, p.getSocketAddress());
                    continue;
                }
                LOG.debug("received {} from {}", in, p.getSocketAddress());
                return in;
            }
            waitMs *= 2;
        }
        throw new SocketTimeoutException("no reply to " + out.type() + " sent " + tries
                + " times to " + to.getAddress().getHostAddress() + ":" + to.getPort());
    }

    private boolean sameMac(byte[] chaddr) {
        for (int i = 0; i < mac.length && i < chaddr.length; i++) {
            if (chaddr[i] != mac[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        socket.close();
    }
}
