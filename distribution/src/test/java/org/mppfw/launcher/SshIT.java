package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Ports;

/**
 * SSH into the image running as a service ({@code bin/mppfw --no-shell}), with Debian's OpenSSH
 * client: the admin login gets the console's Gogo shell, the user login the read-only commands,
 * and nothing else is offered.
 */
class SshIT {

    private static final Path IMAGE = Path.of(System.getProperty("mppfw.image", "target/mppfw")).toAbsolutePath();
    private static final long TIMEOUT_S = 120;
    private static final String ADMIN_PW = "adm1n-Secret";
    private static final String USER_PW = "us3r-Secret";
    /** The server's limit of open connections. */
    private static final int SSH_SESSIONS = 4;

    @TempDir
    Path data;
    @TempDir
    Path scratch;
    SshClient ssh;
    Process phone;
    Path log;

    @BeforeEach
    void start() throws Exception {
        ssh = new SshClient(scratch, Ports.tcp());
        PhoneProcess.batch(IMAGE, data, "", "param:set SSH_Access Yes; param:set SSH_Password " + ADMIN_PW
                + "; param:set SSH_Port " + ssh.port() + "; param:set User_Password " + USER_PW
                + "; param:set Station_Name Reception");
        boot();
    }

    @AfterEach
    void stop() throws Exception {
        halt();
    }

    private void boot() throws Exception {
        log = Files.createTempFile(scratch, "phone", ".log");
        ProcessBuilder pb = new ProcessBuilder(IMAGE.resolve("bin/mppfw").toString(), "--data", data.toString(),
                "--no-shell", "-v").redirectError(log.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("MPPFW_CDS", "0");
        phone = pb.start();
        awaitLog("ssh: listening on port " + ssh.port());
    }

    private void halt() throws Exception {
        if (phone != null && phone.isAlive()) {
            phone.destroy(); // SIGTERM: the phone stops cleanly
            if (!phone.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                phone.descendants().forEach(ProcessHandle::destroyForcibly);
                phone.destroyForcibly();
            }
        }
    }

    private void awaitLog(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!Files.readString(log).contains(text)) {
            assertTrue(phone.isAlive(), "the phone stopped:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in the log:\n" + Files.readString(log));
            Thread.sleep(50);
        }
    }

    private SshClient.Result admin(String... command) throws Exception {
        return ssh.password("admin", ADMIN_PW, null, List.of(), command);
    }

    private SshClient.Result user(String command) throws Exception {
        return ssh.password("user", USER_PW, null, List.of(), command);
    }

    @Test
    void aPasswordSessionRunsTheConsoleCommandsAndExitLeavesThePhoneRunning() throws Exception {
        SshClient.Result exec = admin("prov:status");
        assertEquals(0, exec.status(), exec.toString());
        assertTrue(exec.out().contains("Next resync:"), exec.toString());

        SshClient.Result failed = admin("nosuch:command");
        assertEquals(1, failed.status(), "an exec returns the status -c would: " + failed);
        assertTrue(failed.out().contains("Error: "), failed.toString());

        SshClient.Result shell = ssh.password("admin", ADMIN_PW, "prov:status\nexit\n", List.of("-tt"));
        assertEquals(0, shell.status(), shell.toString());
        assertTrue(shell.out().contains("(attached) - 'help' lists the commands, 'exit' or Ctrl-D leave") && shell.out().contains("Next resync:"), shell.toString());
        assertTrue(phone.isAlive(), "exit closed the session, not the phone");
        assertEquals(0, admin("prov:status").status());
    }

