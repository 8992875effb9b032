package org.mppfw.crypto.internal.ece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.crypto.internal.Samples;

/** RFC 8188 against the RFC's own examples, and every way a body can be broken. */
class Aes128gcmTest {

    static final String WALRUS = "I am the walrus";
    // RFC 8188 §3.1: rs 4096, no key id
    static final String IKM_31 = "yqdlZ-tYemfogSmv7Ws5PQ";
    static final String BODY_31 = "I1BsxtFttlv3u_Oo94xnmwAAEAAA-NAVub2qFgBEuQKRapoZu-IxkIva3MEB1PD-ly8Thjg";
    // RFC 8188 §3.2: rs 25, key id "a1", two records
    static final String IKM_32 = "BO3ZVPxUlnLORbVGMpbT1Q";
    static final String BODY_32 = "uNCkWiNYzKTnBN9ji3-qWAAAABkCYTHOG8chz_gnvgOqdGYovxyjuqRyJFjEDyoF1Fvkj6hQPdPHI51OEUKEpgz3SsLWIqS_uA";

    static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    @Test
    void decryptsRfcSection31() throws IOException {
        try (Aes128gcmInputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(b64(BODY_31)), b64(IKM_31))) {
            assertEquals(WALRUS, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(4096, in.recordSize());
            assertEquals("", in.keyId());
        }
    }

    @Test
    void decryptsRfcSection32() throws IOException {
        try (Aes128gcmInputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(b64(BODY_32)), b64(IKM_32))) {
            assertEquals(WALRUS, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals(25, in.recordSize());
            assertEquals("a1", in.keyId());
        }
    }

    @Test
    void encryptsRfcSection31BitExact() throws IOException {
        byte[] body = b64(BODY_31);
        assertArrayEquals(body, encrypt(WALRUS.getBytes(StandardCharsets.UTF_8), b64(IKM_31),
                Arrays.copyOf(body, 16), 4096, "", 0));
    }

    /** §3.2 pads its first record by one byte, which is what http_ece's padding does with pad=1. */
    @Test
    void encryptsRfcSection32BitExact() throws IOException {
        byte[] body = b64(BODY_32);
        assertArrayEquals(body, encrypt(WALRUS.getBytes(StandardCharsets.UTF_8), b64(IKM_32),
                Arrays.copyOf(body, 16), 25, "a1", 1));
    }

