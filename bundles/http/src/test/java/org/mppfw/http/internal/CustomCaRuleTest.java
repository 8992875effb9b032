package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mppfw.api.provisioning.MacroSource;
import org.mppfw.api.transport.Transport;
import org.mppfw.api.transport.TransportException;
import org.mppfw.api.transport.TransportRequest;
import org.mppfw.provisioning.internal.ProvisioningRulesImpl;
import org.mppfw.testing.Await;
import org.mppfw.testing.Nginx;
import org.mppfw.testing.Peer;
import org.mppfw.testing.Ports;
import org.mppfw.testing.Scratch;
import org.mppfw.testing.TempDirs;
import org.mppfw.testing.Tftpd;
import org.mppfw.tftp.internal.TftpConfig;
import org.mppfw.tftp.internal.TftpTransport;

/**
 * {@code Custom_CA_Rule} takes the URL syntax of the profile rules: bracketed options (the
 * credentials nginx asks for with Basic), macros ({@code $MA} in the path, {@code $SA} in
 * {@code --pwd}), and {@code tftp://} (tftpd-hpa); the CA it installs is then trusted for HTTPS.
 * Its server is within {@code Restricted_Access_Domains}.
 */
class CustomCaRuleTest {

    private static final String MAC = "0011223344aa";

    static Scratch peers;
    static Pki pki;
    static int http;
    static int https;
    static int tftp;
    static Path tftpRoot;

    private HttpTransport phone;
    private Path data;

    @BeforeAll
    static void startPeers() throws Exception {
        Peer.require("nginx");
        Peer.require("openssl");
        Peer.require("htpasswd");
        peers = new Scratch("customca");
        pki = Pki.create(peers);
        http = Ports.tcp();
        https = Ports.tcp();
        tftp = Ports.udp();
        byte[] ca = Files.readAllBytes(pki.ca);
        peers.write("www/basic/" + MAC + "/ca.pem", ca);
        peers.write("www/open/profile.cfg", NginxTest.PROFILE);
        peers.write("htpasswd", peers.run("htpasswd", "-nbB", "phone", "s3cret").trim() + "\n");
        String d = peers.dir.toString();
        Nginx.start(peers, "nginx", http, "", ""
                + "  server {\n"
                + "    listen 127.0.0.1:" + http + "; listen 127.0.0.1:" + https + " ssl;\n"
                + "    ssl_certificate " + pki.serverCert + "; ssl_certificate_key " + pki.serverKey + ";\n"
                + "    root " + d + "/www;\n"
                + "    location /open/ { }\n"
                + "    location /basic/ { auth_basic \"ca\"; auth_basic_user_file " + d + "/htpasswd; }\n"
                + "  }\n");
        tftpRoot = TempDirs.openForWriting(TempDirs.create("mppfw-customca-tftp"));
        Files.write(tftpRoot.resolve("ca-" + MAC + ".pem"), ca);
        TempDirs.open(tftpRoot.resolve("ca-" + MAC + ".pem"));
        Tftpd.hpa(peers, null, "127.0.0.1", tftp, tftpRoot, peers.mkdirs("tftp-logs"));
    }

    @AfterAll
    static void stopPeers() {
        if (peers != null) {
            peers.close();
        }
        TempDirs.delete(tftpRoot);
    }

    @AfterEach
    void stopPhone() {
        if (phone != null) {
            phone.deactivate();
        }
        if (data != null) {
            TempDirs.delete(data);
        }
    }