    @Test
    void aKeyOfTheDataDirsAuthorizedKeysLogsInAsAdmin() throws Exception {
        Path key = ssh.keygen("id_admin");
        Path authorized = data.resolve("ssh/authorized_keys");
        assertEquals(255, ssh.key("admin", key, "sys:info").status(), "no key is known yet");
        Files.copy(Path.of(key + ".pub"), authorized);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-------"));
        SshClient.Result r = ssh.key("admin", key, "sys:info");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("org.apache.sshd.osgi"), r.toString());
        assertEquals(255, ssh.key("user", key, "sys:info").status(), "a key is for the admin login only");
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresShutTheAddressOut() throws Exception {
        List<String> from = List.of("-b", "127.0.0.3");
        for (int i = 0; i < 3; i++) {
            SshClient.Result wrong = ssh.password("admin", "not-the-password", null, from, "prov:status");
            assertEquals(255, wrong.status(), wrong.toString());
            assertTrue(wrong.err().contains("Permission denied"), wrong.toString());
        }
        SshClient.Result right = ssh.password("admin", ADMIN_PW, null, from, "prov:status");
        assertEquals(255, right.status(), "the right password is refused while the address backs off: " + right);
        SshClient.Result status = admin("ssh:status");
        assertEquals(0, status.status(), "another address logs in: " + status);
        assertTrue(status.out().contains("backing off: 127.0.0.3"), status.toString());
        String phoneLog = Files.readString(log);
        assertTrue(phoneLog.contains("wrong password for 'admin' from 127.0.0.3"), phoneLog);
        assertTrue(phoneLog.contains("refused unchecked"), phoneLog);
        assertFalse(phoneLog.contains("not-the-password") || phoneLog.contains(ADMIN_PW), "no password in the log");
    }

    @Test
    void theUserLoginRunsReadOnlyCommandsAndNoGogoSyntax() throws Exception {
        SshClient.Result status = user("prov:status");
        assertEquals(0, status.status(), status.toString());
        assertTrue(status.out().contains("Next resync:"), status.toString());
        SshClient.Result station = user("param:get Station_Name");
        assertEquals("Reception", station.out().strip(), station.toString());

        for (String line : List.of("param:set SSH_Password x", "param:set Station_Name x", "param:get SSH_Password",
                "param:get User_Password", "(bundle 0) stop", "{ param:set Station_Name x }", "$.context",
                "prov:status; param:set Station_Name x", "prov:status | param:set Station_Name x", "lb",
                "${.context} getBundle 0")) {
            SshClient.Result r = user(line);
            assertEquals(1, r.status(), line + ": " + r);
            assertTrue(r.out().startsWith("Error: "), line + ": " + r);
            assertFalse(r.out().contains(ADMIN_PW) || r.out().contains(USER_PW), r.toString());
        }
        SshClient.Result shell = ssh.password("user", USER_PW, "(bundle 0) stop\nparam:get Station_Name\nexit\n",
                List.of("-tt"));
        assertEquals(0, shell.status(), shell.toString());
        assertTrue(shell.out().contains("not allowed at user level") && shell.out().contains("Reception"),
                shell.toString());

        assertTrue(phone.isAlive(), "(bundle 0) stop did not reach the framework");
        assertEquals("Reception", admin("param:get Station_Name").out().strip(), "no user line changed it");
        assertEquals(0, admin("prov:status").status(), "SSH_Password is unchanged");
    }

