package org.mppfw.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real TFTP servers (tftpd-hpa, atftpd, dnsmasq), started by a {@link Scratch} (optionally in a
 * network namespace) and ready once they answer a read request. atftpd conflicts with tftpd-hpa as
 * a Debian package: {@code scripts/peers/tftp-atftpd.sh} unpacks it into the peer cache instead.
 */
public final class Tftpd {

    /** A running server. */
    public record Server(String name, String host, int port, Process process, Path log) {
    }

    private Tftpd() {
    }

    /** The user a server runs its transfers as: root when the tests run as root, else the tests' user. */
    private static String user() {
        return Peer.root() ? "root" : System.getProperty("user.name");
    }

    /** tftpd-hpa ({@code in.tftpd}) serving {@code root}, uploads allowed, output to {@code logDir}. */
    public static Server hpa(Scratch s, String ns, String host, int port, Path root, Path logDir, String... extra)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Peer.require("in.tftpd").toString(), "-L", "-u", user(), "-a",
                host + ":" + port, "-s", "-c", "-v"));
        cmd.addAll(List.of(extra));
        cmd.add(root.toString());
        return start(s, "tftpd-hpa", ns, host, port, cmd, logDir.resolve("tftpd-hpa-" + port + ".log"));
    }

    /** atftpd serving {@code root}, its log in {@code logDir}. */
    public static Server atftpd(Scratch s, String ns, String host, int port, Path root, Path logDir, String... extra)
            throws IOException {
        Path log = logDir.resolve("atftpd-" + port + ".log");
        List<String> cmd = new ArrayList<>(List.of(atftpdBinary().toString(), "--daemon", "--no-fork", "--port",
                Integer.toString(port), "--bind-address", host, "--user", user() + "." + user(), "--logfile",
                log.toString(), "-v5"));
        cmd.addAll(List.of(extra));
        cmd.add(root.toString());
        return start(s, "atftpd", ns, host, port, cmd, logDir.resolve("atftpd-" + port + ".out"));
    }

    /** dnsmasq as a TFTP server only (no DNS), on port 69 of {@code host}: dnsmasq cannot listen elsewhere. */
    public static Server dnsmasq(Scratch s, String ns, String host, Path root, Path logDir) throws IOException {
        List<String> cmd = List.of(Peer.require("dnsmasq").toString(), "--no-daemon", "--conf-file=/dev/null", "--port=0",
                "--enable-tftp", "--tftp-root=" + root, "--listen-address=" + host, "--bind-interfaces", "--user=root",
                "--pid-file=" + logDir.resolve("dnsmasq-" + host + ".pid"),
                "--log-facility=" + logDir.resolve("dnsmasq-" + host + ".log"));
        return start(s, "dnsmasq", ns, host, 69, cmd, logDir.resolve("dnsmasq-" + host + ".out"));
    }

    /**
     * The atftpd program: {@code MPPFW_ATFTPD}, else the peer cache that
     * {@code scripts/peers/tftp-atftpd.sh} fills, else an installed one; missing otherwise.
     */
    public static Path atftpdBinary() {
        String env = System.getenv("MPPFW_ATFTPD");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(".cache/peers/atftpd/root/usr/sbin/atftpd");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path system = Path.of("/usr/sbin/atftpd");
        if (Files.isExecutable(system)) {
            return system;
        }
        throw Peer.missing("atftpd", "scripts/peers/tftp-atftpd.sh (it unpacks the Debian package atftpd into"
                + " .cache/peers) or set MPPFW_ATFTPD");
    }

    private static Server start(Scratch s, String name, String ns, String host, int port, List<String> cmd, Path out)
            throws IOException {
        Process p = s.start(ns, name, out, answers(host, port), cmd);
        return new Server(name, host, port, p, out);
    }

    /** Ready once the server answers a read request for a file that does not exist. */
    public static Ready answers(String host, int port) {
        byte[] rrq = "\0\1no-such-file-probe\0octet\0".getBytes(StandardCharsets.ISO_8859_1);
        return () -> {
            try (DatagramSocket sock = new DatagramSocket()) {
                sock.setSoTimeout(200);
                sock.send(new DatagramPacket(rrq, rrq.length, InetAddress.getByName(host), port));
                sock.receive(new DatagramPacket(new byte[600], 600));
                return true;
            } catch (SocketTimeoutException notYet) {
                return false;
            }
        };
    }
}
