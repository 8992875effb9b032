package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.layout.BootEntry;
import org.mppfw.layout.BootHistory;
import org.mppfw.testbundle.Broken;
import org.mppfw.testbundle.Extra;
import org.mppfw.testing.Await;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;
import org.mppfw.testing.Tftpd;

/**
 * Firmware upgrades of the real image, run as a child process the way a phone runs, against real
 * servers: nginx and tftpd-hpa serve images made from this build with the project's own tools
 * ({@link TestImages}). Every test checks which bundles run after the upgrade, not only what the
 * phone says of itself.
 */
class UpgradeIT {

    static final Path IMAGE = Path.of(System.getProperty("mppfw.image", "target/mppfw")).toAbsolutePath();
    static final Path KEY = IMAGE.getParent().resolve("firmware-signing-test.key.pem");
    static final String V1 = "12-0-1MPP0001-1";
    static final String V2 = "12-0-2MPP0001-1";
    static final String V3 = "12-0-3MPP0001-1";
    /** The health check gives a set this long (the product's default is 30 s). */
    static final String OPTS = "-Dmppfw.upgrade.health.timeout.ms=8000";

    @TempDir
    static Path shared;
    static TestImages images;
    /** v2: the crypto bundle changed, a bundle added. v3: the display bundle changed, that bundle removed. */
    static Path v2;
    static Path v3;

    @TempDir
    Path data;
    @TempDir
    Path scratch;

    @BeforeAll
    static void buildImages() throws Exception {
        images = new TestImages(IMAGE, KEY, shared);
        Path extra = images.bundle("org.mppfw.test.extra", Extra.class, null);
        v2 = images.draft("v2").change("mppfw-crypto.jar", "v2").add(2, extra)
                .build(V2, shared.resolve("out/sip88xx." + V2 + ".loads"));
        v3 = images.draft("v3").change("mppfw-crypto.jar", "v2").change("mppfw-display.jar", "v3")
                .build(V3, shared.resolve("out/sip88xx." + V3 + ".loads"));
    }

    /** BSN → version of every bundle {@code lb -s} lists (the system bundle left out). */
    static Map<String, String> bundles(String lbOutput) {
        Map<String, String> m = new TreeMap<>();
        Matcher x = Pattern.compile("(?m)^\\s*(\\d+)\\|\\s*\\w+\\s*\\|\\s*\\d+\\|([^ (]+) \\(([^)]+)\\)").matcher(lbOutput);
        while (x.find()) {
            if (!x.group(1).equals("0")) {
                m.put(x.group(2).trim(), x.group(3).trim());
            }
        }
        return m;
    }

    static String versionOf(Map<String, String> set, String bsn) {
        return set.getOrDefault(bsn, "(absent)");
    }

    static String fwStatus(PhoneProcess phone) throws Exception {
        return phone.run("fw:status");
    }