    /** The transport as the framework wires it: the rule and macro services, the TFTP transport. */
    private HttpTransport phone(Map<String, String> params) throws Exception {
        data = TempDirs.create("mppfw-customca-data");
        phone = Fixtures.transport(params, data);
        TftpConfig tftpDefaults = (TftpConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TftpConfig.class}, (p, m, a) -> m.getDefaultValue());
        phone.bindTransport(new TftpTransport(tftpDefaults, data.resolve("spool")), Map.of(Transport.SCHEMES, "tftp"));
        phone.bindMacros(() -> MacroSource.of(Map.of("MA", MAC, "SA", "s3cret")));
        phone.bindRules(new ProvisioningRulesImpl());
        return phone;
    }

    private static Map<String, String> rule(String rule) {
        Map<String, String> m = new HashMap<>();
        m.put("Custom_CA_Rule", rule);
        return m;
    }

    private String awaitStatus(String expected) {
        return Await.value("custom CA status with '" + expected + "'", Await.TIMEOUT,
                () -> phone.customCaStatus().contains(expected) ? phone.customCaStatus() : null, phone::customCaStatus);
    }

    private void assertInstalledAndTrusted() throws IOException {
        awaitStatus("Last provisioning succeeded");
        assertArrayEquals(Files.readAllBytes(pki.ca), Files.readAllBytes(data.resolve("state/http/custom-ca.pem")));
        assertEquals(NginxTest.PROFILE, Fixtures.body(phone.exchange(
                TransportRequest.get(URI.create("https://127.0.0.1:" + https + "/open/profile.cfg")))));
    }

    @Test
    void bracketedCredentialsAnswerBasicAndTheMacAddressExpandsInThePath() throws Exception {
        phone(rule("[--uid phone --pwd s3cret] http://127.0.0.1:" + http + "/basic/$MA/ca.pem"));
        assertInstalledAndTrusted();
    }

    @Test
    void secretRegistersExpandInTheOptionsAndNeverShow() throws Exception {
        phone(rule("[--uid phone --pwd $SA]http://127.0.0.1:" + http + "/basic/$MA/ca.pem"));
        assertInstalledAndTrusted();
        assertFalse(phone.customCaStatus().contains("s3cret"));
    }

    @Test
    void withoutTheCredentialsBasicRefusesIt() throws Exception {
        phone(rule("http://127.0.0.1:" + http + "/basic/$MA/ca.pem"));
        String status = awaitStatus("Last provisioning failed");
        assertTrue(status.contains("HTTP 401"), status);
        assertFalse(Files.exists(data.resolve("state/http/custom-ca.pem")));
    }

    @Test
    void tftpServesTheCaToo() throws Exception {
        phone(rule("tftp://127.0.0.1:" + tftp + "/ca-$MA.pem"));
        assertInstalledAndTrusted();
    }

    @Test
    void aConditionPicksTheAlternative() throws Exception {
        phone(rule("(\"$MA\" eq \"ffffffffffff\")? http://127.0.0.1:" + http + "/open/none.pem | tftp://127.0.0.1:"
                + tftp + "/ca-$MA.pem"));
        assertInstalledAndTrusted();
    }

    @Test
    void aServerOutsideRestrictedAccessDomainsIsNotContacted() throws Exception {
        Map<String, String> params = rule("tftp://127.0.0.1:" + tftp + "/ca-$MA.pem");
        params.put("Restricted_Access_Domains", "localhost");
        phone(params);
        String status = awaitStatus("Last provisioning failed");
        assertTrue(status.contains("host 127.0.0.1 is not in Restricted_Access_Domains (localhost)"), status);
        assertFalse(Files.exists(data.resolve("state/http/custom-ca.pem")));
        TransportException e = assertThrows(TransportException.class, () -> Fixtures.body(phone.exchange(
                TransportRequest.get(URI.create("https://127.0.0.1:" + https + "/open/profile.cfg")))));
        assertTrue(e.getMessage().contains("not signed by a trusted CA"), e.getMessage());
    }

    @Test
    void aServerWithinRestrictedAccessDomainsIsUsed() throws Exception {
        Map<String, String> params = rule("[--uid phone --pwd s3cret] http://localhost:" + http + "/basic/$MA/ca.pem");
        params.put("Restricted_Access_Domains", "example.test, localhost");
        phone(params);
        assertInstalledAndTrusted();
    }
}
