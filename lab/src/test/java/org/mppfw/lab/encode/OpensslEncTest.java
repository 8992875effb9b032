package org.mppfw.lab.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.testing.Commands;

/** The lab's {@code openssl enc} files against the real {@code openssl} and the phone's decoder. */
class OpensslEncTest {

    static final String PASS = "lab profile key 1";
    static final String SALT = "0102a0b0c0d0e0ff";

    @TempDir
    Path dir;

    static byte[] pass() {
        return PASS.getBytes(StandardCharsets.UTF_8);
    }

    static String md(KdfDigest digest) {
        return digest.name().toLowerCase(Locale.ROOT);
    }

    static String field(String out, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*([0-9A-Fa-f]+)\\s*$").matcher(out);
        assertTrue(m.find(), name + " in " + out);
        return m.group(1).toUpperCase(Locale.ROOT);
    }

    @ParameterizedTest
    @EnumSource(KdfDigest.class)
    void keyAndIvAreThoseOfOpensslEncP(KdfDigest digest) {
        String out = Commands.ok(dir, "openssl", "enc", "-aes-256-cbc", "-k", PASS, "-S", SALT, "-md", md(digest), "-P")
                .out();
        byte[] keyIv = OpensslEnc.evpBytesToKey(digest, pass(), HexFormat.of().parseHex(SALT));
        HexFormat hex = HexFormat.of().withUpperCase();
        assertEquals(SALT.toUpperCase(Locale.ROOT), field(out, "salt"));
        assertEquals(field(out, "key"), hex.formatHex(keyIv, 0, 32));
        assertEquals(field(out, "iv"), hex.formatHex(keyIv, 32, 48));
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @CsvSource({"SHA256, 0", "SHA256, 1", "SHA256, 15", "SHA256, 16", "SHA256, 17", "SHA256, 4096",
        "SHA256, 100003", "MD5, 0", "MD5, 16", "MD5, 5000"})
    void theSameBytesAsOpensslEncWithTheSameSalt(KdfDigest digest, int size) throws IOException {
        byte[] plain = new byte[size];
        new Random(size).nextBytes(plain);
        Files.write(dir.resolve("plain"), plain);
        Commands.ok(dir, "openssl", "enc", "-aes-256-cbc", "-k", PASS, "-S", SALT, "-md", md(digest), "-in", "plain",
                "-out", "enc");
        byte[] salt = HexFormat.of().parseHex(SALT);
        byte[] ours = OpensslEnc.encrypt(plain, pass(), digest, salt);
        byte[] theirs = Files.readAllBytes(dir.resolve("enc"));
        if (!startsWithMagic(theirs)) {
            // OpenSSL 3 leaves the header out when the salt is given with -S
            theirs = concat(OpensslEnc.MAGIC, salt, theirs);
        }
        assertArrayEquals(theirs, ours);
    }

    static boolean startsWithMagic(byte[] b) {
        return b.length >= 8 && Arrays.equals(b, 0, 8, OpensslEnc.MAGIC, 0, 8);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(KdfDigest.class)
    void opensslDecryptsWhatIsMadeWithARandomSalt(KdfDigest digest) throws IOException {
        byte[] plain = Phone.profile(3000);
        SecureRandom random = new SecureRandom();
        byte[] enc = OpensslEnc.encrypt(plain, pass(), digest, random);
        byte[] again = OpensslEnc.encrypt(plain, pass(), digest, random);
        assertTrue(startsWithMagic(enc));
        assertFalse(Arrays.equals(Arrays.copyOfRange(enc, 8, 16), Arrays.copyOfRange(again, 8, 16)), "a new salt");
        Files.write(dir.resolve("enc"), enc);
        Commands.ok(dir, "openssl", "enc", "-d", "-aes-256-cbc", "-k", PASS, "-md", md(digest), "-in", "enc", "-out",
                "dec");
        assertArrayEquals(plain, Files.readAllBytes(dir.resolve("dec")));
    }

    @ParameterizedTest(name = "{0}, {1} bytes, gzip {2}")
    @CsvSource({"SHA256, 100, false", "SHA256, 4000, false", "SHA256, 20000, false", "SHA256, 20000, true",
        "MD5, 100, false", "MD5, 20000, false", "MD5, 20000, true"})
    void thePhoneDecodesIt(KdfDigest digest, int size, boolean gzip) throws IOException {
        byte[] plain = Phone.profile(size);
        byte[] enc = OpensslEnc.encrypt(gzip ? Gzip.gzip(plain) : plain, pass(), digest, new SecureRandom());
        StringBuilder how = new StringBuilder();
        assertArrayEquals(plain, Phone.decode(enc, null, PASS, null, how));
        String kdf = digest == KdfDigest.SHA256 ? "SHA-256" : "MD5";
        assertTrue(how.toString().startsWith("AES-256-CBC (EVP_BytesToKey " + kdf), how.toString());
        assertEquals(gzip, how.toString().endsWith(" + gzip"), how.toString());
    }

    @Test
    void theSaltIsEightBytes() {
        assertThrows(IllegalArgumentException.class, () -> OpensslEnc.encrypt(new byte[1], pass(), KdfDigest.SHA256,
                new byte[7]));
    }
}
