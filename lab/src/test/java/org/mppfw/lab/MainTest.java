package org.mppfw.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;

/** The command line: a separate JVM started as a user would, stopped with SIGTERM. */
class MainTest {

    @TempDir
    Path dir;

    private Process java(Path out, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), LabServer.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
    }

    @Test
    void helpPrintsTheUsage() throws Exception {
        Path out = dir.resolve("help.txt");
        Process p = java(out, "--help");
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertEquals(LabServer.USAGE, Files.readString(out));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aBadArgumentExits2() throws Exception {
        Path out = dir.resolve("bad.txt");
        Process p = java(out, "--http", "nope");
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue());
            assertTrue(Files.readString(out).contains("--http needs a port number"));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void startsWithNoSetUpPrintsTheProfileRuleAndStopsOnSigterm() throws Exception {
        Path out = dir.resolve("out.txt");
        Process p = java(out, "--root", "lab", "--bind", "127.0.0.1", "--http", "0", "--https", "0", "--tftp", "0");
        try {
            Await.until("the banner", Duration.ofSeconds(90), () -> {
                assertTrue(p.isAlive(), () -> "exited: " + read(out));
                return read(out).contains("Stop with Ctrl-C.");
            });
            String banner = Files.readString(out);
            Matcher m = Pattern.compile("Profile_Rule = (http://127\\.0\\.0\\.1:(\\d+)/bootstrap\\.xml)").matcher(banner);
            assertTrue(m.find(), banner);
            assertTrue(banner.contains("tftp://127.0.0.1:"), banner);
            assertTrue(banner.contains(m.group(1).replace("/bootstrap.xml", "/lab-ca.pem")), banner);

            for (String f : List.of(LabKeys.CA_PEM, LabKeys.KEY_STORE, LabKeys.SECRETS)) {
                assertTrue(Files.isRegularFile(dir.resolve("lab").resolve(f)), f);
            }
            Commands.Result r = Commands.run(dir, "curl", "-sS", "-A", "test-agent", m.group(1));
            assertEquals(0, r.exit(), r.stderr());
            assertTrue(r.out().contains("<Profile_Rule_B>"), r.out());

            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
            String all = Files.readString(out);
            assertTrue(all.contains(" http GET /bootstrap.xml 200 "), all);
            assertTrue(all.contains("\"test-agent\""), all);
            assertTrue(all.trim().endsWith("mppfw lab server stopped"), all);
            Properties secrets = new Properties();
            try (var in = Files.newInputStream(dir.resolve("lab").resolve(LabKeys.SECRETS))) {
                secrets.load(in);
            }
            for (String v : secrets.stringPropertyNames()) {
                assertFalse(all.contains(secrets.getProperty(v)), "a secret in the output");
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
