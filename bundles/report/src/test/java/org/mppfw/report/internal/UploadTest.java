package org.mppfw.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.report.ReportOutcome;
import org.mppfw.testing.Commands;
import org.mppfw.testing.Npm;
import org.mppfw.testing.Peer;

/**
 * Report_Rule against real servers: Apache httpd with mod_dav (PUT) and a CGI (POST), tftpd-hpa
 * (TFTP write); encrypted bodies opened with the real {@code openssl enc -d} and the http_ece
 * package; no secret ever in clear.
 */
class UploadTest {

    static final String SECRET = "TopSecret-Sip-Pw-4711";
    static final String KEY = "report-key-0815";

    static Servers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new Servers();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static Phone phone(Path dir) throws Exception {
        Phone p = new Phone(dir);
        p.set("GPP_SB", SECRET);
        p.set("GPP_SA", KEY);
        return p;
    }

    /** --key: PUT to mod_dav, AES-256-CBC that openssl enc -d -aes-256-cbc -k opens; the secret stays masked. */
    @Test
    void putEncryptedConfigurationToDav(@TempDir Path dir) throws Exception {
        try (Phone p = phone(dir)) {
            p.set("HTTP_Report_Method", "PUT");
            p.set("Report_Rule", "[--key $SA] " + servers.httpBase() + "/dav/$MA.enc.xml");
            List<ReportOutcome> out = p.reporter.report(null);
            assertEquals(1, out.size(), out.toString());
            assertTrue(out.get(0).sent(), out.toString());
            Path enc = servers.dav.resolve("0011223344ab.enc.xml");
            byte[] raw = Files.readAllBytes(enc);
            assertEquals("Salted__", new String(raw, 0, 8, StandardCharsets.US_ASCII));
            assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(SECRET));
            Peer.require("openssl");
            String plain = Commands.ok(dir, "openssl", "enc", "-d", "-aes-256-cbc", "-k", KEY, "-in", enc.toString())
                    .out();
            assertTrue(plain.startsWith("<?xml") && plain.contains("<flat-profile>"), plain);
            assertTrue(plain.contains("<Report_Rule ua=\"na\">[--key $SA] "), "the whole configuration");
            assertTrue(plain.contains("<GPP_SB ua=\"na\">************</GPP_SB>"), "a secret is masked");
            assertFalse(plain.contains(SECRET));
            assertFalse(plain.contains(KEY), "the key is a secret too");
        }
    }

    /** An IKM without --key: RFC 8188 POSTed to the CGI, opened by http_ece; the status report's fields. */
    @Test
    void postStatusAsAes128gcm(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("NODE_PATH", Npm.modules("http_ece").toString());
        String ikm = "0123456789abcdef";
        try (Phone p = phone(dir)) {
            p.set("IKM_HTTP_Encrypt_Content", ikm);
            int before = count();
            List<ReportOutcome> out = p.reporter.report("[--status] " + servers.httpBase() + "/cgi/store");
            assertTrue(out.get(0).sent(), out.toString());
            Path body = servers.posts(before + 1).get(before);
            assertEquals(List.of(Reporter.CONTENT_TYPE, "aes128gcm"), servers.meta(body));
            assertFalse(Files.readString(body, StandardCharsets.ISO_8859_1).contains("flat-profile"));
            Files.writeString(dir.resolve("dec.js"), "const ece = require('http_ece'), fs = require('fs');\n"
                    + "const [key, inf, outf] = process.argv.slice(2);\n"
                    + "fs.writeFileSync(outf, ece.decrypt(fs.readFileSync(inf), { version: 'aes128gcm',"
                    + " key: Buffer.from(key, 'base64url') }));\n");
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(ikm.getBytes(StandardCharsets.UTF_8));
            Commands.ok(dir, env, "node", "dec.js", key, body.toString(), "status.xml");
            String status = Files.readString(dir.resolve("status.xml"));
            assertTrue(status.contains("<Product_Name>CP-8845-3PCC</Product_Name>"), status);
            assertTrue(status.contains("<Serial_Number>FCH1234ABCD</Serial_Number>"), status);
            assertTrue(status.contains("<MAC_Address>0011223344AB</MAC_Address>"), status);
            assertTrue(status.contains("<Software_Version>sip8845.12-0-1MPP0001-1</Software_Version>"), status);
            assertTrue(status.contains("<Current_Time>12/07/2026 10:00:00</Current_Time>"), status);
            assertTrue(status.contains("<Applied_Config_Hash>" + p.reporter.configHash() + "</Applied_Config_Hash>"),
                    status);
            assertFalse(status.contains(SECRET));
        }
    }

    /** Two targets separated by a space: the delta goes to both, HTTP POST in clear and a TFTP write. */
    @Test
    void deltaToTwoTargets(@TempDir Path dir) throws Exception {
        try (Phone p = phone(dir)) {
            p.reporter.moveBaseline(1, "fw");
            p.set("GPP_A", "changed-after-baseline");
            p.set("GPP_SC", "another-" + SECRET);
            int before = count();
            List<ReportOutcome> out = p.reporter.report("[--delta] " + servers.httpBase() + "/cgi/store "
                    + servers.tftpBase() + "/$MA-delta.xml");
            assertEquals(2, out.size(), out.toString());
            assertTrue(out.get(0).sent() && out.get(1).sent(), out.toString());
            String posted = Files.readString(servers.posts(before + 1).get(before));
            String written = Files.readString(servers.tftpRoot.resolve("0011223344ab-delta.xml"));
            assertEquals(posted, written);
            assertTrue(posted.contains("<GPP_A ua=\"na\">changed-after-baseline</GPP_A>"), posted);
            assertTrue(posted.contains("<GPP_SC ua=\"na\">************</GPP_SC>"), posted);
            assertFalse(posted.contains("GPP_B"), "an unchanged parameter is not in the delta");
            assertFalse(posted.contains("Report_Rule"), "nor one set before the baseline");
            assertFalse(posted.contains(SECRET));
        }
    }

    /** Restricted_Access_Domains holds for reports as for resyncs: another server is refused, nothing sent. */
    @Test
    void restrictedAccessDomains(@TempDir Path dir) throws Exception {
        try (Phone p = phone(dir)) {
            p.set("Restricted_Access_Domains", "prov.example.com");
            p.set("HTTP_Report_Method", "PUT");
            List<ReportOutcome> out = p.reporter.report(servers.httpBase() + "/dav/refused.xml");
            assertFalse(out.get(0).sent(), out.toString());
            assertFalse(Files.exists(servers.dav.resolve("refused.xml")));
        }
    }

    private static int count() throws Exception {
        try (var f = Files.list(servers.posted)) {
            return (int) f.filter(x -> x.toString().endsWith(".body")).count();
        }
    }

}
