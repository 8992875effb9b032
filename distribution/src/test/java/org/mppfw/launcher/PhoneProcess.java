package org.mppfw.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.mppfw.layout.BootEntry;
import org.mppfw.layout.BootHistory;
import org.mppfw.layout.FirmwareState;
import org.mppfw.layout.RebootRequest;

/**
 * The image running as a child process, the way a lab runs a phone: its shell on a pipe (each
 * command's output is read up to a marker echoed after it), its log in a file, and
 * {@link #kill9()} for a power cut.
 */
final class PhoneProcess implements AutoCloseable {

    private static final long TIMEOUT_S = 120;

    private final Process process;
    private final Path log;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int marker;

    private PhoneProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the phone is gone
            }
        }, "phone-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the image on a data dir with the interactive shell on a pipe.
     *
     * @param javaOpts extra JVM options ({@code -D...}), may be empty
     */
    static PhoneProcess start(Path image, Path data, Path log, String javaOpts, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(image.resolve("bin/mppfw").toString(), "--data", data.toString(), "-v"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.environment().put("MPPFW_CDS", "0");
        pb.environment().put("MPPFW_JAVA_OPTS", javaOpts);
        return new PhoneProcess(pb.start(), log);
    }

    /**
     * Runs a batch of commands to the end ({@code -c}), with more options of {@code bin/mppfw}
     * before it, and returns stdout and stderr; fails on a non-zero exit.
     */
    static String batch(Path image, Path data, String javaOpts, String commands, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(image.resolve("bin/mppfw").toString(), "--data", data.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-c", commands));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("MPPFW_CDS", "0");
        pb.environment().put("MPPFW_JAVA_OPTS", javaOpts);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("mppfw -c '" + commands + "' did not end");
        }
        if (p.exitValue() != 0) {
            throw new IOException("mppfw -c '" + commands + "' exited " + p.exitValue() + ":\n" + out);
        }
        return out;
    }

    /** Runs one shell command and returns what it printed. */
    String run(String command) throws IOException, InterruptedException {
        String end = "@@end" + (++marker);
        stdin.write((command + "\necho " + end + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        StringBuilder out = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("no answer to '" + command + "'; log:\n" + log());
                }
                continue;
            }
            if (line.endsWith(end) && !line.contains("echo ")) {
                return out.toString();
            }
            out.append(line.replace("mppfw> ", "")).append('\n');
        }
    }

    /**
     * Sends one command that ends this Java runtime (a reboot), with no marker after it (the shell
     * that would echo it is gone), and waits until the phone printed {@code text}.
     */
    String send(String command, String text) throws IOException, InterruptedException {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        StringBuilder out = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                out.append(line.replace("mppfw> ", "")).append('\n');
                if (line.contains(text)) {
                    return out.toString();
                }
            } else if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("no '" + text + "' after '" + command + "'; log:\n" + log());
            }
        }
    }

    /** Waits until the log has a line containing {@code text}. */
    void awaitLog(String text, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!log().contains(text)) {
            if (!process.isAlive()) {
                throw new IOException("the phone stopped before logging '" + text + "':\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the phone did not log '" + text + "' in " + seconds + " s:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Waits until the powered-on phone has settled: no set on trial (committed or given up), no
     * reboot waiting, and this boot recorded as running (after a reboot: the new boot's line).
     */
    void awaitSettled(Path data) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            BootEntry last = BootHistory.read(data).last();
            if (FirmwareState.read(data).pending() == null && !RebootRequest.pending(data) && last != null
                    && BootEntry.RUNNING.equals(last.end())) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the phone stopped before it settled:\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the phone did not settle in " + TIMEOUT_S + " s: " + FirmwareState.read(data)
                        + ", last boot " + last + "\n" + log());
            }
            Thread.sleep(50);
        }
    }

    /** Polls fw:status until no upgrade runs; returns the last status. */
    String awaitIdle() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        String status;
        while (!(status = run("fw:status")).contains("upgrade   idle")) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the upgrade did not end in " + TIMEOUT_S + " s:\n" + status);
            }
            Thread.sleep(100);
        }
        return status;
    }

    /** The Java runtime under {@code bin/mppfw}, whose restarts the script makes. */
    java.util.Optional<ProcessHandle> java() {
        return process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** The log for a failure message: what it says, or why it cannot be read. */
    String logForMessage() {
        try {
            return log();
        } catch (IOException e) {
            return e.toString();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the phone gets no chance to finish anything. */
    void kill9() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
        // the Java runtime is a child of bin/mppfw: gone only once it has exited (its data-dir lock with it)
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("process " + child.pid() + " outlived a kill -9", e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                stdin.write("exit\n".getBytes(StandardCharsets.UTF_8));
                stdin.close();
            } catch (IOException e) {
                // already closing
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
    }
}
