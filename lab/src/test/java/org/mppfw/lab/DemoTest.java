package org.mppfw.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job: the firmware image, booted in batch mode against this lab server,
 * resyncs through the whole chain (bootstrap over HTTP, secrets over HTTPS signed by the lab CA,
 * a gzipped AES-256-CBC profile, an RFC 8188 profile) and reports it.
 */
class DemoTest {

    @TempDir
    Path tmp;

    /** What a batch run of the phone printed, and its exit status. */
    record Batch(int status, String out, String err) {
    }

    /** Runs the image's {@code bin/mppfw} with {@code args} to its end (at most {@code seconds}). */
    private Batch batch(Path image, long seconds, String... args) throws Exception {
        return run(image, seconds, null, args);
    }

    /**
     * Runs {@code bin/mppfw} with {@code args}, its standard input read from {@code input} (the
     * interactive shell's commands of a powered-on phone) or empty.
     */
    private Batch run(Path image, long seconds, String input, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(image.resolve("bin/mppfw").toString()));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Path in = tmp.resolve("in.txt");
        Files.writeString(in, input == null ? "" : input);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(in.toFile()));
        pb.environment().put("MPPFW_CDS", "0");
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), "the phone ends its batch");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Batch(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aNewPhoneProvisionsItselfFromTheLab() throws Exception {
        Path image = image();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LabServer lab = LabServer.start(new LabServer.Options(tmp.resolve("lab"), "127.0.0.1", null, 0, 0, 0), log::add)) {
            String bootstrap = "http://127.0.0.1:" + lab.endpoints().http() + "/bootstrap.xml";
            Batch b = batch(image, 180, "--data", tmp.resolve("phone").toString(), "--mac", "00:0e:08:aa:bb:cc", "-c",
                    "param:set Profile_Rule " + bootstrap + "\nprov:resync\nprov:status");
            String o = b.out();
            String e = b.err();
            assertEquals(0, b.status(), o + e);
            String https = "https://127.0.0.1:" + lab.endpoints().https() + "/secure/000e08aabbcc.xml: A, plain";
            String http = "http://127.0.0.1:" + lab.endpoints().http();
            assertTrue(o.contains("  Profile_Rule " + http + "/bootstrap.xml: A, plain"), o);
            assertTrue(o.contains("  Profile_Rule_B " + https), o);
            assertTrue(o.contains("  Profile_Rule_C " + http + "/cfg/000e08aabbcc.cfg: A, aes-256-cbc+gzip")
                    || o.contains("  Profile_Rule_C " + http + "/cfg/000e08aabbcc.cfg: A, aes-256-cbc"), o);
            assertTrue(o.contains("  Profile_Rule_D " + http + "/ece/000e08aabbcc.xml: A, aes128gcm"), o);
            assertTrue(o.contains("Result:         success (A)"), o);
            String secrets = Files.readString(tmp.resolve("lab/lab-secrets.properties"));
            for (String line : secrets.lines().toList()) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    String secret = line.substring(eq + 1).trim();
                    assertFalse(!secret.isEmpty() && (o.contains(secret) || e.contains(secret)), "a lab secret in the phone's output");
                }
            }
            assertTrue(log.stream().anyMatch(l -> l.contains("/secure/000e08aabbcc.xml") && l.contains("Cisco-CP-8845-3PCC/")),
                    "the lab saw the phone's User-Agent: " + log);
        }
    }

    @Test
    void theRunningPhoneUpgradesV1ToV2ToV3FromTheLabInPlace() throws Exception {
        Path image = image().toAbsolutePath();
        Path key = image.getParent().resolve("firmware-signing-test.key.pem");
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LabServer lab = LabServer.start(new LabServer.Options(tmp.resolve("lab"), "127.0.0.1", null, 0, 0, 0), log::add)) {
            // the demo's images, made by the script scripts/run uses
            Process make = new ProcessBuilder(Path.of("../scripts/demo-firmware").toString(), image.toString(), key.toString(),
                    tmp.resolve("lab/firmware").toString()).redirectErrorStream(true).start();
            String releases = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(make.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, make.exitValue(), releases);
            List<String> r = releases.lines().toList();
            assertEquals(2, r.size(), releases);
            String fw = "http://127.0.0.1:" + lab.endpoints().http() + "/firmware";
            String rule = "'($SWVER lt " + r.get(0) + ")? " + fw + "/sip88xx." + r.get(0) + ".loads | " + fw + "/sip88xx."
                    + r.get(1) + ".loads'";
            Batch b = batch(image, 300, "--data", tmp.resolve("phone").toString(),
                    "-c", "param:set Upgrade_Rule " + rule + "\nfw:await 300\nfw:status\nlb -s");
            String o = b.out();
            String e = b.err();
            assertEquals(0, b.status(), o + e);
            assertTrue(o.contains("now running " + r.get(0)) && o.contains("now running " + r.get(1)), o);
            assertTrue(o.contains("running   sip8845." + r.get(1)), o);
            assertTrue(o.contains("org.mppfw.display (12.0.1.demo3)") && o.contains("org.mppfw.crypto (12.0.1.demo3)"), o);
            assertTrue(log.stream().anyMatch(l -> l.contains("sip88xx." + r.get(0) + ".loads")), log.toString());
            assertTrue(log.stream().anyMatch(l -> l.contains("sip88xx." + r.get(1) + ".loads")), log.toString());
        }
    }

    /**
     * A phone in factory state that DHCP gives nothing finds the lab through remote
     * customization: its power-up resync (within 40 s) fails, it asks the lab's activation server, is redirected
     * to the bootstrap profile and provisions itself (Open, Pending, Custom Pending, Acquired). The phone is
     * powered on (its shell reads the commands): a command run ({@code -c}) would start no power-up resync.
     */
    @Test
    void aFactoryResetPhoneFindsTheLabThroughTheActivationServer() throws Exception {
        Path image = image();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LabServer lab = LabServer.start(new LabServer.Options(tmp.resolve("lab"), "127.0.0.1", null, 0, 0, 0), log::add)) {
            String http = "http://127.0.0.1:" + lab.endpoints().http();
            Path data = Files.createDirectories(tmp.resolve("phone"));
            // discovery on, with no DHCP option: nothing but the activation server can name the server
            Files.writeString(data.resolve("boot.properties"), "mppfw.discovery.mode=static\n");
            batch(image, 60, "--data", data.toString(), "--mac", "00:0e:08:aa:bb:cd", "-c",
                    "param:set Activation_Server_URL " + http);
            Batch b = run(image, 180, "disc:await Acquired 120\nprov:status\ndisc:status\nexit\n", "--data", data.toString());
            String o = b.out();
            String e = b.err();
            assertEquals(0, b.status(), o + e);
            assertTrue(log.stream().anyMatch(l -> l.contains("/cda/000e08aabbcd")), "the lab was asked: " + log);
            assertTrue(o.contains("customization: Acquired"), o);
            assertTrue(o.contains("  Profile_Rule " + http + "/bootstrap.xml: A, plain"), o);
            assertTrue(o.contains("Result:         success (A)"), o);
        }
    }

    /**
     * CDA retry (firmware 12.0(3)): the lab's activation server does not know the phone's MAC yet
     * (its "no service provider" answer). The phone moves to the activation-code screen and keeps
     * asking in the background (GDS-Pending, then Pending and Unavailable), and is Acquired once
     * the MAC is added on the server. {@code Resync_Error_Retry_Delay} 5 makes the back-off 5, 10,
     * 20 s... The test waits for the phone's own words, never for a time.
     */
    @Test
    void aPhoneTheActivationServerDoesNotKnowYetRetriesInTheBackgroundUntilAcquired() throws Exception {
        Path image = image();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LabServer lab = LabServer.start(new LabServer.Options(tmp.resolve("lab"), "127.0.0.1", null, 0, 0, 0), log::add)) {
            String http = "http://127.0.0.1:" + lab.endpoints().http();
            Path data = Files.createDirectories(tmp.resolve("phone"));
            Files.writeString(data.resolve("boot.properties"), "mppfw.discovery.mode=static\n");
            Path mac = Files.createDirectories(tmp.resolve("lab/activation")).resolve("000e08aabbce");
            Files.writeString(mac, "");
            batch(image, 60, "--data", data.toString(), "--mac", "00:0e:08:aa:bb:ce", "-c",
                    "param:set Activation_Server_URL " + http + "\nparam:set Resync_Error_Retry_Delay 5");
            Path out = tmp.resolve("retry-out.txt");
            Path in = tmp.resolve("retry-in.txt");
            Files.writeString(in, "disc:await Unavailable 150\nlcd:show\nparam:get Profile_Rule\ndisc:status\n"
                    + "disc:await Acquired 150\nprov:status\nexit\n");
            ProcessBuilder pb = new ProcessBuilder(image.resolve("bin/mppfw").toString(), "--data", data.toString())
                    .redirectOutput(out.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(in.toFile()));
            pb.environment().put("MPPFW_CDS", "0");
            Process p = pb.start();
            long asked;
            try {
                // asked, told "no service provider", asked again: Unavailable, on the activation-code screen,
                // with the factory rule kept (its resyncs go on trying the servers DHCP gives). Waits for the
                // output of the commands after the await too (disc:status comes last), not for the await alone
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(170);
                while (!(Files.readString(out).contains("customization: Unavailable") && Files.readString(out).contains("discovery: mode"))
                        && p.isAlive() && System.nanoTime() < end) {
                    Thread.sleep(200);
                }
                String before = Files.readString(out);
                assertTrue(before.contains("customization: Unavailable"), before);
                assertTrue(before.contains("| Activation code") && before.contains("mppfw> /$PSN.xml"), before);
                asked = log.stream().filter(l -> l.contains("/cda/000e08aabbce")).count();
                assertTrue(asked >= 2, "asked, then asked again in the background: " + log);
                // the MAC is added on the activation server
                Files.writeString(mac, http + "/bootstrap.xml\n");
                assertTrue(p.waitFor(200, TimeUnit.SECONDS), "the phone ends its batch");
            } finally {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String o = Files.readString(out);
            assertEquals(0, p.exitValue(), o);
            assertTrue(o.contains("customization: Acquired"), o);
            assertTrue(o.contains("  Profile_Rule " + http + "/bootstrap.xml: A, plain"), o);
            assertTrue(log.stream().filter(l -> l.contains("/cda/000e08aabbce")).count() > asked, log.toString());
        }
    }

    /**
     * Activation codes reach the onboarding service, a host (here a path) of their own: a
     * 16-digit code typed on the activation-code screen of the image goes to the lab's
     * {@code /onboarding/activate}, never to the activation server's {@code /activate}.
     */
    @Test
    void activationCodesReachTheOnboardingService() throws Exception {
        Path image = image();
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LabServer lab = LabServer.start(new LabServer.Options(tmp.resolve("lab"), "127.0.0.1", null, 0, 0, 0), log::add)) {
            String http = "http://127.0.0.1:" + lab.endpoints().http();
            Batch b = batch(image, 120, "--data", tmp.resolve("phone").toString(), "--mac", "00:0e:08:aa:bb:cf", "-c",
                    "param:set Activation_Server_URL " + http + "\nparam:set Onboarding_Server_URL " + http + "/onboarding\n"
                    + "param:set Profile_Rule gds://\ndisc:activate 1234567890123456\ndisc:await GDS-Acquired 90");
            String o = b.out();
            assertEquals(0, b.status(), o + b.err());
            assertTrue(o.contains("accepted: Profile_Rule = " + http + "/bootstrap.xml"), o);
            assertTrue(o.contains("customization: GDS-Acquired"), o);
            assertTrue(log.stream().anyMatch(l -> l.contains("/onboarding/activate") && l.contains(" 200 ")), log.toString());
            assertFalse(log.stream().anyMatch(l -> l.contains(" /activate")), log.toString());
        }
    }

    /** The image built by the distribution module (or {@code -Dmppfw.image}), checked to be there. */
    private static Path image() {
        Path image = Path.of(System.getProperty("mppfw.image", "../distribution/target/mppfw"));
        assertTrue(Files.isExecutable(image.resolve("bin/mppfw")), "the image is built before this module: " + image);
        return image;
    }
}
