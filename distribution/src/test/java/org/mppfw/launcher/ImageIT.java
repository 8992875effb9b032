package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.layout.BundleList;
import org.mppfw.testing.Commands;

/**
 * Runs the laid-out image ({@code target/mppfw/bin/mppfw}) as a child process, the way a person
 * or a script does.
 */
class ImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("mppfw.image", "target/mppfw")).toAbsolutePath();
    private static final long TIMEOUT_S = 120;

    @TempDir
    Path data;

    /** Files of a test besides the data dir (outputs, profiles); deleted with it. */
    @TempDir
    Path scratch;

    record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().collect(Collectors.toList());
        }
    }

    private Run run(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(IMAGE.resolve("bin/mppfw").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        // no class-data archive: each test boots a fresh data dir once
        pb.environment().put("MPPFW_CDS", "0");
        Process p = pb.start();
        try {
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
                p.getOutputStream().close();
            }
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                fail("bin/mppfw did not exit within " + TIMEOUT_S + " s: " + Files.readString(err));
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void assertNoStackTrace(Run r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("\tat "), "a stack trace was printed:\n" + all);
        assertFalse(all.contains("Exception"), "an exception name was printed:\n" + all);
    }

    @Test
    void sysInfoShowsTheIdentityGivenOnFirstBoot() throws Exception {
        Run r = run(null, "--data", data.toString(), "--mac", "00:0E:08:AB:CD:EF", "--model", "CP-7841-3PCC",
                "-c", "sys:info");
        assertEquals(0, r.status(), r.err());
        String flat = r.out().toLowerCase(Locale.ROOT).replace(":", "").replace("-", "");
        assertTrue(r.out().contains("CP-7841-3PCC"), r.out());
        assertTrue(flat.contains("000e08abcdef"), r.out());
        assertTrue(r.out().contains("sip7841.12-0-1MPP0001-1"), r.out());
        assertTrue(r.out().contains("org.mppfw.config"), r.out());
        assertTrue(Files.isDirectory(data.resolve("felix-cache")), "the bundle cache lives in the data dir");
        assertNoStackTrace(r);
    }

    @Test
    void aFailingCommandExitsOneWithOneErrorLine() throws Exception {
        Run r = run(null, "--data", data.toString(), "-c", "param:get No_Such_Param");
        assertEquals(1, r.status(), r.out() + r.err());
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("Error:")).collect(Collectors.toList());
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("No_Such_Param"), errors.get(0));
        assertNoStackTrace(r);
    }

    @Test
    void commandsThatPrintWorkInBatchAndTheirFailuresExitOne() throws Exception {
        // an openssl-made encrypted profile, decrypted by the image's own crypto:decrypt
        Path plain = scratch.resolve("plain.xml");
        Path enc = scratch.resolve("profile.cfg");
        Files.writeString(plain, "<flat-profile><GPP_A>from openssl</GPP_A></flat-profile>\n");
        Commands.ok(null, "openssl", "enc", "-e", "-aes-256-cbc", "-k", "SecretPhrase1234", "-in", plain.toString(),
                "-out", enc.toString());
        Run ok = run(null, "--data", data.toString(), "-c", "crypto:decrypt --key SecretPhrase1234 " + enc);
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().contains("<GPP_A>from openssl</GPP_A>"), ok.out());
        Run wrong = run(null, "--data", data.toString(), "-c", "crypto:decrypt --key Wrong-Key-42 " + enc + "; lb");
        assertEquals(1, wrong.status(), wrong.out());
        assertTrue(wrong.err().contains("Error: crypto:decrypt: AES-256-CBC: wrong key or digest"), wrong.err());
        assertFalse(wrong.err().contains("Wrong-Key-42") || wrong.out().contains("Wrong-Key-42"), "the key is never shown");
        assertFalse(wrong.out().contains("START LEVEL"), "the batch stopped at the failure");
        assertNoStackTrace(wrong);
    }

    @Test
    void batchRunsEachCommandPrintsResultsAndStopsAtTheFirstFailure() throws Exception {
        Run r = run(null, "--data", data.toString(), "-c", "lb ; no:such-command\nlb");
        assertEquals(1, r.status());
        assertEquals(1, r.out().split("START LEVEL 2", -1).length - 1, "lb ran once, then the failure stopped:\n" + r.out());
        assertTrue(r.out().contains("Gogo Runtime"), r.out());
        assertFalse(r.out().contains("JLine"), "batch mode installs no shell:\n" + r.out());
        assertEquals(List.of("Error: Command not found: no:such-command"),
                r.errLines().stream().filter(l -> l.startsWith("Error:")).collect(Collectors.toList()));
        assertNoStackTrace(r);
    }

    @Test
    void batchSucceedsWithGogoBuiltInsAndBootsAgainOnTheSameDataDir() throws Exception {
        Run first = run(null, "--data", data.toString(), "-c", "lb");
        assertEquals(0, first.status(), first.err());
        Run second = run(null, "--data", data.toString(), "-c", "lb -s", "-vv");
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("org.mppfw.config"), second.out());
        assertTrue(second.err().contains("mppfw: booted "), "debug level reports the boot:\n" + second.err());
        assertEquals("", first.err().strip(), "a quiet boot writes nothing to stderr");
    }

    @Test
    void interactiveShellReadsPipedCommandsAndExitsAtEndOfInput() throws Exception {
        Run r = run("lb\nparam:get No_Such_Param\n", "--data", data.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("mppfw> "), r.out());
        assertTrue(r.out().contains("JLine"), r.out());
        assertTrue(r.out().contains("START LEVEL 3"), r.out());
    }

    @Test
    void exitStopsThePhone() throws Exception {
        Run r = run("exit\nlb\n", "--data", data.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.out().contains("START LEVEL"), "nothing runs after exit:\n" + r.out());
    }

    @Test
    void withoutShellThePhoneRunsUntilSigtermAndThenStopsCleanly() throws Exception {
        Path err = scratch.resolve("headless-err.txt");
        ProcessBuilder pb = new ProcessBuilder(IMAGE.resolve("bin/mppfw").toString(), "--data", data.toString(), "--no-shell")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        pb.environment().put("MPPFW_CDS", "0");
        pb.environment().put("MPPFW_JAVA_OPTS", "-Dmppfw.bench=true");
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (!Files.readString(err).contains("mppfw: booted ")) {
                assertTrue(p.isAlive(), "the phone stopped: " + Files.readString(err));
                assertTrue(System.nanoTime() < deadline, "no boot report");
                Thread.sleep(100);
            }
            assertTrue(p.isAlive(), "stdin at end does not stop a phone without shell");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(TIMEOUT_S, TimeUnit.SECONDS), "SIGTERM stops the phone");
            assertEquals(143, p.exitValue());
            String log = Files.readString(err);
            assertFalse(log.contains("warning") || log.contains("ERROR"), log);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void helpAndBadArguments() throws Exception {
        Run help = run(null, "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--data DIR"), help.out());
        Run bad = run(null, "--data", data.toString(), "--frobnicate");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("unknown argument: --frobnicate"), bad.err());
    }

    @Test
    void bundlesListNamesExactlyTheBundlesOfTheImage() throws IOException {
        BundleList list = BundleList.read(IMAGE.resolve("etc/bundles.list"));
        Set<String> listed = list.entries().stream().map(BundleList.Entry::path).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> jars = Files.list(IMAGE.resolve("bundles"))) {
            present = jars.map(j -> "bundles/" + j.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed);
        for (String logging : List.of("bundles/slf4j-api.jar", "bundles/logback-classic.jar", "bundles/logback-core.jar",
                "bundles/org.apache.aries.spifly.dynamic.bundle.jar", "bundles/asm.jar")) {
            assertTrue(list.entries().contains(new BundleList.Entry(1, logging)), logging + " at level 1");
        }
        assertTrue(list.entries().contains(new BundleList.Entry(3, "bundles/org.apache.felix.gogo.jline.jar")));
        assertTrue(list.entries().contains(new BundleList.Entry(2, "bundles/mppfw-config.jar")));
        assertTrue(Files.isExecutable(IMAGE.resolve("bin/mppfw")));
        assertTrue(Files.isRegularFile(IMAGE.resolve("lib/org.apache.felix.framework.jar")));
    }

    private static final Path LOADS = Path.of(System.getProperty("mppfw.loads", "target/mppfw.loads")).toAbsolutePath();

    @Test
    void theBuildsLoadsVerifiesWithTheImagesOwnKey() throws Exception {
        assertTrue(Files.isRegularFile(LOADS), LOADS + " was built");
        Run r = run(null, "--data", data.toString(), "-c", "fw:status; fw:verify " + LOADS);
        assertEquals(0, r.status(), r.out() + r.err());
        java.util.regex.Matcher trusted = java.util.regex.Pattern.compile("trusted key Ed25519 ([0-9a-f]{16})")
                .matcher(r.out());
        assertTrue(trusted.find(), r.out());
        assertTrue(r.out().contains("signature OK by key " + trusted.group(1)), r.out());
        assertTrue(r.out().contains("version   sip88xx.12-0-1MPP0001-1"), r.out());
        assertTrue(r.out().contains("CP-8845-3PCC"), r.out());
        // every bundle of the image is in the .loads, with its start level
        BundleList list = BundleList.read(IMAGE.resolve("etc/bundles.list"));
        assertTrue(r.out().contains("bundles   " + list.entries().size()), r.out());
        assertTrue(r.out().contains("2 org.mppfw.upgrade "), r.out());
        assertTrue(r.out().contains("3 org.apache.felix.gogo.jline "), r.out());
        assertNoStackTrace(r);
    }

    @Test
    void aTruncatedLoadsIsRefusedWithOneErrorLine() throws Exception {
        Path cut = scratch.resolve("cut.loads");
        try (var in = Files.newInputStream(LOADS); var out = Files.newOutputStream(cut)) {
            out.write(in.readNBytes((int) (Files.size(LOADS) / 2)));
        }
        Run r = run(null, "--data", data.toString(), "-c", "fw:verify " + cut);
        assertEquals(1, r.status(), r.out() + r.err());
        List<String> errors = r.errLines().stream().filter(l -> l.startsWith("Error:")).collect(Collectors.toList());
        assertEquals(1, errors.size(), r.err());
        assertTrue(errors.get(0).contains("truncated"), errors.get(0));
        assertFalse(r.out().contains("signature OK"), r.out());
        assertNoStackTrace(r);
    }

    @Test
    void anImageForAnotherModelIsRefused() throws Exception {
        Run r = run(null, "--data", data.toString(), "--model", "CP-7841-3PCC", "-c", "fw:verify " + LOADS);
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("wrong model"), r.err());
        assertTrue(r.err().contains("CP-7841-3PCC"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void theImageHoldsThePublicSigningKeyButNoPrivateKey() throws IOException {
        String pub = Files.readString(IMAGE.resolve("etc/firmware-signing.pem"));
        assertTrue(pub.contains("-----BEGIN PUBLIC KEY-----"), pub);
        try (Stream<Path> files = Files.walk(IMAGE)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar"))
                    .collect(Collectors.toList())) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains("PRIVATE KEY"),
                        f + " holds a private key");
            }
        }
    }

    @Test
    void tarAndOpensslReadTheLoadsOnTheirOwn() throws Exception {
        Commands.ok(null, "tar", "-xf", LOADS.toString(), "-C", scratch.toString(), "manifest.properties", "manifest.sig");
        assertTrue(Files.readString(scratch.resolve("manifest.properties")).contains("\nbundle.1="));
        Commands.Result verify = Commands.run(null, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey",
                IMAGE.resolve("etc/firmware-signing.pem").toString(), "-rawin", "-in",
                scratch.resolve("manifest.properties").toString(), "-sigfile", scratch.resolve("manifest.sig").toString());
        String said = verify.out() + verify.stderr();
        assertEquals(0, verify.exit(), said);
        assertTrue(said.contains("Signature Verified Successfully"), said);
    }
}
