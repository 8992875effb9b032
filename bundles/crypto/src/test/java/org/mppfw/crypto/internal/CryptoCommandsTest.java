package org.mppfw.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.crypto.internal.ece.IkmEncoding;
import org.mppfw.crypto.internal.sign.Ed25519Pem;

class CryptoCommandsTest {

    static final String KEY = "SecretPhrase1234";

    @TempDir
    Path dir;

    final ContentCodec codec = new ContentCodec(IkmEncoding.UTF8, 0);
    final CryptoCommands commands = new CryptoCommands(codec, new Ed25519ManifestSignatures());
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);

    Path encrypted(byte[] profile) throws IOException {
        Path f = dir.resolve("profile.cfg");
        try (OutputStream o = codec.encryptCbc(Files.newOutputStream(f), KEY.toCharArray(), KdfDigest.MD5)) {
            o.write(Samples.gzip(profile));
        }
        return f;
    }

    @Test
    void decryptPrintsTheProfile() throws IOException {
        byte[] profile = Samples.profile(500);
        assertTrue(commands.decrypt(encrypted(profile), KEY.toCharArray(), new char[0], 1 << 20, out, errStream));
        assertArrayEquals(profile, out.toByteArray());
        assertEquals("", err.toString());
    }

    @Test
    void decryptWithIkm() throws IOException {
        byte[] profile = Samples.profile(500);
        Path f = dir.resolve("profile.ece");
        try (OutputStream o = codec.encryptAes128gcm(Files.newOutputStream(f), "ikm-of-16-bytes!".toCharArray(), "", 100)) {
            o.write(profile);
        }
        assertTrue(commands.decrypt(f, new char[0], "ikm-of-16-bytes!".toCharArray(), 1 << 20, out, errStream));
        assertArrayEquals(profile, out.toByteArray());
    }

    @Test
    void theShellCommandFailsWithTheErrorLineSoThatABatchRunStops() throws IOException {
        Path f = encrypted(Samples.profile(500));
        String wrong = "Wrong-Secret-987";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> commands.decrypt(null, wrong, "", 1 << 20, f.toString()));
        assertTrue(e.getMessage().startsWith("crypto:decrypt: AES-256-CBC: wrong key or digest"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        IllegalStateException v = assertThrows(IllegalStateException.class,
                () -> commands.verify(null, dir.resolve("none.pem").toString(), "", f.toString()));
        assertTrue(v.getMessage().startsWith("crypto:verify: no such file"), v.getMessage());
    }

    @Test
    void errorsAreOneLineWithoutTheKey() throws IOException {
        Path f = encrypted(Samples.profile(500));
        String wrong = "Wrong-Secret-987";
        assertFalse(commands.decrypt(f, wrong.toCharArray(), new char[0], 1 << 20, out, errStream));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("crypto:decrypt: AES-256-CBC: wrong key or digest"), e);
        assertFalse(e.contains(wrong) || out.toString().contains(wrong));

        err.reset();
        assertFalse(commands.decrypt(dir.resolve("nope.cfg"), KEY.toCharArray(), new char[0], 1 << 20, out, errStream));
        assertTrue(err.toString().startsWith("crypto:decrypt: no such file"), err.toString());
        err.reset();
        assertFalse(commands.decrypt(f, KEY.toCharArray(), "x".toCharArray(), 1 << 20, out, errStream));
        assertEquals("crypto:decrypt: give --key or --ikm, not both", err.toString().strip());
        assertFalse(err.toString().contains(KEY));
    }

    @Test
    void signAndVerify() throws IOException {
        String[] pems = Ed25519Pem.generate(new SecureRandom());
        Files.writeString(dir.resolve("priv.pem"), pems[0]);
        Files.writeString(dir.resolve("pub.pem"), pems[1]);
        Path manifest = Files.writeString(dir.resolve("manifest.txt"), "firmware: sip8845.12-0-1MPP0001-1\n");
        assertTrue(commands.sign(dir.resolve("priv.pem"), manifest, null, outStream, errStream), err.toString());
        assertTrue(Files.size(dir.resolve("manifest.txt.sig")) == 64);
        assertTrue(commands.verify(dir.resolve("pub.pem"), manifest, null, outStream, errStream), err.toString());
        assertTrue(out.toString().contains("OK: "), out.toString());

        Files.writeString(manifest, "firmware: sip8845.12-0-1MPP0001-2\n");
        assertFalse(commands.verify(dir.resolve("pub.pem"), manifest, null, outStream, errStream));
        assertTrue(err.toString().startsWith("crypto:verify: the manifest signature does not verify"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }
}
