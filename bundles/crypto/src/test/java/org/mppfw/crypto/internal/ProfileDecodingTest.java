package org.mppfw.crypto.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;
import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.crypto.internal.ece.IkmEncoding;

/** The decode order of reference §4.2, through the DS component's public contract. */
class ProfileDecodingTest {

    static final byte[] PROFILE = Samples.profile(3000);
    static final char[] KEY = "SecretPhrase1234".toCharArray();
    static final char[] IKM = "0123456789abcdef".toCharArray();

    final ContentCodec codec = new ContentCodec(IkmEncoding.UTF8, 1 << 20);

    byte[] cbc(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = codec.encryptCbc(bos, KEY, KdfDigest.SHA256)) {
            o.write(data);
        }
        return bos.toByteArray();
    }

    byte[] gcm(byte[] data, ContentCodec c, char[] ikm) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = c.encryptAes128gcm(bos, ikm, "k1", 0)) {
            o.write(data);
        }
        return bos.toByteArray();
    }

    byte[] decode(byte[] raw, String encoding, char[] key, char[] ikm) throws IOException {
        try (InputStream in = codec.decode(new ByteArrayInputStream(raw), new DecodeOptions(encoding, key, ikm, 0))) {
            return in.readAllBytes();
        }
    }

    @Test
    void aes128gcmWithIkmWinsOverKey() throws IOException {
        assertArrayEquals(PROFILE, decode(gcm(PROFILE, codec, IKM), "aes128gcm", KEY, IKM));
        assertArrayEquals(PROFILE, decode(gcm(Samples.gzip(PROFILE), codec, IKM), "AES128GCM", null, IKM));
        assertArrayEquals(PROFILE, decode(gcm(PROFILE, codec, IKM), "gzip, aes128gcm", null, IKM));
    }

    @Test
    void keyWithoutAes128gcmHeaderIsCbc() throws IOException {
        assertArrayEquals(PROFILE, decode(cbc(PROFILE), null, KEY, IKM));
        assertArrayEquals(PROFILE, decode(cbc(Samples.gzip(PROFILE)), "aes128gcm", KEY, null));
    }

    @Test
    void nothingSetIsPlainWithGunzip() throws IOException {
        assertArrayEquals(PROFILE, decode(PROFILE, null, null, null));
        assertArrayEquals(PROFILE, decode(Samples.gzip(PROFILE), null, null, IKM));
    }

    @Test
    void aes128gcmWithoutIkmOrKeyIsAnError() {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(new byte[40], "aes128gcm", null, new char[0]));
        assertTrue(e.getMessage().contains("IKM_HTTP_Encrypt_Content is empty"), e.getMessage());
    }

    @Test
    void ikmEncodingIsConfigurable() throws IOException {
        ContentCodec b64 = new ContentCodec(IkmEncoding.BASE64URL, 0);
        char[] ikm = "yqdlZ-tYemfogSmv7Ws5PQ".toCharArray();
        byte[] body = gcm(PROFILE, b64, ikm);
        try (InputStream in = b64.decode(new ByteArrayInputStream(body), new DecodeOptions("aes128gcm", null, ikm, 0))) {
            assertArrayEquals(PROFILE, in.readAllBytes());
        }
        // the same characters read as UTF-8 are another key
        assertThrows(DecodeException.class, () -> decode(body, "aes128gcm", null, ikm));
    }

    @Test
    void limitComesFromOptionsOrConfiguration() throws IOException {
        byte[] big = Samples.profile((1 << 20) + 1);
        assertThrows(DecodeException.class, () -> decode(Samples.gzip(big), null, null, null));
        try (InputStream in = codec.decode(new ByteArrayInputStream(Samples.gzip(big)),
                new DecodeOptions(null, null, null, 2 << 20))) {
            assertEquals(big.length, in.readAllBytes().length);
        }
    }

    @Test
    void optionsNeverPrintSecrets() {
        String s = new DecodeOptions("aes128gcm", KEY, IKM, 1).toString();
        assertTrue(!s.contains(new String(KEY)) && !s.contains(new String(IKM)), s);
    }
}
