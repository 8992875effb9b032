package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.layout.ConsoleAddress;

/**
 * One phone per data dir, end to end with the image: a second start is refused naming the running
 * phone's PID, {@code -c} goes into the phone that runs as a service (its parameters, its resyncs),
 * a kill -9 frees the data dir, a data dir too long for a socket path still takes commands, another
 * user cannot reach the console, and {@code --attach} runs the phone's shell on a terminal.
 */
class ConsoleIT {

    private static final Path IMAGE = Path.of(System.getProperty("mppfw.image", "target/mppfw")).toAbsolutePath();
    private static final long TIMEOUT_S = 120;

    @TempDir
    Path scratch;

    private final List<Process> phones = new ArrayList<>();

    /** A command's exit status, standard output and standard error. */
    record Run(int status, String out, String err) {
    }

    @AfterEach
    void stopPhones() throws InterruptedException {
        for (Process p : phones) {
            p.destroy(); // SIGTERM: bin/mppfw passes it on, the phone stops cleanly
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aSecondStartIsRefusedNamingTheRunningPhone() throws Exception {
        Path data = scratch.resolve("phone");
        long pid = startService(data);

        Run second = mppfw(null, "--data", data.toString(), "--no-shell");
        assertEquals(Main.BOOT_FAILED, second.status(), second.toString());
        assertEquals("mppfw: a phone already runs on " + data + " (PID " + pid + ")", second.err().strip());
        Run console = mppfw("", "--data", data.toString());
        assertEquals(Main.BOOT_FAILED, console.status(), console.toString());
        assertTrue(console.err().contains("(PID " + pid + ")"), console.err());
        assertTrue(DataDirLock.holder(data).orElseThrow().alive(), "the running phone is untouched");
    }

    @Test
    void commandsGoIntoThePhoneRunningAsAService() throws Exception {
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.writeString(http.file("lobby.cfg"), "<flat-profile><Station_Name>lobby</Station_Name></flat-profile>");
            Path data = scratch.resolve("phone");
            // before the service: a command run of its own (no phone runs yet)
            Run setup = mppfw(null, "--data", data.toString(), "-c",
                    "param:set Resync_On_Reset No; param:set Profile_Rule '" + http.url("$B.cfg") + "'");
            assertEquals(0, setup.status(), setup.toString());
            long pid = startService(data);

            Run set = mppfw(null, "--data", data.toString(), "-c", "param:set GPP_B lobby; param:get GPP_B");
            assertEquals(0, set.status(), set.toString());
            assertTrue(set.out().endsWith("lobby\n"), set.out());
            // the running phone's own resync uses the value just set: $B is lobby
            Run resync = mppfw(null, "--data", data.toString(), "-c", "prov:resync; param:get Station_Name");
            assertEquals(0, resync.status(), resync.toString());
            assertTrue(http.accessLog().contains("GET /lobby.cfg"), http.accessLog());
            assertTrue(resync.out().endsWith("lobby\n"), resync.out());
            assertEquals(pid, DataDirLock.holder(data).orElseThrow().pid(), "no second phone was booted");
            Path log = scratch.resolve("phone.log");
            assertTrue(Files.readString(log).contains("lobby.cfg"), "the service itself fetched it:\n" + Files.readString(log));

            // the exit status rules of a command run: the first failure stops the run with status 1
            Run failed = mppfw(null, "--data", data.toString(), "-c", "param:get No_Such_Param; param:set GPP_B after");
            assertEquals(1, failed.status(), failed.toString());
            assertEquals("Error: unknown parameter 'No_Such_Param'\n", failed.out());
            assertEquals("lobby\n", mppfw(null, "--data", data.toString(), "-c", "param:get GPP_B").out());
        }
    }

    @Test
    void aRebootAskedForThroughTheConsoleBootsThePhoneAgainUnderItsLock() throws Exception {
        Path data = scratch.resolve("phone");
        long pid = startService(data);
        Run reboot = mppfw(null, "--data", data.toString(), "-c", "sys:reboot");
        assertEquals(0, reboot.status(), reboot.toString());
        // bin/mppfw starts a new Java runtime, which takes the data dir again and opens its console
        await(() -> DataDirLock.holder(data).filter(h -> h.pid() != pid && h.alive()).isPresent(), "the new boot");
        Run boots = mppfw(null, "--data", data.toString(), "-c", "sys:boots");
        assertEquals(0, boots.status(), boots.toString());
        assertTrue(boots.out().matches("(?s).*1 .*power-on .*rebooted.*2 .*user-request .*now .*"), boots.out());
        Run second = mppfw(null, "--data", data.toString(), "--no-shell");
        assertTrue(second.err().contains("(PID " + DataDirLock.holder(data).orElseThrow().pid() + ")"), second.err());
    }

    @Test
    void aKillNineFreesTheDataDir() throws Exception {
        Path data = scratch.resolve("phone");
        long pid = startService(data);
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        await(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the phone's end");

        long next = startService(data);
        assertNotEquals(pid, next);
        Run r = mppfw(null, "--data", data.toString(), "-c", "sys:boots");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("the previous run ended without a shutdown"), r.out());
    }

    @Test
    void aDataDirTooLongForASocketPathStillTakesCommands() throws Exception {
        Path data = scratch.resolve("d".repeat(60)).resolve("phone-" + "p".repeat(60));
        assertTrue(data.resolve("run/console.sock").toString().length() > ConsoleAddress.MAX_PATH_BYTES);
        startService(data);
        Path socket = ConsoleAddress.published(data).orElseThrow();
        assertFalse(socket.startsWith(data), socket.toString());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(socket.getParent())));

