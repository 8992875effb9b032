package org.mppfw.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.mppfw.api.config.ChangeSource;
import org.mppfw.api.config.ParameterStore;
import org.mppfw.api.provisioning.Provisioning;
import org.mppfw.api.provisioning.ResyncRecord;
import org.mppfw.api.transport.ResultClass;
import org.mppfw.testing.Nginx;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Rsyslog;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;
import org.mppfw.testing.Tftpd;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * The phone's whole resync path, bundles as in the image, against real servers: nginx (open and
 * Basic-protected folders, a folder that answers 500 until a file appears), tftpd-hpa, files
 * encrypted by the {@code openssl} command line, and rsyslogd receiving the {@code Log_*} lines.
 * Every test runs in a new framework with a new data dir.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ResyncEndToEndTest {

    static final String MAC = "000e08012345";

    @Inject
    private ParameterStore store;

    @Inject
    private Provisioning engine;

    @Inject
    private org.osgi.framework.BundleContext context;

    /** The persisted parameters of this framework's data dir. */
    private Path parametersFile() {
        return Path.of(context.getProperty("mppfw.data.dir"), "config", "parameters.xml");
    }

    @Configuration
    public Option[] config() {
        return new Option[] {PhoneOptions.phone(PhoneOptions.tempDataDir("resync"))};
    }

    /** nginx on a free port serving {@code www/}: /open/, /basic/ (phone:s3cret), /flaky/ (500 until present). */
    static int nginx(Scratch peers) throws Exception {
        int port = Ports.tcp();
        String d = peers.dir.toString();
        peers.write("htpasswd", peers.run("htpasswd", "-nbB", "phone", "s3cret").trim() + "\n");
        peers.mkdirs("www/open");
        peers.mkdirs("www/flaky");
        Nginx.start(peers, port, "  default_type application/octet-stream;\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n    root " + d + "/www;\n"
                + "    location /open/ { }\n"
                + "    location /basic/ { auth_basic \"prov\"; auth_basic_user_file " + d + "/htpasswd; }\n"
                + "    location /flaky/ { try_files $uri =500; }\n"
                + "  }\n");
        return port;
    }

    /** {@code gzip} (if asked) then {@code openssl enc -aes-256-cbc -k KEY} (SHA-256 key derivation, the default). */
    static Path encrypt(Scratch peers, String relative, String profile, String key, boolean gzip) throws Exception {
        Path plain = peers.write("plain/" + relative.replace('/', '_'), profile);
        Path in = plain;
        if (gzip) {
            peers.run("gzip", "-k", "-f", plain.toString());
            in = Path.of(plain + ".gz");
        }
        Path out = peers.file(relative);
        Files.createDirectories(out.getParent());
        peers.run("openssl", "enc", "-e", "-aes-256-cbc", "-k", key, "-in", in.toString(), "-out", out.toString());
        TempDirs.open(out);
        return out;
    }

    private void set(String name, String value) throws Exception {
        store.set(name, value, ChangeSource.ADMIN);
    }

    /** Asks for a resync and waits for the first record after it that {@code done} accepts. */
    private ResyncRecord resync(Predicate<ResyncRecord> done) throws Exception {
        List<ResyncRecord> before = engine.history();
        ResyncRecord previous = before.isEmpty() ? null : before.get(0);
        assertTrue("provisioning enabled", engine.resync());
        return await(previous, done);
    }

    private ResyncRecord await(ResyncRecord previous, Predicate<ResyncRecord> done) throws Exception {
        for (int i = 0; i < 600; i++) {
            for (ResyncRecord r : engine.history()) {
                if (r == previous) {
                    break;
                }
                if (done.test(r) && engine.status().last() == r) {
                    return r; // the status (next resync and why) is published just after the record
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such resync record; history: " + engine.history());
    }

    private static Predicate<ResyncRecord> explicit() {
        return r -> r.reason().equals("explicit");
    }

    @Test
    public void bootstrapChainsToABasicProtectedEncryptedProfileAndSyslogHearsIt() throws Exception {
        try (Scratch peers = new Scratch("chain")) {
            int port = nginx(peers);
            Rsyslog syslog = Rsyslog.start(peers, "%msg%\n");
            int syslogPort = syslog.port;
            String base = "http://127.0.0.1:" + port;
            peers.write("www/open/bootstrap.xml", "<device><flat-profile>\n"
                    + "  <GPP_SA>chain-key-42</GPP_SA>\n"
                    + "  <Profile_Rule_B>[--key $SA --uid phone --pwd s3cret] " + base + "/basic/$MA.cfg</Profile_Rule_B>\n"
                    + "</flat-profile></device>\n");
            encrypt(peers, "www/basic/" + MAC + ".cfg",
                    "<device><flat-profile><GPP_C>chained</GPP_C><Resync_Periodic>7200</Resync_Periodic></flat-profile></device>\n",
                    "chain-key-42", true);
            set("Syslog_Server", "127.0.0.1:" + syslogPort);
            set("Profile_Rule", base + "/open/bootstrap.xml");

            ResyncRecord r = resync(explicit());
            assertEquals(r.message(), ResultClass.A, r.result());
            assertEquals("Profile_Rule_B", r.rule());
            assertEquals(base + "/basic/" + MAC + ".cfg", r.url());
            assertEquals("aes-256-cbc", r.decoding());
            assertEquals("chained", store.get("GPP_C"));
            assertEquals("7200", store.get("Resync_Periodic"));
            assertTrue(r.changed().containsAll(List.of("GPP_SA", "Profile_Rule_B", "GPP_C", "Resync_Periodic")));
            assertFalse("no secret in the record", r.toString().contains("chain-key-42") || r.toString().contains("s3cret"));

            String successful = "Successful resync http://127.0.0.1:" + port + "/basic/" + MAC + ".cfg";
            syslog.lines(successful);
            String log = syslog.text();
            assertTrue(log, log.contains("CP-8845-3PCC 00:0e:08:01:23:45 -- Requesting resync http://127.0.0.1:" + port
                    + "/open/bootstrap.xml"));
            assertTrue(log, log.contains(successful));
            assertFalse("no secret in syslog", log.contains("chain-key-42") || log.contains("s3cret"));
        }
    }

    @Test
    public void aCorruptEncryptedProfileIsClassBAndLeavesTheConfigurationWhole() throws Exception {
        try (Scratch peers = new Scratch("corrupt")) {
            int port = nginx(peers);
            encrypt(peers, "www/open/p.cfg", "<flat-profile><GPP_D>first</GPP_D></flat-profile>\n", "right-key", false);
            set("GPP_SB", "right-key");
            set("Profile_Rule", "[--key $SB] http://127.0.0.1:" + port + "/open/p.cfg");
            assertEquals(ResultClass.A, resync(explicit()).result());
            assertEquals("first", store.get("GPP_D"));
            byte[] before = Files.readAllBytes(parametersFile());

            encrypt(peers, "www/open/p.cfg", "<flat-profile><GPP_D>second</GPP_D></flat-profile>\n", "other-key", false);
            ResyncRecord wrongKey = resync(explicit());
            assertEquals(ResultClass.B, wrongKey.result());
            assertTrue(wrongKey.message(), wrongKey.message().contains("wrong key or digest"));
            byte[] tampered = Files.readAllBytes(encrypt(peers, "www/open/p.cfg",
                    "<flat-profile><GPP_D>third</GPP_D></flat-profile>\n", "right-key", false));
            tampered[tampered.length - 1] ^= 0x01; // the padding of the last block
            peers.write("www/open/p.cfg", tampered);
            assertEquals(ResultClass.B, resync(explicit()).result());
            assertEquals("first", store.get("GPP_D"));
            assertArrayEquals("the persisted parameters did not change", before,
                    Files.readAllBytes(parametersFile()));
        }
    }

    @Test
    public void notFoundFollowsResyncFailsOnFnfAnd500IsRetriedOnTheList() throws Exception {
        try (Scratch peers = new Scratch("retry")) {
            int port = nginx(peers);
            set("Profile_Rule", "http://127.0.0.1:" + port + "/open/none.xml");
            ResyncRecord missing = resync(explicit());
            assertEquals(ResultClass.B, missing.result());
            assertEquals("retry", engine.status().nextReason());
            set("Resync_Fails_On_FNF", "No");
            assertEquals(ResultClass.A, resync(explicit()).result());
            assertEquals("periodic", engine.status().nextReason());

            set("Resync_Error_Retry_Delay", "1");
            set("Profile_Rule", "http://127.0.0.1:" + port + "/flaky/p.xml");
            ResyncRecord failed = resync(explicit());
            assertEquals(ResultClass.C, failed.result());
            assertTrue(failed.message(), failed.message().contains("500"));
            peers.write("www/flaky/p.xml", "<flat-profile><GPP_E>recovered</GPP_E></flat-profile>\n");
            ResyncRecord retried = await(failed, r -> r.reason().equals("retry") && r.success());
            assertEquals("recovered", store.get("GPP_E"));
            assertEquals(ResultClass.A, retried.result());
        }
    }

    /**
     * Cisco's own example: the phone with a device certificate takes the first branch of
     * {@code ("$CCERT" eq "Installed")?}, the one without takes the other; the certificate is the
     * PKCS#12 file the HTTPS client presents, made by {@code openssl}.
     */
    @Test
    public void ccertChoosesTheBranchOfAPhoneWithADeviceCertificate() throws Exception {
        try (Scratch peers = new Scratch("ccert")) {
            int port = nginx(peers);
            String base = "http://127.0.0.1:" + port + "/open/";
            peers.write("www/open/certified.xml", "<flat-profile><GPP_G>certified</GPP_G></flat-profile>\n");
            peers.write("www/open/" + MAC + ".xml", "<flat-profile><GPP_G>by MAC</GPP_G></flat-profile>\n");
            set("Profile_Rule", "(\"$CCERT\" eq \"Installed\")? " + base + "certified.xml | " + base + "$MA.xml");

            ResyncRecord without = resync(explicit());
            assertEquals(without.message(), ResultClass.A, without.result());
            assertEquals(base + MAC + ".xml", without.url());
            assertEquals("by MAC", store.get("GPP_G"));

            String d = peers.dir.toString();
            peers.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/device.key",
                    "-out", d + "/device.crt", "-subj", "/CN=" + MAC, "-days", "2");
            Path p12 = Path.of(context.getProperty("mppfw.data.dir"), "identity", "device.p12");
            Files.createDirectories(p12.getParent());
            peers.run("openssl", "pkcs12", "-export", "-in", d + "/device.crt", "-inkey", d + "/device.key",
                    "-out", p12.toString(), "-passout", "pass:");

            ResyncRecord with = resync(explicit());
            assertEquals(with.message(), ResultClass.A, with.result());
            assertEquals(base + "certified.xml", with.url());
            assertEquals("certified", store.get("GPP_G"));
        }
    }

    @Test
    public void tftpFromTftpdHpa() throws Exception {
        try (Scratch peers = new Scratch("tftp")) {
            int port = Ports.udp();
            peers.write("tftp/cisco/" + MAC + ".xml", "<flat-profile><GPP_F>over tftp</GPP_F></flat-profile>\n");
            Tftpd.hpa(peers, null, "127.0.0.1", port, peers.file("tftp"), peers.dir);
            set("Profile_Rule", "tftp://127.0.0.1:" + port + "/cisco/$MA.xml");
            ResyncRecord r = resync(explicit());
            assertEquals(r.message(), ResultClass.A, r.result());
            assertEquals("over tftp", store.get("GPP_F"));
            assertEquals("tftp://127.0.0.1:" + port + "/cisco/" + MAC + ".xml", r.url());
        }
    }
}
