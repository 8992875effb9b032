package org.mppfw.discovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/** Starts and stops the real peers of the tests (dnsmasq, kea-dhcp4, unbound) and network namespaces. */
final class Peers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    /** Skips the test when a peer is not installed (scripts/packages/discovery.txt installs them). */
    static void require(String path, String pkg) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(path)), path + " missing: install the Debian package " + pkg);
    }

    /** A network namespace, deleted by {@link #close()} (with its veth ends). */
    String namespace(String name) throws IOException {
        runQuietly("ip", "netns", "del", name);
        run("ip", "netns", "add", name);
        namespaces.add(name);
        run("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** Starts {@code cmd} (in {@code ns} unless null), output to {@code log}. */
    Process start(String ns, Path log, String... cmd) throws IOException {
        List<String> l = new ArrayList<>();
        if (ns != null) {
            l.addAll(List.of("ip", "netns", "exec", ns));
        }
        l.addAll(List.of(cmd));
        Process p = new ProcessBuilder(l).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return p;
    }

    static void kill(Process p) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        processes.forEach(Peers::kill);
        processes.clear();
        namespaces.forEach(n -> runQuietly("ip", "netns", "del", n));
        namespaces.clear();
    }

    static String run(String... cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }

    static void runQuietly(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing to clean
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
