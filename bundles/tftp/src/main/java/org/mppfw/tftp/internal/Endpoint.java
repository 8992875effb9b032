package org.mppfw.tftp.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's socket for one transfer. It sends the request to the server's port, takes the
 * port of the first reply as the server's transfer ID, answers packets from any other TID with
 * ERROR 5 and drops them, and drops malformed packets. The socket stays unconnected so that
 * foreign TIDs can be answered.
 */
final class Endpoint implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);

    /** Port from which a server is reached at the RFC 1350 well-known port. */
    static final int TFTP_PORT = 69;

    /**
     * Where the next transfer starts looking for a free source port in the settings' range. The
     * ports are taken in turn, not always from the first one: a server's child that is still
     * retransmitting the last block of an earlier transfer (its final ACK was lost) would
     * otherwise reach the next transfer on the same port and be taken for its server.
     */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_SOURCE_PORT =
            new java.util.concurrent.atomic.AtomicInteger();

    private final DatagramSocket socket;
    private final InetAddress server;
    private final int requestPort;
    private int tid = -1;
    private final byte[] rxBuf = new byte[TftpPacket.MAX_PACKET + 1];
    private final DatagramPacket rx = new DatagramPacket(rxBuf, rxBuf.length);
    /** Outgoing packets are encoded here. */
    final byte[] tx = new byte[TftpPacket.MAX_PACKET];
    private final DatagramPacket txPacket = new DatagramPacket(tx, tx.length);
    private final byte[] errBuf = new byte[600];
    private int foreign;
    private int malformed;

    private Endpoint(DatagramSocket socket, InetSocketAddress server) {
        this.socket = socket;
        this.server = server.getAddress();
        this.requestPort = server.getPort();
    }

    /**
     * Opens a socket for a transfer to {@code server}: from a port of the settings' range when
     * the server is not on port 69, else from an ephemeral port.
     *
     * @param window bytes that may arrive in one burst, to size the receive buffer
     */
    static Endpoint open(InetSocketAddress server, ClientSettings s, int window) throws IOException {
        DatagramSocket socket = null;
        if (server.getPort() != TFTP_PORT && s.firstSourcePort() != 0) {
            int span = s.lastSourcePort() - s.firstSourcePort() + 1;
            int startAt = Math.floorMod(NEXT_SOURCE_PORT.getAndIncrement(), Math.max(1, span));
            for (int i = 0; i < span && socket == null; i++) {
                int port = s.firstSourcePort() + (startAt + i) % span;
                DatagramSocket candidate = new DatagramSocket(null);
                try {
                    candidate.bind(new InetSocketAddress(port));
                    socket = candidate;
                } catch (BindException busy) {
                    candidate.close();
                }
            }
            if (socket == null) {
                LOG.warn("TFTP source ports {}-{} all busy, using an ephemeral port", s.firstSourcePort(), s.lastSourcePort());
            }
        }
        if (socket == null) {
            socket = new DatagramSocket(0);
        }
        try {
            // Bursts of a whole window must fit in the kernel's buffer, or blocks are dropped.
            int want = (int) Math.min(4L << 20, Math.max(256L << 10, 4L * window));
            if (socket.getReceiveBufferSize() < want) {
                socket.setReceiveBufferSize(want);
            }
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Endpoint(socket, server);
    }

    int localPort() {
        return socket.getLocalPort();
    }

    int foreignPackets() {
        return foreign;
    }

    String peer() {
        return server.getHostAddress() + ":" + requestPort;
    }

    /** Sends {@code tx[0..len)} to the server's request port. */
    void sendRequest(int len) throws IOException {
        txPacket.setData(tx, 0, len);
        txPacket.setAddress(server);
        txPacket.setPort(requestPort);
        socket.send(txPacket);
    }

    /** Sends {@code tx[0..len)} to the server's TID. */
    void send(int len) throws IOException {
        if (tid < 0) {
            throw new IllegalStateException("no transfer ID yet");
        }
        txPacket.setData(tx, 0, len);
        txPacket.setAddress(server);
        txPacket.setPort(tid);
        socket.send(txPacket);
    }

    void sendAck(long block) throws IOException {
        send(TftpPacket.encodeAck(tx, (int) (block & 0xffff)));
    }

    /** Tells the server the transfer is over (best effort: a failure to send is only logged). */
    void sendError(int code, String message) {
        if (tid < 0) {
            return;
        }
        sendErrorTo(server, tid, code, message);
    }

    private void sendErrorTo(InetAddress addr, int port, int code, String message) {
        try {
            String m = message.length() > 500 ? message.substring(0, 500) : message;
            int len = new TftpPacket.Error(code, m).encode(errBuf);
            socket.send(new DatagramPacket(errBuf, len, addr, port));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not send TFTP ERROR {} to {}:{}: {}", code, addr.getHostAddress(), port, e.toString());
        }
    }

    /**
     * Waits until {@code deadlineNanos} (a {@link System#nanoTime()} value) for a well-formed
     * packet from the server's TID.
     *
     * @return the packet (a DATA packet's payload is a view valid until the next call), or null
     */
    TftpPacket receive(long deadlineNanos) throws IOException {
        return receive(deadlineNanos, p -> true);
    }

    /**
     * Like {@link #receive(long)}, but before the transfer ID is known a packet that cannot be
     * the first reply to our request (for example DATA of a block other than 1, left over from
     * an earlier transfer on this port) is answered with ERROR 5 and dropped instead of fixing
     * the transfer ID.
     */
    TftpPacket receive(long deadlineNanos, java.util.function.Predicate<TftpPacket> firstReply) throws IOException {
        while (true) {
            long wait = deadlineNanos - System.nanoTime();
            if (wait <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (wait + 999_999) / 1_000_000)));
            rx.setLength(rxBuf.length);
            try {
                socket.receive(rx);
            } catch (SocketTimeoutException timeout) {
                return null;
            }
            InetAddress from = rx.getAddress();
            int port = rx.getPort();
            if (!from.equals(server) || (tid >= 0 && port != tid)) {
                foreign++;
                LOG.debug("TFTP packet from foreign TID {}:{} answered with ERROR 5", from.getHostAddress(), port);
                sendErrorTo(from, port, 5, "Unknown transfer ID");
                continue;
            }
            TftpPacket p;
            try {
                p = TftpPacket.parse(rxBuf, 0, rx.getLength());
            } catch (MalformedPacketException e) {
                malformed++;
                LOG.debug("malformed TFTP packet from {}:{} dropped: {}", from.getHostAddress(), port, e.getMessage());
                continue;
            }
            if (tid < 0) {
                if (!firstReply.test(p)) {
                    foreign++;
                    LOG.debug("TFTP opcode {} from {}:{} cannot answer our request: ERROR 5", p.opcode(),
                            from.getHostAddress(), port);
                    sendErrorTo(from, port, 5, "Unknown transfer ID");
                    continue;
                }
                tid = port;
            }
            return p;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