        Run r = mppfw(null, "--data", data.toString(), "-c", "param:set Station_Name far; param:get Station_Name");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().endsWith("far\n"), r.out());
    }

    @Test
    void anotherUserCannotReachTheConsole() throws Exception {
        assumeTrue(new File("/usr/bin/setpriv").canExecute() && "root".equals(System.getProperty("user.name")),
                "setpriv and root to run a client as nobody");
        Path data = scratch.resolve("phone");
        startService(data);
        Path socket = ConsoleAddress.published(data).orElseThrow();
        Process p = new ProcessBuilder("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3", "-c",
                "import socket,sys\ns=socket.socket(socket.AF_UNIX)\ntry:\n s.connect(sys.argv[1]); print('connected')\n"
                        + "except OSError as e:\n print('refused', e.errno)", socket.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(TIMEOUT_S, TimeUnit.SECONDS));
        assertTrue(out.startsWith("refused 13"), "EACCES for nobody: " + out);
    }

    @Test
    void attachRunsThePhonesShellOnATerminal() throws Exception {
        assumeTrue(new File("/usr/bin/script").canExecute(), "script (util-linux) for a terminal");
        Path data = scratch.resolve("phone");
        startService(data);
        mppfw(null, "--data", data.toString(), "-c", "param:set Station_Name attached");

        ProcessBuilder pb = new ProcessBuilder("script", "-qfec",
                IMAGE.resolve("bin/mppfw") + " --data " + data + " --attach", "/dev/null");
        pb.environment().put("TERM", "vt100");
        pb.environment().put("MPPFW_CDS", "0");
        pb.redirectErrorStream(true);
        Process attach = pb.start();
        Screen screen = new Screen(attach.getInputStream());
        OutputStream keys = attach.getOutputStream();
        screen.await("mppfw> ");
        keys.write("param:get Station_Name\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        screen.await("attached\r\n");
        keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        assertTrue(attach.waitFor(TIMEOUT_S, TimeUnit.SECONDS), screen.text());
        assertEquals(0, attach.exitValue(), screen.text());
        assertTrue(screen.text().contains("(attached)"), screen.text());
        assertTrue(DataDirLock.holder(data).orElseThrow().alive(), "exit ends the attach, not the phone");
    }

    /** Starts {@code bin/mppfw --no-shell} on {@code data} and waits until it takes commands; its Java PID. */
    private long startService(Path data) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(IMAGE.resolve("bin/mppfw").toString(), "--data", data.toString(),
                "--mac", "00:0e:08:12:34:56", "--no-shell", "-v")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(scratch.resolve("phone.out").toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(scratch.resolve("phone.log").toFile()));
        pb.environment().put("MPPFW_CDS", "0");
        Process p = pb.start();
        phones.add(p);
        await(() -> DataDirLock.holder(data).filter(h -> h.alive() && DataDirLock.POWER_ON.equals(h.run())).isPresent()
                && published(data), "the phone's console");
        return DataDirLock.holder(data).orElseThrow().pid();
    }

    private static boolean published(Path data) {
        try {
            return ConsoleAddress.published(data).map(Files::exists).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private void await(BooleanSupplier condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Path log = scratch.resolve("phone.log");
                throw new AssertionError("no " + what + " in " + TIMEOUT_S + " s:\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(50);
        }
    }

    /** Runs bin/mppfw to its end; {@code stdin} null reads /dev/null. */
    private Run mppfw(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(IMAGE.resolve("bin/mppfw").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("MPPFW_CDS", "0");
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = pb.start();
        if (stdin != null) {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mppfw " + args + " did not end");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** What a terminal shows, read as it comes. */
    private static final class Screen {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Screen(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        synchronized (seen) {
                            seen.write(buf, 0, n);
                            seen.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // ended
                }
            }, "attach-screen");
            t.setDaemon(true);
            t.start();
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        void await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            synchronized (seen) {
                while (!seen.toString(StandardCharsets.UTF_8).contains(text)) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new AssertionError("no '" + text + "' on the terminal:\n" + text());
                    }
                    seen.wait(left);
                }
            }
        }
    }
}
