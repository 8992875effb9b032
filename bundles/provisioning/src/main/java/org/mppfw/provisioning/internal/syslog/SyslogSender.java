package org.mppfw.provisioning.internal.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the phone's {@code Log_*} lines to the syslog server of {@code Syslog_Server}
 * ({@code host} or {@code host:port}, default port 514) over UDP, in the BSD syslog format of
 * RFC 3164 that every syslog daemon reads: {@code <PRI>Mmm dd hh:mm:ss [IDENT ]mppfw: MESSAGE},
 * facility local0. {@code IDENT} is the expanded {@code Syslog_Identifier} when it is not
 * {@code None}; without it the receiver names the sender by its address. Sending never fails
 * the caller: a server that cannot be resolved or reached is logged once per change of target.
 */
public final class SyslogSender implements AutoCloseable {

    /** Severities used by the phone. */
    public enum Severity {
        WARNING(4), NOTICE(5), INFO(6);

        final int code;

        Severity(int code) {
            this.code = code;
        }
    }

    static final int FACILITY_LOCAL0 = 16;
    static final int DEFAULT_PORT = 514;
    /** RFC 3164 §4.1: a packet is at most 1024 bytes. */
    static final int MAX_PACKET = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SyslogSender.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private final DatagramSocket socket;
    private String lastProblemTarget;

    public SyslogSender() throws IOException {
        this.socket = new DatagramSocket();
    }

    /**
     * The server of a {@code Syslog_Server} value, if it names one.
     *
     * @throws IllegalArgumentException for a value that is not {@code host[:port]}
     */
    static Optional<InetSocketAddress> target(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String host = v;
        int port = DEFAULT_PORT;
        int colon = v.lastIndexOf(':');
        if (v.startsWith("[")) { // [IPv6]:port
            int end = v.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("not host[:port]: " + v);
            }
            host = v.substring(1, end);
            if (end + 1 < v.length()) {
                if (v.charAt(end + 1) != ':') {
                    throw new IllegalArgumentException("not host[:port]: " + v);
                }
                port = port(v.substring(end + 2), v);
            }
        } else if (colon > 0 && v.indexOf(':') == colon) {
            host = v.substring(0, colon);
            port = port(v.substring(colon + 1), v);
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not host[:port]: " + v);
        }
        return Optional.of(InetSocketAddress.createUnresolved(host, port));
    }

    private static int port(String p, String whole) {
        try {
            int n = Integer.parseInt(p);
            if (n > 0 && n < 65536) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("bad port in " + whole);
    }

    /** The datagram for one message (truncated to 1024 bytes on a character boundary). */
    static byte[] format(Severity severity, Instant time, ZoneId zone, String ident, String message) {
        StringBuilder b = new StringBuilder();
        b.append('<').append(FACILITY_LOCAL0 * 8 + severity.code).append('>');
        b.append(STAMP.format(time.atZone(zone))).append(' ');
        if (ident != null && !ident.isBlank()) {
            b.append(ident.trim().replaceAll("\\s+", "_")).append(' ');
        }
        b.append("mppfw: ").append(message.replace('\n', ' ').replace('\r', ' '));
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_PACKET) {
            return bytes;
        }
        int end = MAX_PACKET;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // do not cut a UTF-8 sequence
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    /**
     * Sends a message to the server named by {@code server} ({@code Syslog_Server}); does nothing
     * when it is empty.
     *
     * @return true if a datagram was sent
     */
    public boolean send(String server, Severity severity, Instant time, ZoneId zone, String ident, String message) {
        InetSocketAddress target;
        try {
            Optional<InetSocketAddress> t = target(server);
            if (t.isEmpty()) {
                return false;
            }
            target = t.get();
            InetAddress addr = InetAddress.getByName(target.getHostString());
            byte[] packet = format(severity, time, zone, ident, message);
            socket.send(new DatagramPacket(packet, packet.length, addr, target.getPort()));
            lastProblemTarget = null;
            return true;
        } catch (IllegalArgumentException | UnknownHostException e) {
            problem(server, "Syslog_Server '" + server + "' cannot be used: " + e.getMessage());
        } catch (IOException e) {
            problem(server, "syslog to " + server + " failed: " + e.getMessage());
        }
        return false;
    }

    private void problem(String server, String text) {
        if (!server.equals(lastProblemTarget)) {
            LOG.warn(text);
            lastProblemTarget = server;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
