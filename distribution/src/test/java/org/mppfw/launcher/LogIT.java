package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone's log end to end with the image: {@code Debug_Level} set with {@code param:set}
 * changes what the ring in {@code <data>/log} keeps from the next line on, {@code sys:log} shows
 * the ring, the ring outlives a restart and a kill -9 with whole lines, and the console
 * (stderr) shows none of the ring's debug lines.
 */
class LogIT {

    private static final Path IMAGE = Path.of(System.getProperty("mppfw.image", "target/mppfw")).toAbsolutePath();
    private static final long TIMEOUT_S = 120;
    /** A whole line of the ring: its time, level, thread and logger (a stack trace's lines aside). */
    private static final Pattern LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) (TRACE|DEBUG|INFO |WARN |ERROR) \\[.*\\] \\S+ - .*$");

    @TempDir
    Path scratch;

    private static String ring(Path data) throws IOException {
        Path f = data.resolve("log/phone.log");
        return Files.isRegularFile(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    private static void awaitRing(Path data, String text) throws Exception {
        awaitRing(data, text, 1);
    }

    /** Waits until the ring holds {@code text} {@code times} times. */
    private static void awaitRing(Path data, String text, int times) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (ring(data).split(Pattern.quote(text), -1).length - 1 < times) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in the ring:\n" + ring(data));
            }
            Thread.sleep(50);
        }
    }

    @Test
    void debugLevelChangesTheRingLiveAndTheRingOutlivesRestartsAndKills() throws Exception {
        Path data = scratch.resolve("phone");
        Path stderr = scratch.resolve("stderr.log");
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, stderr, "")) {
            phone.run("echo ready"); // the shell's banner
            assertEquals("NOTICE", phone.run("param:get Debug_Level").strip());
            awaitRing(data, "Debug_Level NOTICE: the log keeps INFO lines and above");
            phone.run("key:press settings");
            assertFalse(ring(data).contains("- key settings"), "a debug line at NOTICE:\n" + ring(data));

            phone.run("param:set Debug_Level DEBUG");
            awaitRing(data, "Debug_Level DEBUG: the log keeps DEBUG lines and above");
            phone.run("key:press back");
            assertTrue(ring(data).contains("DEBUG [") && ring(data).contains("- key back"), ring(data));
            phone.run("param:set User_Password Log-IT-s3cret; param:set SSH_Password Log-IT-s3cret");
            // no await: the store's thread tells the next change (NOTICE, awaited below) after these

            phone.run("param:set Debug_Level notice");
            awaitRing(data, "Debug_Level NOTICE: the log keeps INFO lines and above", 2);
            phone.run("key:press select");
            assertFalse(ring(data).contains("- key select"), "a debug line after NOTICE again:\n" + ring(data));

            String shown = phone.run("sys:log 3");
            assertEquals(3, shown.strip().split("\n").length, shown);
            assertTrue(phone.run("sys:log 1000").contains("- key back"));

            assertFalse(phone.log().contains("key back"), "the console (-v: info) shows no debug line");
            phone.kill9();
        }
        String beforeKill = ring(data);
        assertTrue(beforeKill.contains("- key back"));

        try (PhoneProcess again = PhoneProcess.start(IMAGE, data, scratch.resolve("stderr2.log"), "")) {
            again.run("echo ready");
            String shown = again.run("sys:log 1000");
            assertTrue(shown.contains("- key back"), "the lines before the kill are kept:\n" + shown);
            assertEquals("NOTICE", again.run("param:get Debug_Level").strip().toUpperCase());
        }
        String afterRestart = ring(data);
        assertFalse(afterRestart.contains("Log-IT-s3cret"), "a secret in the ring:\n" + afterRestart);
        assertTrue(afterRestart.startsWith(beforeKill), "the restart appends to the ring");
        try (Stream<Path> files = Files.list(data.resolve("log"))) {
            for (Path f : files.toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (String l : lines) {
                    assertTrue(LINE.matcher(l).matches() || l.startsWith("\t") || l.startsWith("Caused by")
                            || !l.isEmpty() && Character.isJavaIdentifierStart(l.charAt(0)) && l.contains("Exception"),
                            f.getFileName() + " holds a broken line: " + l);
                }
            }
        }
    }
}