    @Test
    void forwardingAndFileTransferAreRefused() throws Exception {
        SshClient.Result stdio = ssh.password("admin", ADMIN_PW, null, List.of("-W", "127.0.0.1:" + ssh.port()));
        assertEquals(255, stdio.status(), stdio.toString());
        assertTrue(stdio.err().contains("stdio forwarding failed"), stdio.toString());

        SshClient.Result remote = ssh.password("admin", ADMIN_PW, null,
                List.of("-N", "-R", "0:127.0.0.1:" + ssh.port(), "-o", "ExitOnForwardFailure=yes"));
        assertEquals(255, remote.status(), remote.toString());
        assertTrue(remote.err().contains("forwarding failed"), remote.toString());

        int local = Ports.tcp();
        Path err = scratch.resolve("forward-err.txt");
        Process forward = ssh.forwarding("admin", ADMIN_PW, err, "-L", "127.0.0.1:" + local + ":127.0.0.1:" + ssh.port());
        try {
            try (Socket s = connect(local, forward)) {
                InputStream in = s.getInputStream();
                assertEquals(-1, in.read(), "the phone opens no channel to 127.0.0.1:" + ssh.port());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (!Files.readString(err).contains("open failed")) {
                assertTrue(System.nanoTime() < deadline, "ssh -L: " + Files.readString(err));
                Thread.sleep(50);
            }
        } finally {
            forward.destroy();
            forward.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
        }

        SshClient.Result sftp = ssh.sftp("admin", ADMIN_PW, "ls\n");
        assertNotEquals(0, sftp.status(), sftp.toString());
        assertTrue(sftp.err().contains("subsystem request failed"), sftp.toString());
        Path file = Files.writeString(scratch.resolve("copied.txt"), "x");
        for (boolean legacy : new boolean[] {false, true}) {
            Path target = data.resolve("copied-" + legacy);
            SshClient.Result scp = ssh.scp(ADMIN_PW, legacy, file.toString(), "admin@127.0.0.1:" + target);
            assertNotEquals(0, scp.status(), scp.toString());
            assertTrue((scp.out() + scp.err()).contains(legacy ? "Command not found: scp" : "subsystem request failed"),
                    scp.toString());
            assertFalse(Files.exists(target), scp.toString());
        }
    }

    @Test
    void atMostFourConnectionsAreOpenAtOnce() throws Exception {
        List<Process> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < SSH_SESSIONS; i++) {
                held.add(ssh.forwarding("admin", ADMIN_PW, scratch.resolve("held-" + i + ".txt")));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (Files.readString(log).split("' logged in from ", -1).length - 1 < SSH_SESSIONS) {
                assertTrue(System.nanoTime() < deadline, "the held sessions did not log in:\n" + Files.readString(log));
                Thread.sleep(50);
            }
            SshClient.Result fifth = admin("prov:status");
            assertEquals(255, fifth.status(), fifth.toString());
            awaitLog("refused: " + SSH_SESSIONS + " sessions are open");
        } finally {
            for (Process p : held) {
                p.destroy();
                p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        SshClient.Result again;
        while ((again = admin("prov:status")).status() != 0) {
            assertTrue(System.nanoTime() < deadline, "the closed sessions were not counted out: " + again);
        }
    }

    /** Connects once the {@code ssh -L} listener is up. */
    private static Socket connect(int port, Process forward) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (true) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
                s.setSoTimeout((int) TimeUnit.SECONDS.toMillis(TIMEOUT_S));
                return s;
            } catch (IOException e) {
                s.close();
                assertTrue(forward.isAlive() && System.nanoTime() < deadline, "ssh -L did not listen");
                Thread.sleep(50);
            }
        }
    }

    @Test
    void theHostKeyIsKeptAcrossBootsAndTheParametersTakeEffectLive() throws Exception {
        assertEquals(0, admin("prov:status").status());
        assertTrue(ssh.knowsHost());
        Path key = data.resolve("ssh/host_key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));

        halt();
        boot();
        SshClient.Result same = ssh.password("admin", ADMIN_PW, null, ssh.strict(), "prov:status");
        assertEquals(0, same.status(), "the same host key after a reboot: " + same);

        // a change restarts the server at once: the session that made it may close before its status
        int moved = Ports.tcp();
        admin("param:set SSH_Port " + moved);
        awaitLog("ssh: listening on port " + moved);
        ssh.port(moved);
        assertEquals(0, ssh.password("admin", ADMIN_PW, null, ssh.strict(), "prov:status").status());

        admin("param:set SSH_Password ''");
        awaitLog("SSH_Password is empty: SSH stays off");
        assertEquals(255, admin("prov:status").status(), "no SSH with an empty password");
    }
}
