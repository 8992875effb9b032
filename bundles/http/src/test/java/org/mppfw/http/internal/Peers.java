package org.mppfw.http.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Starts and stops real servers on 127.0.0.1 for the tests; nothing is left running. */
final class Peers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final Thread hook = new Thread(this::close, "peers-cleanup");
    final Path dir;

    Peers(String name) throws IOException {
        dir = Files.createTempDirectory("mppfw-http-" + name + "-");
        open(dir);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Lets servers that drop to another user (nobody, www-data, proxy) read the files. */
    static void open(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }

    Path mkdirs(String rel) throws IOException {
        Path p = dir;
        for (String part : rel.split("/")) {
            p = p.resolve(part);
            if (!Files.isDirectory(p)) {
                Files.createDirectory(p);
                open(p);
            }
        }
        return p;
    }

    Path write(String rel, String text) throws IOException {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String rel, byte[] data) throws IOException {
        Path p = dir.resolve(rel);
        if (p.getParent() != null) {
            mkdirs(dir.relativize(p.getParent()).toString());
        }
        Files.write(p, data);
        open(p);
        return p;
    }

    /** Runs a command to its end in the scratch dir; fails if it fails. */
    String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Starts a server in the foreground and waits until it listens on the port. */
    Process start(String name, int port, String... cmd) throws IOException, InterruptedException {
        File log = dir.resolve(name + ".out").toFile();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        processes.add(p);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new IOException(name + " exited with " + p.exitValue() + ": " + Files.readString(log.toPath()));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return p;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException(name + " does not listen on " + port + ": " + Files.readString(log.toPath()));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean installed(String exe) {
        return Stream.of("/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/").anyMatch(d -> Files.isExecutable(Path.of(d + exe)));
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    String log(String rel) {
        try {
            Path p = dir.resolve(rel);
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The lines of a server's log that match, once there is at least one and they have stopped
     * changing for a while: servers write their access log after answering, so a line may come
     * a little after the response. Empty if none came within ten seconds.
     */
    List<String> settledLines(String rel, Predicate<String> filter) throws InterruptedException {
        return settledLines(rel, filter, 1);
    }

    /** As {@link #settledLines(String, Predicate)}, waiting for at least {@code atLeast} lines. */
    List<String> settledLines(String rel, Predicate<String> filter, int atLeast) throws InterruptedException {
        List<String> last = List.of();
        int stable = 0;
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            List<String> now = log(rel).lines().filter(filter).collect(Collectors.toList());
            stable = now.equals(last) ? stable + 1 : 0;
            last = now;
            if (now.size() >= atLeast && stable >= 6) {
                return now;
            }
            Thread.sleep(50);
        }
        return last;
    }

    @Override
    public synchronized void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    /** Deletes the scratch dir. */
    void delete() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