    @ParameterizedTest(name = "rs {0}, {1} bytes, keyid ''{2}'', pad {3}")
    @CsvSource({"18, 0, '', 0", "18, 1, k, 0", "18, 5, '', 0", "19, 2, '', 0", "25, 8, a1, 0", "25, 16, a1, 0",
        "25, 17, a1, 3", "100, 0, '', 200", "4096, 4079, prov-key-1, 0", "4096, 4080, '', 0",
        "4096, 100000, '', 10", "65536, 300000, x, 0"})
    void roundTrips(int rs, int size, String keyId, int pad) throws IOException {
        byte[] data = size >= 32 ? Samples.profile(size) : Arrays.copyOf("0123456789abcdefghijklmnopqrstu".getBytes(), size);
        byte[] ikm = "a passphrase".getBytes(StandardCharsets.UTF_8);
        byte[] body = encrypt(data, ikm, new byte[16], rs, keyId, pad);
        int records = (body.length - 21 - keyId.length() + rs - 1) / rs;
        assertTrue(records >= 1);
        assertTrue(body.length - 21 - keyId.length() - (records - 1) * rs >= 17, "last record holds a tag");
        try (Aes128gcmInputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(body), ikm)) {
            assertArrayEquals(data, in.readAllBytes());
            assertEquals(keyId, in.keyId());
        }
    }

    /** Every single-bit change outside the key id (which RFC 8188 does not authenticate) is caught. */
    @Test
    void everyFlippedBitIsAnError() throws IOException {
        byte[] ikm = "flip".getBytes(StandardCharsets.UTF_8);
        byte[] body = encrypt(Samples.profile(70), ikm, new byte[16], 40, "", 0);
        assertEquals(21 + 40 + 40 + 40 + 18, body.length, "four records");
        for (int i = 0; i < body.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = body.clone();
                bad[i] ^= (byte) (1 << bit);
                final int at = i;
                assertThrows(DecodeException.class, () -> decrypt(bad, ikm), () -> "byte " + at);
            }
        }
    }

    @Test
    void truncationIsNamed() throws IOException {
        byte[] ikm = "cut".getBytes(StandardCharsets.UTF_8);
        byte[] body = encrypt(Samples.profile(70), ikm, new byte[16], 40, "", 0);
        // within the last record: it fails authentication
        for (int cut = 1; cut < 30; cut++) {
            byte[] shorter = Arrays.copyOf(body, body.length - cut);
            assertThrows(DecodeException.class, () -> decrypt(shorter, ikm));
        }
        // at a record boundary: the record marked last is missing
        int records = (body.length - 21) / 40 + ((body.length - 21) % 40 == 0 ? 0 : 1);
        byte[] boundary = Arrays.copyOf(body, 21 + 40 * (records - 1));
        DecodeException e = assertThrows(DecodeException.class, () -> decrypt(boundary, ikm));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        DecodeException header = assertThrows(DecodeException.class, () -> decrypt(Arrays.copyOf(body, 21), ikm));
        assertTrue(header.getMessage().contains("truncated"), header.getMessage());
        assertTrue(assertThrows(DecodeException.class, () -> decrypt(Arrays.copyOf(body, 10), ikm))
                .getMessage().contains("header"));
    }

    @Test
    void dataAfterTheLastRecordIsAnError() throws IOException {
        byte[] ikm = "x".getBytes(StandardCharsets.UTF_8);
        byte[] body = encrypt(Samples.profile(40), ikm, new byte[16], 100, "", 0);
        byte[] longer = Arrays.copyOf(body, body.length + 30);
        DecodeException e = assertThrows(DecodeException.class, () -> decrypt(longer, ikm));
        assertTrue(e.getMessage().contains("fails authentication") || e.getMessage().contains("marked last"),
                e.getMessage());
    }

    @Test
    void wrongKeyAndBadHeaderAreNamed() throws IOException {
        DecodeException e = assertThrows(DecodeException.class, () -> decrypt(b64(BODY_31), b64(IKM_32)));
        assertTrue(e.getMessage().contains("record 1 fails authentication"), e.getMessage());
        byte[] small = b64(BODY_31);
        small[16] = small[17] = small[18] = 0;
        small[19] = 17;
        assertTrue(assertThrows(DecodeException.class, () -> decrypt(small, b64(IKM_31))).getMessage()
                .contains("below 18"));
    }

    @Test
    void hugeRecordSizeDoesNotAllocate() throws IOException {
        byte[] ikm = "big".getBytes(StandardCharsets.UTF_8);
        // one short record under rs = 2^32-1 is valid
        byte[] body = encrypt(Samples.profile(64), ikm, new byte[16], 4096, "", 0);
        body[16] = body[17] = body[18] = body[19] = (byte) 0xff;
        // the rs field is not authenticated: the same last record decrypts
        assertArrayEquals(Samples.profile(64), decrypt(body, ikm));
    }

    @Test
    void ikmEncodings() throws DecodeException {
        assertArrayEquals(b64(IKM_31), IkmEncoding.BASE64URL.toBytes(IKM_31.toCharArray()));
        assertArrayEquals(b64(IKM_31), IkmEncoding.BASE64URL.toBytes((IKM_31 + "==").toCharArray()));
        assertArrayEquals(b64(IKM_31), IkmEncoding.BASE64URL.toBytes(IKM_31.replace('-', '+').replace('_', '/').toCharArray()));
        assertArrayEquals("é-key".getBytes(StandardCharsets.UTF_8), IkmEncoding.UTF8.toBytes("é-key".toCharArray()));
        DecodeException e = assertThrows(DecodeException.class, () -> IkmEncoding.BASE64URL.toBytes("no*secret".toCharArray()));
        assertFalse(e.getMessage().contains("no*secret"));
        assertThrows(DecodeException.class, () -> IkmEncoding.UTF8.toBytes(new char[0]));
    }

    static byte[] encrypt(byte[] data, byte[] ikm, byte[] salt, int rs, String keyId, long pad) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = new Aes128gcmOutputStream(bos, ikm, salt, rs, keyId, pad)) {
            for (int off = 0; off < data.length; off += 1000) {
                o.write(data, off, Math.min(1000, data.length - off));
            }
        }
        return bos.toByteArray();
    }

    static byte[] decrypt(byte[] body, byte[] ikm) throws IOException {
        try (InputStream in = new Aes128gcmInputStream(new ByteArrayInputStream(body), ikm)) {
            return in.readAllBytes();
        }
    }
}
