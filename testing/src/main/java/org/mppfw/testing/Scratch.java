package org.mppfw.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A scratch folder with the real servers a test starts in it (and the network namespaces it
 * creates): {@link #close()} stops them all, deletes the namespaces and the folder; a shutdown
 * hook does the same if the JVM ends first. Files are written readable by servers that drop to
 * another user.
 */
public final class Scratch implements AutoCloseable {

    /** How long a server may take to become ready. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    public final Path dir;
    private final boolean owned;
    private final List<Process> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final Thread hook = new Thread(this::stopAll, "scratch-cleanup");

    /** A new folder {@code mppfw-NAME-*} in the system's temp dir, deleted by {@link #close()}. */
    public Scratch(String name) {
        this(TempDirs.create("mppfw-" + name + "-"), true);
    }

    /** Uses {@code dir} (created if need be; a JUnit {@code @TempDir}, say), which {@link #close()} leaves. */
    public static Scratch in(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scratch(dir, false);
    }

    private Scratch(Path dir, boolean owned) {
        this.dir = dir;
        this.owned = owned;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** {@code dir/rel}. */
    public Path file(String rel) {
        return dir.resolve(rel);
    }

    /** Creates the folders of {@code rel}, each {@code rwxr-xr-x}. */
    public Path mkdirs(String rel) throws IOException {
        Path p = dir;
        for (String part : rel.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            p = p.resolve(part);
            if (!Files.isDirectory(p)) {
                Files.createDirectory(p);
                TempDirs.open(p);
            }
        }
        return p;
    }

    public Path write(String rel, String text) throws IOException {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code dir/rel} ({@code rw-r--r--}), creating its folders. */
    public Path write(String rel, byte[] data) throws IOException {
        Path p = dir.resolve(rel);
        if (p.getParent() != null && !p.getParent().equals(dir)) {
            mkdirs(dir.relativize(p.getParent()).toString());
        }
        Files.write(p, data);
        TempDirs.open(p);
        return p;
    }

    /** The text of {@code dir/rel}, or "" while it does not exist. */
    public String read(String rel) {
        return TempDirs.read(dir.resolve(rel));
    }

    /** The lines of {@code dir/rel} that match, once there is one and they have settled. */
    public List<String> settledLines(String rel, Predicate<String> filter) {
        return settledLines(rel, filter, 1);
    }

    /** The lines of {@code dir/rel} that match, once they have settled (see {@link Await#settled}). */
    public List<String> settledLines(String rel, Predicate<String> filter, int atLeast) {
        return Await.settled(() -> read(rel).lines().filter(filter).collect(Collectors.toList()), atLeast);
    }

    /** Runs a tool in the folder to its end; its standard output. Fails unless it exits 0. */
    public String run(String... command) {
        return Commands.ok(dir, command).out();
    }

    /**
     * Starts a server in the folder, its output to {@code dir/NAME.out}, and waits until it is
     * {@code ready}; fails with that output if it stops first or is not ready in time.
     */
    public Process start(String name, Ready ready, String... command) throws IOException {
        return start(null, name, dir.resolve(name + ".out"), ready, List.of(command));
    }

    /** As {@link #start(String, Ready, String...)}, inside network namespace {@code ns} (null: this one). */
    public Process start(String ns, String name, Path output, Ready ready, List<String> command) throws IOException {
        return start(ns, name, output, ready, Map.of(), command);
    }

    /** As {@link #start(String, String, Path, Ready, List)}, with more environment variables. */
    public Process start(String ns, String name, Path output, Ready ready, Map<String, String> env, List<String> command)
            throws IOException {
        Peer.require(command.get(0));
        List<String> cmd = new ArrayList<>();
        if (ns != null) {
            Peer.require("ip");
            cmd.addAll(List.of("ip", "netns", "exec", ns));
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        synchronized (this) {
            processes.add(p);
        }
        Await.value(name + " to be ready", START_TIMEOUT, () -> {
            try {
                if (ready.now()) {
                    return Boolean.TRUE;
                }
            } catch (IOException notYet) {
                // not yet
            }
            if (!p.isAlive()) {
                throw new AssertionError(name + " exited with " + p.exitValue() + ": " + TempDirs.read(output));
            }
            return null;
        }, () -> TempDirs.read(output));
        return p;
    }

    /** A network namespace with its loopback up, deleted (with its veth ends) by {@link #close()}. */
    public String namespace(String name) {
        Commands.quietly("ip", "netns", "del", name);
        Commands.ok(null, "ip", "netns", "add", name);
        synchronized (this) {
            namespaces.add(name);
        }
        Commands.ok(null, "ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /**
     * A veth pair from namespace {@code serverNs} (end {@code serverEnd}, address
     * {@code serverCidr}, up) to namespace {@code phoneNs} (end {@code phoneEnd}, up, no address
     * nor route: as a phone's port at power-on), both namespaces made by {@link #namespace}.
     *
     * @param phoneMac the phone end's MAC address, or null for the kernel's
     */
    public void veth(String serverNs, String serverEnd, String serverCidr, String phoneNs, String phoneEnd, String phoneMac) {
        Commands.ok(null, "ip", "link", "add", serverEnd, "type", "veth", "peer", "name", phoneEnd);
        if (phoneMac != null) {
            Commands.ok(null, "ip", "link", "set", phoneEnd, "address", phoneMac);
        }
        Commands.ok(null, "ip", "link", "set", serverEnd, "netns", serverNs);
        Commands.ok(null, "ip", "link", "set", phoneEnd, "netns", phoneNs);
        Commands.ok(null, "ip", "-n", serverNs, "addr", "add", serverCidr, "dev", serverEnd);
        Commands.ok(null, "ip", "-n", serverNs, "link", "set", serverEnd, "up");
        Commands.ok(null, "ip", "-n", phoneNs, "link", "set", phoneEnd, "up");
    }

    /** Stops the servers, deletes the namespaces and, unless the folder was given, the folder. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        if (owned) {
            TempDirs.delete(dir);
        }
    }

    private synchronized void stopAll() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        processes.forEach(Processes::stop);
        processes.clear();
        namespaces.forEach(n -> Commands.quietly("ip", "netns", "del", n));
        namespaces.clear();
    }
}