    /** Polls fw:status until it shows {@code text}. */
    static String awaitStatus(PhoneProcess phone, String text, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s;
        do {
            s = fwStatus(phone);
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("fw:status never showed '" + text + "':\n" + s + "\nlog:\n" + phone.log());
    }

    @Test
    void multistageRuleStepsThroughV2OverHttpAndV3OverTftpWithoutARestart() throws Exception {
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx")); TftpPeer tftp = new TftpPeer(scratch.resolve("tftp"))) {
            Files.createDirectories(http.file("fw"));
            Files.copy(v2, http.file("fw/" + v2.getFileName()));
            Files.copy(v3, tftp.file(v3.getFileName().toString())).toFile().setReadable(true, false);
            String rule = "($SWVER lt " + V2 + ")? " + http.url("fw/" + v2.getFileName()) + " | tftp://127.0.0.1:"
                    + tftp.port + "/" + v3.getFileName();
            // an encrypted profile: the provisioning bundle (unchanged) decodes it with the crypto bundle (replaced)
            Path plain = scratch.resolve("p.xml");
            Files.writeString(plain, "<flat-profile><Station_Name>lobby</Station_Name>"
                    + "<Upgrade_Rule>" + rule.replace("&", "&amp;") + "</Upgrade_Rule></flat-profile>");
            Commands.ok(null, "openssl", "enc", "-e", "-aes-256-cbc", "-k", "upgrade-key", "-in", plain.toString(),
                    "-out", http.file("p.cfg").toString());
            PhoneProcess.batch(IMAGE, data, OPTS, "param:set Resync_Random_Delay 0; param:set Profile_Rule \"[--key upgrade-key]"
                    + http.url("p.cfg") + "\"");

            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), OPTS)) {
                Map<String, String> before = bundles(phone.run("lb -s"));
                String status = awaitStatus(phone, "last attempt", 120);
                status = awaitStatus(phone, "active b (" + V3 + ")", 120);
                assertTrue(status.contains("running   sip8845." + V3), status);
                assertTrue(status.contains("previous a (" + V2 + ")"), status);

                Map<String, String> after = bundles(phone.run("lb -s"));
                assertTrue(versionOf(after, "org.mppfw.crypto").endsWith(".v2"), after.toString());
                assertTrue(versionOf(after, "org.mppfw.display").endsWith(".v3"), after.toString());
                assertEquals("(absent)", versionOf(after, "org.mppfw.test.extra"), "v3 removed the bundle v2 added");
                assertEquals(before.get("org.mppfw.provisioning"), after.get("org.mppfw.provisioning"));
                assertEquals(before.keySet(), after.keySet(), "the same bundles as v1 (extra came and went)");

                // the phone never restarted: the shell session is the same, and its log shows one boot
                assertEquals(1, count(phone.log(), "mppfw: firmware " ), phone.log());
                String log = http.accessLog();
                assertTrue(log.indexOf(v2.getFileName().toString()) > 0, log);
                // the download's User-Agent: the dotted version of the firmware that fetched it, and the MAC
                String v2Get = log.lines().filter(l -> l.contains(v2.getFileName().toString())).findFirst().orElseThrow();
                assertTrue(v2Get.matches(".*\"Cisco-CP-8845-3PCC/12\\.0\\.1 \\([0-9a-f]{12}\\)\"$"), v2Get);
                // Resync_After_Upgrade_Attempt: a resync after each stage
                for (int i = 0; i < 100 && count(log, "GET /p.cfg") < 3; i++) {
                    Thread.sleep(100);
                    log = http.accessLog();
                }
                // the parameters are whole, and the unchanged provisioning bundle still decodes with the new crypto
                assertEquals("lobby", phone.run("param:get Station_Name").trim());
                assertTrue(count(log, "GET /p.cfg") >= 3, "resyncs after each upgrade:\n" + log);
                String prov = phone.run("prov:status");
                assertTrue(prov.contains("success (A)"), prov);
                // the resync engine was not restarted by the swaps: it kept its history
                String history = phone.run("prov:history");
                assertTrue(count(history, "p.cfg") >= 3, history);
            }
            // a restart boots the committed set whole
            String again = PhoneProcess.batch(IMAGE, data, OPTS, "fw:status; lb -s");
            assertTrue(again.contains("running   sip8845." + V3), again);
            assertTrue(versionOf(bundles(again), "org.mppfw.display").endsWith(".v3"), again);
        }
    }

    /** Polls fw:status until the last attempt is one for {@code url} and nothing runs. */
    private String awaitAttempt(PhoneProcess phone, String url, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s;
        do {
            s = fwStatus(phone);
            if (s.contains("upgrade   idle") && s.contains(url) && s.contains("last attempt")) {
                return s;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no finished attempt for " + url + ":\n" + s + "\nlog:\n" + phone.log());
    }

    /** A .loads rebuilt with tar(1) from the entries of {@code from} that {@code keep} names, in that order. */
    private Path retar(Path from, Path out, String... keep) throws Exception {
        Path dir = scratch.resolve("untar-" + out.getFileName());
        Files.createDirectories(dir);
        run("tar", "-xf", from.toString(), "-C", dir.toString());
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("tar", "--format=ustar", "-cf",
                out.toString(), "-C", dir.toString()));
        cmd.addAll(java.util.List.of(keep));
        run(cmd.toArray(new String[0]));
        return out;
    }

    private static void run(String... cmd) {
        Commands.ok(null, cmd);
    }

    @Test
    void badImagesAreRefusedOrRolledBackAndTheRunningSetStaysWhole() throws Exception {
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Path www = http.file("");
            // made with the real tools: tar(1) for the archive edits, the project's signer for the keys
            Path unsigned = retar(v2, www.resolve("unsigned.loads"), "manifest.properties", "bundles");
            Path otherKey = images.signedBy(images.newKey("other")).draft("other").change("mppfw-crypto.jar", "o")
                    .build(V2, www.resolve("other-key.loads"));
            byte[] bytes = Files.readAllBytes(v2);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(www.resolve("flipped.loads"), bytes);
            Path wrongModel = images.draft("model").change("mppfw-crypto.jar", "m")
                    .build(V2, "CP-7841-3PCC", www.resolve("wrong-model.loads"));
            Files.write(www.resolve("truncated.loads"), java.util.Arrays.copyOf(Files.readAllBytes(v2), bytes.length / 3));
            String oneJar;
            try (var jars = Files.list(IMAGE.resolve("bundles"))) {
                oneJar = jars.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mppfw-display")).findFirst().orElseThrow();
            }
            java.util.List<String> entries = new java.util.ArrayList<>(java.util.List.of("manifest.properties", "manifest.sig"));
            try (var jars = Files.list(IMAGE.resolve("bundles"))) {
                jars.map(p -> "bundles/" + p.getFileName()).filter(n -> !n.endsWith(oneJar)).sorted().forEach(entries::add);
            }
            Path missingJar = retar(images.draft("missing").change("mppfw-display.jar", "x")
                    .build(V2, scratch.resolve("missing-src.loads")), www.resolve("missing-jar.loads"), entries.toArray(new String[0]));
            Path unresolved = images.draft("unresolved").add(2, images.bundle("org.mppfw.test.unresolved", null,
                    "org.mppfw.nonexistent")).build(V2, www.resolve("unresolved.loads"));
            Path broken = images.draft("broken").change("mppfw-display.jar", "b")
                    .add(2, images.bundle("org.mppfw.test.broken", Broken.class, null)).build(V2, www.resolve("broken.loads"));
            Files.copy(v2, www.resolve("limited.loads"));
            for (Path p : new Path[] {unsigned, otherKey, wrongModel, missingJar, unresolved, broken}) {
                p.toFile().setReadable(true, false);
            }

            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), OPTS)) {
                Map<String, String> before = bundles(phone.run("lb -s"));
                String[][] cases = {
                    {"unsigned.loads", "has no manifest.sig"},
                    {"other-key.loads", "not signed by the trusted Ed25519 key"},
                    {"flipped.loads", "refused"},
                    {"wrong-model.loads", "is for CP-7841-3PCC"},
                    {"truncated.loads", "truncated"},
                    {"missing-jar.loads", "but the image does not hold it"},
                    {"unresolved.loads", "org.mppfw.test.unresolved is INSTALLED (it does not resolve)"},
                    {"broken.loads", "component org.mppfw.test.broken failed to activate"},
                    {"limited.loads", "Downgrade_Rev_Limit"},
                };
                for (String[] c : cases) {
                    if (c[0].equals("limited.loads")) {
                        phone.run("param:set Downgrade_Rev_Limit 12-0-5MPP0001-1");
                    }
                    String url = http.url(c[0]);
                    assertTrue(phone.run("fw:upgrade " + url).contains("started"), c[0]);
                    String status = awaitAttempt(phone, url, 60);
                    assertTrue(status.contains("FAILED"), c[0] + ":\n" + status);
                    assertTrue(status.contains(c[1]), c[0] + " should say '" + c[1] + "':\n" + status);
                    assertTrue(status.contains("running   sip8845." + V1), c[0] + ":\n" + status);
                    assertFalse(status.contains("pending"), c[0] + ":\n" + status);
                    assertEquals(before, bundles(phone.run("lb -s")), c[0] + " left the running set as it was");
                }
                assertTrue(phone.log().contains("failed its health check"), phone.log());
            }
            String again = PhoneProcess.batch(IMAGE, data, OPTS, "fw:status");
            assertTrue(again.contains("running   sip8845." + V1) && again.contains("active factory"), again);
        }
    }

    @Test
    void anUpgradeRequestedDuringACallWaitsUntilTheLineIsIdle() throws Exception {
        Path flag = scratch.resolve("in-a-call");
        Files.writeString(flag, "busy");
        Path line = images.bundle("org.mppfw.test.busyline", org.mppfw.testbundle.BusyLine.class,
                "org.mppfw.api.line", "org.mppfw.api.line.LineState");
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.copy(v2, http.file(v2.getFileName().toString()));
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"),
                    OPTS + " -Dmppfw.test.busy.flag=" + flag)) {
                phone.run("start " + line.toUri());
                String url = http.url(v2.getFileName().toString());
                assertTrue(phone.run("fw:upgrade " + url).contains("started"));
                String status = awaitStatus(phone, "waiting for idle", 30);
                assertTrue(status.contains(url), status);
                // the upgrade looks at the line when asked, then again now and then: once it has heard
                // "in a call" a second time, it has still fetched nothing
                Path asked = Path.of(flag + ".asked");
                Await.until("the upgrade to look at the line again", Duration.ofSeconds(60),
                        () -> count(TempDirs.read(asked), "mppfw-upgrade\n") >= 2);
                assertFalse(http.accessLog().contains(v2.getFileName().toString()), "nothing fetched during the call");
                assertTrue(fwStatus(phone).contains("waiting for idle"));

                Files.delete(flag); // the call ends
                status = awaitStatus(phone, "active a (" + V2 + ")", 60);
                assertTrue(status.contains("running   sip8845." + V2), status);
                assertTrue(http.accessLog().contains(v2.getFileName().toString()));
            }
        }
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequest() throws Exception {
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"), "location /slow/ { limit_rate 1m; }")) {
            Files.createDirectories(http.file("slow"));
            Files.copy(v2, http.file("slow/" + v2.getFileName()));
            String url = http.url("slow/" + v2.getFileName());
            Path downloads = data.resolve("firmware/download");
            long had;
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone1.log"), OPTS)) {
                assertTrue(phone.run("fw:upgrade " + url).contains("started"));
                had = 0;
                for (int i = 0; i < 600 && had < 3_000_000; i++) {
                    Thread.sleep(50);
                    had = partSize(downloads);
                }
                assertTrue(had >= 3_000_000, "the download got going: " + had);
                // the LCD shows the download's progress, from the upgrade's own status
                String lcd = phone.run("lcd:show");
                assertTrue(lcd.matches("(?s).*Upgrading \\d+ %.*"), lcd);
                phone.kill9(); // the power goes in the middle of the download
            }
            long kept = partSize(downloads);
            assertTrue(kept >= had, "the partial download is kept: " + kept);
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone2.log"), OPTS)) {
                assertTrue(phone.run("fw:status").contains("running   sip8845." + V1));
                assertTrue(phone.run("fw:upgrade " + url).contains("started"));
                String status = awaitStatus(phone, "active a (" + V2 + ")", 120);
                assertTrue(status.contains("running   sip8845." + V2), status);
                assertTrue(phone.log().contains("resuming the download of " + url + " at byte "), phone.log());
            }
            String log = http.accessLog();
            assertTrue(log.contains("\" 206 "), "nginx answered the Range request with 206:\n" + log);
            assertFalse(Files.exists(downloads) && partSize(downloads) > 0, "no partial file is left");
        }
    }

    @Test
    void aFailedRuleIsRetriedAfterItsDelayAndASucceededOneIsNotFetchedAgain() throws Exception {
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"));
                java.net.DatagramSocket syslog = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            Files.copy(v2, http.file("firmware.loads"));
            syslog.setSoTimeout(200);
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), OPTS)) {
                phone.run("param:set Syslog_Server 127.0.0.1:" + syslog.getLocalPort());
                phone.run("param:set Upgrade_Error_Retry_Delay 3");
                phone.run("param:set Upgrade_Rule " + http.url("missing.loads"));
                awaitAttempt(phone, http.url("missing.loads"), 30);
                assertEquals(1, count(http.accessLog(), "GET /missing.loads"));
                String status = fwStatus(phone);
                assertTrue(status.contains("FAILED") && status.contains("404"), status);
                // Upgrade_Error_Retry_Delay: tried again after 3 s, not before
                for (int i = 0; i < 200 && count(http.accessLog(), "GET /missing.loads") < 2; i++) {
                    Thread.sleep(100);
                }
                assertEquals(2, count(http.accessLog(), "GET /missing.loads"), http.accessLog());

                phone.run("param:set Upgrade_Rule " + http.url("firmware.loads"));
                awaitStatus(phone, "active a (" + V2 + ")", 60);
                phone.run("prov:resync");  // a resync evaluates the rule again: same rule, same URL, done
                // the upgrade thread takes its work in turn (the resync's news reached it as the resync
                // ended): once it has started an upgrade asked after the resync, it has evaluated the rule
                phone.run("fw:upgrade " + http.url("after-resync.loads"));
                Await.until("the upgrade asked after the resync", Duration.ofSeconds(60),
                        () -> http.accessLog().contains("GET /after-resync.loads"));
                assertEquals(1, count(http.accessLog(), "GET /firmware.loads"), http.accessLog());
                // Log_Upgrade_Request_Msg, _Failure_Msg and _Success_Msg went to Syslog_Server
                String lines = received(syslog);
                String port = Integer.toString(http.port);
                assertTrue(lines.contains("Requesting upgrade http://127.0.0.1:" + port + "/missing.loads"), lines);
                assertTrue(lines.contains("Upgrade failed: download of http://127.0.0.1:" + port + "/missing.loads failed"), lines);
                assertTrue(lines.contains("Successful upgrade http://127.0.0.1:" + port + "/firmware.loads -- upgraded to " + V2), lines);
            }
        }
    }

    @Test
    void rollbackReturnsToThePreviousSetInPlace() throws Exception {
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.copy(v2, http.file(v2.getFileName().toString()));
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), OPTS)) {
                Map<String, String> v1 = bundles(phone.run("lb -s"));
                String none = phone.run("fw:rollback") + phone.log();
                assertTrue(none.contains("there is no previous firmware to roll back to"), none);
                phone.run("fw:upgrade " + http.url(v2.getFileName().toString()));
                awaitStatus(phone, "active a (" + V2 + ")", 60);
                awaitStatus(phone, "upgrade   idle", 30);
                String rolled = phone.run("fw:rollback");
                assertTrue(rolled.contains("rolled back to " + V1), rolled + "\n" + phone.log());
                String status = fwStatus(phone);
                assertTrue(status.contains("running   sip8845." + V1) && status.contains("active factory")
                        && status.contains("previous a (" + V2 + ")"), status);
                assertEquals(v1, bundles(phone.run("lb -s")));

                // asked for v2 again: it is still in slot a, so it is checked and swapped in without a download
                String again = phone.run("fw:upgrade " + http.url(v2.getFileName().toString()));
                assertTrue(again.startsWith("upgrade from"), again + "\n" + phone.log());
                status = awaitStatus(phone, "active a (" + V2 + ")", 60);
                awaitStatus(phone, "upgrade   idle", 30);
                status = fwStatus(phone);
                assertTrue(status.contains("from the image kept in slot a"), status);
                assertEquals(1, count(http.accessLog(), "GET /" + v2.getFileName()), http.accessLog());
                assertTrue(phone.run("fw:rollback").contains("rolled back to " + V1));
            }
            assertTrue(PhoneProcess.batch(IMAGE, data, OPTS, "fw:status").contains("running   sip8845." + V1));
        }
    }

    @Test
    void aSetOnTrialWhoseBundlesDoNotStartAtBootIsGivenUpByTheLauncher() throws Exception {
        Path unresolved = images.draft("trial").add(2, images.bundle("org.mppfw.test.unresolved", null,
                "org.mppfw.nonexistent")).build(V2, scratch.resolve("trial.loads"));
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.copy(unresolved, http.file("trial.loads"));
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), OPTS)) {
                phone.run("fw:upgrade " + http.url("trial.loads"));
                awaitAttempt(phone, http.url("trial.loads"), 60);
            }
        }
        // as if the power went after the slot was marked pending: the launcher tries it at the next boot
        assertTrue(Files.isDirectory(data.resolve("firmware/slots/a")));
        String pending = "active=factory\npending=a\nattempts=3\nrunning=factory\n";
        Files.writeString(data.resolve("firmware/state.properties"), pending);
        int boots = BootHistory.read(data).entries().size();

        // a command run is not a power-on: it lists the committed set and leaves the trial to the next power-on
        String out = PhoneProcess.batch(IMAGE, data, OPTS, "fw:status; lb -s");
        assertTrue(out.contains("running   sip8845." + V1), out);
        assertFalse(bundles(out).containsKey("org.mppfw.test.unresolved"), out);
        assertTrue(out.contains("pending a (" + V2 + ") (3 boot attempts left)"), out);
        assertEquals(boots, BootHistory.read(data).entries().size(), "a command run is no boot");

        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone2.log"), OPTS)) {
            phone.awaitSettled(data);
            String status = phone.run("fw:status");
            assertTrue(status.contains("running   sip8845." + V1) && !status.contains("pending"), status);
            assertTrue(status.contains("failed at boot") && status.contains("org.mppfw.test.unresolved"), status);
            assertFalse(bundles(phone.run("lb -s")).containsKey("org.mppfw.test.unresolved"));
            List<BootEntry> b = BootHistory.read(data).entries();
            assertEquals("a", b.get(b.size() - 2).set());
            assertTrue(b.get(b.size() - 2).trial());
            assertEquals(BootHistory.TRIAL_GIVEN_UP, b.get(b.size() - 1).reason());
            assertEquals("factory", b.get(b.size() - 1).set());
        }
    }

    /**
     * A set on trial whose bundles all start but whose check fails after a reboot is given up by a
     * restart into the committed set: never by swapping the old bundles back in place.
     */
    @Test
    void aSetOnTrialThatFailsItsCheckAfterARebootIsGivenUpByARestartNotASwap() throws Exception {
        Path broken = images.draft("broken-trial").change("mppfw-display.jar", "b")
                .add(2, images.bundle("org.mppfw.test.broken", Broken.class, null)).build(V2, scratch.resolve("broken.loads"));
        Map<String, String> v1;
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.copy(broken, http.file("broken.loads"));
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), OPTS)) {
                v1 = bundles(phone.run("lb -s"));
                phone.run("fw:upgrade " + http.url("broken.loads"));
                awaitAttempt(phone, http.url("broken.loads"), 60);
            }
        }
        Files.writeString(data.resolve("firmware/state.properties"), "active=factory\npending=a\nattempts=3\nrunning=factory\n");
        Path log = scratch.resolve("phone2.log");
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, log, OPTS)) {
            phone.awaitSettled(data);
            assertEquals(v1, bundles(phone.run("lb -s")));
            String status = phone.awaitIdle();
            assertTrue(status.contains("running   sip8845." + V1) && status.contains("failed its health check after a restart"),
                    status);
            String boots = phone.run("sys:boots");
            assertTrue(boots.contains("trial-given-up") && boots.contains("component org.mppfw.test.broken failed to activate"),
                    boots);
        }
        String text = Files.readString(log);
        assertTrue(text.contains("rebooting (trial-given-up)"), text);
        assertFalse(text.contains("rolled back") || text.contains("swapping back"), "no swap in place after a reboot:\n" + text);
        List<BootEntry> b = BootHistory.read(data).entries();
        BootEntry trial = b.get(b.size() - 2);
        assertTrue(trial.trial() && "a".equals(trial.set()) && BootEntry.REBOOTED.equals(trial.end()), b.toString());
    }

    /** Five runs lost in a row within minutes: the launcher falls back from the committed slot to the factory set. */
    @Test
    void aBootLoopFallsBackToTheFactorySetAndSaysSo() throws Exception {
        try (HttpPeer http = new HttpPeer(scratch.resolve("nginx"))) {
            Files.copy(v2, http.file(v2.getFileName().toString()));
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("phone.log"), OPTS)) {
                phone.run("fw:upgrade " + http.url(v2.getFileName().toString()));
                awaitStatus(phone, "active a (" + V2 + ")", 60);
                phone.awaitIdle();
            }
        }
        for (int i = 0; i < BootHistory.LOOP_BOOTS; i++) {
            try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("loop" + i + ".log"), OPTS)) {
                phone.awaitSettled(data);
                assertTrue(phone.run("fw:status").contains("running   sip8845." + V2));
                phone.kill9();
            }
        }
        try (PhoneProcess phone = PhoneProcess.start(IMAGE, data, scratch.resolve("after.log"), OPTS)) {
            phone.awaitSettled(data);
            String status = phone.run("fw:status");
            assertTrue(status.contains("running   sip8845." + V1) && status.contains("active factory"), status);
            String boots = phone.run("sys:boots");
            assertTrue(boots.contains("boot loop: back from the committed firmware in slot a to the factory set"), boots);
            assertTrue(phone.log().contains("boot loop"), phone.log());
        }
    }

    /** Every datagram waiting on the socket, one per line. */
    private static String received(java.net.DatagramSocket socket) throws IOException {
        StringBuilder s = new StringBuilder();
        byte[] buf = new byte[2048];
        while (true) {
            java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (java.net.SocketTimeoutException e) {
                return s.toString();
            }
            s.append(new String(p.getData(), 0, p.getLength(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        }
    }

    private static long partSize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** tftpd-hpa on a free loopback port. */
    /** tftpd-hpa on a free loopback port serving {@code root/} of a scratch dir. */
    static final class TftpPeer implements AutoCloseable {
        final Path dir;
        final int port;
        private final Scratch scratch;

        TftpPeer(Path dir) throws IOException {
            this.dir = dir;
            this.scratch = Scratch.in(dir);
            port = Ports.udp();
            Tftpd.hpa(scratch, null, "127.0.0.1", port, scratch.mkdirs("root"), dir);
        }

        Path file(String name) {
            return dir.resolve("root").resolve(name);
        }

        @Override
        public void close() {
            scratch.close();
        }
    }
}
