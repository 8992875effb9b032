package org.mppfw.itests;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real servers for the end-to-end tests (nginx, tftpd-hpa, rsyslogd) and the command-line tools
 * that make their files (openssl, gzip), each started on loopback in a scratch folder and
 * stopped, with the folder deleted, by {@link #close()}.
 */
final class ItPeers implements AutoCloseable {

    final Path dir;
    private final List<Process> processes = new ArrayList<>();

    ItPeers(String name) throws IOException {
        this.dir = Files.createTempDirectory("mppfw-it-" + name);
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return s.getLocalPort();
        }
    }

    Path write(String relative, byte[] content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        p.toFile().setReadable(true, false);
        return p;
    }

    Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs a tool to its end and returns its output; fails on a non-zero exit. */
    String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** {@code gzip} then {@code openssl enc -aes-256-cbc -k KEY} (SHA-256 key derivation, the default). */
    Path encrypt(String relative, String profile, String key, boolean gzip) throws IOException, InterruptedException {
        Path plain = write("plain/" + relative.replace('/', '_'), profile);
        Path in = plain;
        if (gzip) {
            run("gzip", "-k", "-f", plain.toString());
            in = Path.of(plain + ".gz");
        }
        Path out = dir.resolve(relative);
        Files.createDirectories(out.getParent());
        run("openssl", "enc", "-e", "-aes-256-cbc", "-k", key, "-in", in.toString(), "-out", out.toString());
        out.toFile().setReadable(true, false);
        return out;
    }

    /** Starts a server and waits until it listens on the TCP or UDP port. */
    void start(String name, int port, boolean udp, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
        processes.add(p);
        for (int i = 0; i < 200; i++) {
            if (!p.isAlive()) {
                throw new IOException(name + " stopped: " + Files.readString(dir.resolve(name + ".out")));
            }
            if (udp ? udpBound(port) : tcpListens(port)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException(name + " does not listen on port " + port);
    }

    private static boolean tcpListens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a socket is bound to the UDP port (read from /proc/net/udp: port in hex). */
    private static boolean udpBound(int port) throws IOException {
        String hex = String.format(Locale.ROOT, ":%04X ", port);
        try (Stream<String> lines = Files.lines(Path.of("/proc/net/udp"))) {
            return lines.anyMatch(l -> l.contains(hex));
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
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
