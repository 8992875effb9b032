package org.mppfw.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.device.ServerKeyStore;

/** The key store of the phone's TLS servers: the device certificate made with openssl, else a self-signed one kept. */
class ServerKeysTest {

    @TempDir
    Path data;

    @Test
    void theDeviceCertificateIsServedUnderARandomPasswordOwnerOnly() throws Exception {
        Path p12 = data.resolve("identity/device.p12");
        Files.createDirectories(p12.getParent());
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=000e08123457", "-days", "30",
                "-keyout", data.resolve("device.key").toString(), "-out", data.resolve("device.crt").toString());
        openssl("pkcs12", "-export", "-in", data.resolve("device.crt").toString(), "-inkey",
                data.resolve("device.key").toString(), "-passout", "pass:dev-pw", "-out", p12.toString());
        String expected = openssl("x509", "-in", data.resolve("device.crt").toString(), "-noout", "-fingerprint", "-sha256")
                .replaceAll("(?s).*=", "").replace(":", "").strip().toLowerCase(Locale.ROOT);

        ServerKeyStore s = new ServerKeys(data).get(p12, "dev-pw".toCharArray(), "000e08123457");
        assertTrue(s.deviceCertificate());
        assertEquals(expected, s.sha256());
        assertEquals(data.resolve(ServerKeys.SERVED), s.file());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())));
        assertTrue(s.password().length >= 32);
        assertFalse(s.toString().contains(new String(s.password())));
        KeyStore ks = load(s);
        assertTrue(ks.getKey("server", s.password()) instanceof PrivateKey);
        assertFalse(Files.exists(data.resolve(ServerKeys.SELF_SIGNED)), "no self-signed key with a device certificate");
    }

    @Test
    void withoutADeviceCertificateASelfSignedOneIsMadeOnceAndKeptAcrossRestarts() throws Exception {
        Path none = data.resolve("identity/device.p12");
        ServerKeyStore first = new ServerKeys(data).get(none, new char[0], "000e08123457");
        assertFalse(first.deviceCertificate());
        assertFalse(Files.exists(none), "$CCERT stays Not Installed");
        Path kept = data.resolve(ServerKeys.SELF_SIGNED);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        X509Certificate c = (X509Certificate) load(first).getCertificate("server");
        c.verify(c.getPublicKey());
        assertEquals("CN=000e08123457", c.getSubjectX500Principal().getName());
        Path pem = data.resolve("self.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        String text = openssl("x509", "-in", pem.toString(), "-noout", "-subject", "-fingerprint", "-sha256");
        assertTrue(text.contains("CN = 000e08123457"), "openssl reads it: " + text);
        assertTrue(text.replace(":", "").toLowerCase(Locale.ROOT).contains(first.sha256()), text);

        ServerKeyStore again = new ServerKeys(data).get(none, new char[0], "000e08123457");
        assertEquals(first.sha256(), again.sha256(), "a restart presents the same certificate");
        assertNotEquals(new String(first.password()), new String(again.password()), "a new password for each run");
        assertArrayEquals(again.password(), again.password());
    }

    private static KeyStore load(ServerKeyStore s) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(s.file())) {
            ks.load(in, s.password());
        }
        return ks;
    }

    private static String openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
