package org.mppfw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.testing.Await;
import org.mppfw.testing.Ports;

/**
 * HTTPS of the web server, as the 12.0 defaults ask ({@code Enable_Protocol} Https): the image
 * serves TLS with the device certificate made with openssl (the file the phone presents in mutual
 * TLS), seen through {@code openssl s_client} and {@code curl}; a switch to Http on another port
 * and back takes effect with no restart; without a device certificate the phone presents its
 * self-signed one, the same after a restart; the key store's password is in no log.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebHttpsIT {

    @TempDir
    static Path scratch;
    static Path data;
    static PhoneProcess phone;
    static int port;
    static String deviceSha256;

    @BeforeAll
    static void boot() throws Exception {
        data = scratch.resolve("data");
        Path identity = Files.createDirectories(data.resolve("identity"));
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=000e08123457", "-days", "30",
                "-keyout", scratch.resolve("device.key").toString(), "-out", scratch.resolve("device.crt").toString());
        run("openssl", "pkcs12", "-export", "-in", scratch.resolve("device.crt").toString(), "-inkey",
                scratch.resolve("device.key").toString(), "-passout", "pass:", "-out", identity.resolve("device.p12").toString());
        deviceSha256 = sha256(Files.readString(scratch.resolve("device.crt")));
        port = Ports.tcp();
        PhoneProcess.batch(UpgradeIT.IMAGE, data, "", "param:set Web_Server_Port " + port);
        phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone.log"), UpgradeIT.OPTS);
        phone.awaitSettled(data);
    }

    @AfterAll
    static void halt() throws Exception {
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    @Order(1)
    void httpsIsServedWithTheDeviceCertificate() throws Exception {
        assertTrue(phone.run("param:get Enable_Protocol").contains("Https"), "the 12.0 default");
        String served = Await.value("a TLS server on port " + port, () -> servedCertificate(port).orElse(null));
        assertEquals(deviceSha256, served, "the device certificate, the one the phone presents in mutual TLS");
        Await.until("the login page over HTTPS, the phone named by its address", () -> httpsStatus(port) == 200);
        assertNotEquals(200, WebUiIT.status(port), "no plain HTTP on the HTTPS port");
        Path store = data.resolve("state/http/server.p12");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));
    }

    @Test
    @Order(2)
    void theKeyStorePasswordIsInNoLogNorParameter() throws Exception {
        String password = keyStorePassword().orElseThrow(() -> new AssertionError("Felix HTTP's configuration"));
        assertTrue(password.length() >= 32, "random");
        assertFalse(phone.log().contains(password), "not in the log");
        assertFalse(phone.run("param:export").contains(password), "not a parameter");
        try (Stream<Path> logs = Files.exists(data.resolve("log")) ? Files.walk(data.resolve("log")) : Stream.empty()) {
            for (Path p : logs.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).contains(password), p.toString());
            }
        }
    }

    @Test
    @Order(3)
    void aSwitchToHttpOnAnotherPortAndBackTakesEffectWithoutARestart() throws Exception {
        int http = Ports.tcp();
        phone.run("param:set Enable_Protocol Http");
        phone.run("param:set Web_Server_Port " + http);
        Await.until("HTTP on port " + http, () -> WebUiIT.status(http) == 200);
        Await.until("no server on the HTTPS port", () -> WebUiIT.status(port) == 0);
        assertTrue(servedCertificate(http).isEmpty(), "plain HTTP: no certificate");
        phone.run("param:set Web_Server_Port " + port);
        phone.run("param:set Enable_Protocol Https");
        assertEquals(deviceSha256, Await.value("TLS again", () -> servedCertificate(port).orElse(null)));
        Await.until("the pages over HTTPS again", () -> httpsStatus(port) == 200);
        Await.until("the HTTP port closed", () -> WebUiIT.status(http) == 0);
    }

    @Test
    @Order(4)
    void withoutADeviceCertificateTheSelfSignedOneIsServedAndKeptAcrossARestart() throws Exception {
        Files.delete(data.resolve("identity/device.p12"));
        phone.run("param:set Enable_Protocol Http");
        Await.until("HTTP", () -> WebUiIT.status(port) == 200);
        phone.run("param:set Enable_Protocol Https");
        String self = Await.value("the self-signed certificate", () -> servedCertificate(port)
                .filter(s -> !s.equals(deviceSha256)).orElse(null));
        assertTrue(phone.run("prov:expand '$CCERT'").contains("Not Installed"), "$CCERT is about the device certificate");
        assertTrue(Files.isRegularFile(data.resolve("identity/self-signed.p12")));
        phone.close();
        phone = PhoneProcess.start(UpgradeIT.IMAGE, data, scratch.resolve("phone2.log"), UpgradeIT.OPTS);
        phone.awaitSettled(data);
        assertEquals(self, Await.value("TLS after the restart", () -> servedCertificate(port).orElse(null)),
                "the same self-signed certificate after a restart");
        Await.until("the pages over HTTPS", () -> httpsStatus(port) == 200);
    }

    /** The status of the login page over HTTPS ({@code curl -k}), 0 when none. */
    static int httpsStatus(int p) {
        try {
            Process c = new ProcessBuilder("curl", "-sS", "-k", "-o", "/dev/null", "-w", "%{http_code}",
                    "https://127.0.0.1:" + p + "/login").redirectErrorStream(true).start();
            String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            c.waitFor();
            return out.matches("\\d{3}") ? Integer.parseInt(out) : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The SHA-256 fingerprint of the certificate {@code openssl s_client} is shown on a port, if TLS answers there. */
    static Optional<String> servedCertificate(int p) {
        try {
            Process s = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + p).redirectErrorStream(true).start();
            s.getOutputStream().close();
            String out = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            s.waitFor();
            Matcher m = Pattern.compile("-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", Pattern.DOTALL).matcher(out);
            return m.find() ? Optional.of(sha256(m.group())) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String sha256(String pem) throws Exception {
        byte[] der = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getEncoded();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    /** The key store password as Configuration Admin keeps Felix HTTP's configuration (in the framework cache). */
    private static Optional<String> keyStorePassword() throws IOException {
        Pattern p = Pattern.compile("org\\.apache\\.felix\\.https\\.keystore\\.password=\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".config")).toList()) {
                Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(cmd))).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    static void assertServesTls(int p) {
        assertNotNull(Await.value("a TLS server on port " + p, () -> servedCertificate(p).orElse(null)));
    }
}
