package org.mppfw.tftp.internal;

import java.io.File;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops the real TFTP servers the tests run against (tftpd-hpa, atftpd unpacked from
 * its Debian package, dnsmasq), optionally inside a network namespace.
 */
final class Peers implements AutoCloseable {

    static final String TFTPD_HPA = "/usr/sbin/in.tftpd";
    static final String DNSMASQ = "/usr/sbin/dnsmasq";

    private final List<Process> processes = new ArrayList<>();

    /** A running server. */
    record Server(String name, String host, int port, Process process, Path log) {
    }

    /** The atftpd binary: MPPFW_ATFTPD, else the peer cache filled by scripts/peers/tftp-atftpd.sh. */
    static Path atftpd() {
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
        throw new IllegalStateException("atftpd not found: run scripts/peers/tftp-atftpd.sh (it unpacks atftpd from its"
                + " Debian package into .cache/peers) or set MPPFW_ATFTPD");
    }

    static void requireExecutable(String path, String pkg) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " missing: install the Debian package " + pkg
                    + " (listed in scripts/packages/tftp.txt)");
        }
    }

    static List<String> netns(String ns, List<String> cmd) {
        if (ns == null) {
            return cmd;
        }
        List<String> l = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        l.addAll(cmd);
        return l;
    }

    Server tftpdHpa(String ns, String host, int port, Path root, Path logDir, String... extra) throws IOException {
        requireExecutable(TFTPD_HPA, "tftpd-hpa");
        List<String> cmd = new ArrayList<>(List.of(TFTPD_HPA, "-L", "-u", "root", "-a", host + ":" + port, "-s", "-c", "-v"));
        cmd.addAll(List.of(extra));
        cmd.add(root.toString());
        return start("tftpd-hpa", ns, host, port, cmd, logDir.resolve("tftpd-hpa-" + port + ".log"));
    }

    Server atftpd(String ns, String host, int port, Path root, Path logDir, String... extra) throws IOException {
        Path log = logDir.resolve("atftpd-" + port + ".log");
        List<String> cmd = new ArrayList<>(List.of(atftpd().toString(), "--daemon", "--no-fork", "--port", Integer.toString(port),
                "--bind-address", host, "--user", "root.root", "--logfile", log.toString(), "-v5"));
        cmd.addAll(List.of(extra));
        cmd.add(root.toString());
        return start("atftpd", ns, host, port, cmd, logDir.resolve("atftpd-" + port + ".out"));
    }

    Server dnsmasq(String ns, String host, Path root, Path logDir) throws IOException {
        requireExecutable(DNSMASQ, "dnsmasq-base");
        Path log = logDir.resolve("dnsmasq-" + host + ".log");
        List<String> cmd = List.of(DNSMASQ, "--no-daemon", "--conf-file=/dev/null", "--port=0", "--enable-tftp",
                "--tftp-root=" + root, "--listen-address=" + host, "--bind-interfaces", "--user=root",
                "--pid-file=" + logDir.resolve("dnsmasq-" + host + ".pid"), "--log-facility=" + log);
        return start("dnsmasq", ns, host, 69, cmd, logDir.resolve("dnsmasq-" + host + ".out"));
    }

    private Server start(String name, String ns, String host, int port, List<String> cmd, Path out) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(netns(ns, cmd)).redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        processes.add(p);
        Server s = new Server(name, host, port, p, out);
        awaitReady(s);
        return s;
    }

    /** Waits until the server answers a read request for a file that does not exist. */
    static void awaitReady(Server s) throws IOException {
        byte[] rrq = new byte[100];
        int len = new TftpPacket.Request(false, "no-such-file-probe", "octet", Map.of()).encode(rrq);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (DatagramSocket sock = new DatagramSocket()) {
            sock.setSoTimeout(200);
            byte[] buf = new byte[600];
            while (System.nanoTime() < end) {
                if (!s.process().isAlive()) {
                    throw new IOException(s.name() + " exited with " + s.process().exitValue() + ": " + tail(s.log()));
                }
                sock.send(new DatagramPacket(rrq, len, InetAddress.getByName(s.host()), s.port()));
                DatagramPacket rx = new DatagramPacket(buf, buf.length);
                try {
                    sock.receive(rx);
                    return;
                } catch (SocketTimeoutException notYet) {
                    // not listening yet
                }
            }
        }
        throw new IOException(s.name() + " did not answer on " + s.host() + ":" + s.port() + ": " + tail(s.log()));
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.ISO_8859_1);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Kills a server now, with the children it forked (tftpd-hpa serves each request in one). */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    kill(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill(p);
            }
        }
        processes.clear();
    }

    /** Runs a command, fails on a non-zero exit. */
    static String run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs a command and ignores how it ends (clean-up). */
    static void runQuietly(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // nothing left to do
        }
    }

    /** Writes {@code size} pseudo-random bytes, world-readable. */
    static Path randomFile(Path dir, String name, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Path p = dir.resolve(name);
        Files.write(p, data);
        p.toFile().setReadable(true, false);
        return p;
    }

    static String sha256(Path p) throws IOException {
        return sha256(Files.readAllBytes(p));
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path tempDir(String prefix) throws IOException {
        Path d = Files.createTempDirectory(prefix);
        File f = d.toFile();
        f.setReadable(true, false);
        f.setWritable(true, false);
        f.setExecutable(true, false);
        return d;
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
