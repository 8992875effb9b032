package org.mppfw.crypto.internal.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.crypto.ManifestSignatures;
import org.mppfw.crypto.internal.Ed25519ManifestSignatures;
import org.mppfw.testing.Commands;

/** Manifest signatures, cross-checked with {@code openssl pkeyutl} both ways. */
class Ed25519Test {

    static final byte[] MANIFEST = ("firmware: sip8845.12-0-1MPP0001-1\nmodel: 8845\nmin: 11-3-1MPP0001-1\n"
            + "bundle org.mppfw.crypto 12.0.1 sha256=00ff\n").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    final ManifestSignatures signatures = new Ed25519ManifestSignatures();

    @Test
    void opensslKeysAndSignaturesInteroperate() throws Exception {
        Commands.ok(dir, Map.of(), "openssl", "genpkey", "-algorithm", "ed25519", "-out", "priv.pem");
        Commands.ok(dir, Map.of(), "openssl", "pkey", "-in", "priv.pem", "-pubout", "-out", "pub.pem");
        Files.write(dir.resolve("manifest"), MANIFEST);
        byte[] pub = Files.readAllBytes(dir.resolve("pub.pem"));

        // ours, verified by openssl
        Files.write(dir.resolve("ours.sig"), signatures.sign(MANIFEST, dir.resolve("priv.pem")));
        Commands.Result v = Commands.ok(dir, Map.of(), "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem",
                "-rawin", "-in", "manifest", "-sigfile", "ours.sig");
        assertTrue(v.out().contains("Signature Verified Successfully"), v.out());

        // openssl's, verified by us; Ed25519 is deterministic so both are the same bytes
        Commands.ok(dir, Map.of(), "openssl", "pkeyutl", "-sign", "-inkey", "priv.pem", "-rawin", "-in", "manifest",
                "-out", "theirs.sig");
        byte[] theirs = Files.readAllBytes(dir.resolve("theirs.sig"));
        signatures.verify(MANIFEST, theirs, pub);
        assertArrayEquals(theirs, Files.readAllBytes(dir.resolve("ours.sig")));
        assertEquals(16, signatures.fingerprint(pub).length());
    }

    @Test
    void generatedKeysAreReadByOpenssl() throws Exception {
        String[] pems = Ed25519Pem.generate(new SecureRandom());
        Files.writeString(dir.resolve("priv.pem"), pems[0]);
        Commands.Result r = Commands.ok(dir, Map.of(), "openssl", "pkey", "-in", "priv.pem", "-pubout");
        assertEquals(pems[1].strip(), r.out().strip());
        assertEquals(pems[1], Ed25519Pem.publicPem(Ed25519Pem.readPrivate(pems[0].getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void anyChangeFailsVerification() throws Exception {
        String[] pems = Ed25519Pem.generate(new SecureRandom());
        Files.writeString(dir.resolve("priv.pem"), pems[0]);
        byte[] pub = pems[1].getBytes(StandardCharsets.US_ASCII);
        byte[] sig = signatures.sign(MANIFEST, dir.resolve("priv.pem"));
        signatures.verify(MANIFEST, sig, pub);
        for (int i = 0; i < MANIFEST.length; i += 7) {
            byte[] m = MANIFEST.clone();
            m[i] ^= 1;
            assertThrows(SignatureException.class, () -> signatures.verify(m, sig, pub));
        }
        for (int i = 0; i < sig.length; i++) {
            byte[] s = sig.clone();
            s[i] ^= (byte) 0x80;
            assertThrows(SignatureException.class, () -> signatures.verify(MANIFEST, s, pub));
        }
        assertThrows(SignatureException.class, () -> signatures.verify(MANIFEST, java.util.Arrays.copyOf(sig, 63), pub));
        byte[] other = Ed25519Pem.generate(new SecureRandom())[1].getBytes(StandardCharsets.US_ASCII);
        SignatureException e = assertThrows(SignatureException.class, () -> signatures.verify(MANIFEST, sig, other));
        assertTrue(e.getMessage().contains(signatures.fingerprint(other)), e.getMessage());
    }

    @Test
    void foreignKeysAreRefused() throws Exception {
        Commands.ok(dir, Map.of(), "openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-out", "ec.pem");
        Commands.ok(dir, Map.of(), "openssl", "pkey", "-in", "ec.pem", "-pubout", "-out", "ecpub.pem");
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> signatures.sign(MANIFEST, dir.resolve("ec.pem")));
        assertTrue(e.getMessage().contains("Ed25519") || e.getMessage().contains("PKCS#8"), e.getMessage());
        assertThrows(InvalidKeyException.class,
                () -> signatures.verify(MANIFEST, new byte[64], Files.readAllBytes(dir.resolve("ecpub.pem"))));
        assertThrows(InvalidKeyException.class, () -> signatures.verify(MANIFEST, new byte[64], "junk".getBytes()));
        Files.writeString(dir.resolve("pubonly.pem"), Ed25519Pem.generate(new SecureRandom())[1]);
        assertThrows(InvalidKeyException.class, () -> signatures.sign(MANIFEST, dir.resolve("pubonly.pem")));
        Commands.ok(dir, Map.of(), "openssl", "genpkey", "-algorithm", "ed25519", "-aes-128-cbc", "-pass", "pass:x",
                "-out", "enc.pem");
        GeneralSecurityException enc = assertThrows(InvalidKeyException.class,
                () -> signatures.sign(MANIFEST, dir.resolve("enc.pem")));
        assertTrue(enc.getMessage().contains("encrypted"), enc.getMessage());
    }

    @Test
    void missingKeyFileIsAnIoError() {
        assertThrows(IOException.class, () -> signatures.sign(MANIFEST, dir.resolve("absent.pem")));
    }
}
