package org.mppfw.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.mppfw.testing.Peer;

/**
 * Debian's OpenSSH client ({@code ssh}, {@code sftp}, {@code scp}, {@code ssh-keygen}) against the
 * phone: no user configuration, its own known-hosts file, and a password given the way a person
 * types it, through {@code SSH_ASKPASS} (forced, so no terminal is needed and no other program
 * than OpenSSH's own takes part).
 */
final class SshClient {

    private static final long TIMEOUT_S = 60;

    /** What one run of a client printed and its exit status (255: refused or connection failed). */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Path dir;
    private final Path knownHosts;
    private int port;
    private int askpass;

    SshClient(Path dir, int port) {
        this.dir = dir;
        this.knownHosts = dir.resolve("known_hosts");
        this.port = port;
        Peer.require("ssh");
    }

    void port(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    /** Runs {@code ssh} as {@code user} with {@code password}; {@code extra} comes before the host. */
    Result password(String user, String password, String stdin, List<String> extra, String... command)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Peer.require("ssh").toString()));
        cmd.addAll(common("-p"));
        cmd.addAll(List.of("-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                "-o", "NumberOfPasswordPrompts=1"));
        cmd.addAll(extra);
        cmd.add(user + "@127.0.0.1");
        cmd.addAll(List.of(command));
        return run(cmd, password, stdin);
    }

    /** Runs {@code ssh} with the private key {@code key}. */
    Result key(String user, Path key, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Peer.require("ssh").toString()));
        cmd.addAll(common("-p"));
        cmd.addAll(List.of("-o", "PreferredAuthentications=publickey", "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none", "-i", key.toString(), user + "@127.0.0.1"));
        cmd.addAll(List.of(command));
        return run(cmd, null, null);
    }

    /** Starts {@code ssh -N} (no command: forwarding only) with {@code extra}; its errors go to {@code err}. */
    Process forwarding(String user, String password, Path err, String... extra) throws IOException {
        // the first value of an option wins: INFO before the others' ERROR, for the channel refusals
        List<String> cmd = new ArrayList<>(List.of(Peer.require("ssh").toString(), "-o", "LogLevel=INFO"));
        cmd.addAll(common("-p"));
        cmd.addAll(List.of("-N", "-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                "-o", "NumberOfPasswordPrompts=1"));
        cmd.addAll(List.of(extra));
        cmd.add(user + "@127.0.0.1");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        askpass(pb, password);
        return pb.start();
    }

    /** Runs {@code sftp} with {@code password}, its commands on stdin ({@code -b} would allow no password). */
    Result sftp(String user, String password, String batch) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Peer.require("sftp").toString()));
        cmd.addAll(common("-P"));
        cmd.addAll(List.of("-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                "-o", "NumberOfPasswordPrompts=1", user + "@127.0.0.1"));
        return run(cmd, password, batch);
    }

    /** Runs {@code scp} (with {@code -O}: the legacy protocol, an exec of {@code scp -t}) with {@code password}. */
    Result scp(String password, boolean legacy, String from, String to) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Peer.require("scp").toString()));
        if (legacy) {
            cmd.add("-O");
        }
        cmd.addAll(common("-P"));
        cmd.addAll(List.of("-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                "-o", "NumberOfPasswordPrompts=1", from, to));
        return run(cmd, password, null);
    }

    /** Makes an ECDSA key pair without a passphrase; returns the private key's path. */
    Path keygen(String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        Result r = run(List.of(Peer.require("ssh-keygen").toString(), "-q", "-t", "ecdsa", "-N", "", "-C", name,
                "-f", key.toString()), null, null);
        if (r.status() != 0) {
            throw new IOException("ssh-keygen failed: " + r);
        }
        return key;
    }

    /** Whether the known-hosts file holds a key for the phone. */
    boolean knowsHost() throws IOException {
        return Files.exists(knownHosts) && !Files.readString(knownHosts).isBlank();
    }

    /** From now on, a host key other than the one known fails the connection. */
    List<String> strict() {
        return List.of("-o", "StrictHostKeyChecking=yes");
    }

    private List<String> common(String portFlag) {
        return List.of("-F", "/dev/null", portFlag, Integer.toString(port), "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "StrictHostKeyChecking=accept-new", "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "ConnectTimeout=20", "-o", "LogLevel=ERROR");
    }

    /** The password, as OpenSSH asks for it: through a program, here one that prints a file. */
    private void askpass(ProcessBuilder pb, String password) throws IOException {
        pb.environment().remove("SSH_AUTH_SOCK");
        if (password == null) {
            return;
        }
        Path secret = dir.resolve("askpass-" + (++askpass) + ".txt");
        Files.writeString(secret, password + "\n");
        Path script = dir.resolve("askpass-" + askpass + ".sh");
        Files.writeString(script, "#!/bin/sh\nexec cat '" + secret + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        pb.environment().put("SSH_ASKPASS", script.toString());
        pb.environment().put("SSH_ASKPASS_REQUIRE", "force");
        pb.environment().putIfAbsent("DISPLAY", ":0");
    }

    private Result run(List<String> cmd, String password, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path out = Files.createTempFile(dir, "ssh-out", ".txt");
        Path err = Files.createTempFile(dir, "ssh-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        askpass(pb, password);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        Process p = pb.start();
        try {
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
            }
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IOException(cmd.get(0) + " did not end in " + TIMEOUT_S + " s: " + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
