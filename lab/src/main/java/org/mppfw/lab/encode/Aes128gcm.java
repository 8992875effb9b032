package org.mppfw.lab.encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 8188 {@code aes128gcm} content encoding, without padding and with an empty key id: the
 * header (salt, record size, key id length 0), then records of {@code rs - 17} bytes of content,
 * a delimiter (1, or 2 in the last record) and a 16-byte tag; only the last record may be
 * shorter than {@code rs}.
 */
public final class Aes128gcm {

    static final int SALT_LENGTH = 16;
    static final int TAG_LENGTH = 16;
    /** A tag, a delimiter and at least one content byte (RFC 8188 §2). */
    static final int MIN_RECORD_SIZE = TAG_LENGTH + 2;

    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private Aes128gcm() {
    }

    /**
     * Encrypts {@code plain} for the input keying material {@code ikm}.
     *
     * @param salt 16 random bytes
     * @param rs   the record size, at least 18
     */
    public static byte[] encrypt(byte[] plain, byte[] ikm, byte[] salt, int rs) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("the salt is 16 bytes");
        }
        if (rs < MIN_RECORD_SIZE) {
            throw new IllegalArgumentException("the record size is at least " + MIN_RECORD_SIZE);
        }
        // §2.2 and §2.3: PRK = HMAC-SHA-256(salt, IKM); CEK and nonce are the first bytes of T(1)
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, CEK_INFO, new byte[] {1}), 16);
        byte[] nonceBase = Arrays.copyOf(hmac(prk, NONCE_INFO, new byte[] {1}), 12);
        Arrays.fill(prk, (byte) 0);

        int perRecord = rs - TAG_LENGTH - 1;
        int records = Math.max(1, (plain.length + perRecord - 1) / perRecord);
        ByteArrayOutputStream out = new ByteArrayOutputStream(21 + plain.length + records * (TAG_LENGTH + 1));
        out.writeBytes(salt);
        out.writeBytes(new byte[] {(byte) (rs >>> 24), (byte) (rs >>> 16), (byte) (rs >>> 8), (byte) rs, 0});
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            SecretKeySpec key = new SecretKeySpec(cek, "AES");
            for (int seq = 0; seq < records; seq++) {
                int from = seq * perRecord;
                int to = Math.min(plain.length, from + perRecord);
                byte[] record = Arrays.copyOf(Arrays.copyOfRange(plain, from, to), to - from + 1);
                record[to - from] = (byte) (seq == records - 1 ? 2 : 1);
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce(nonceBase, seq)));
                out.writeBytes(cipher.doFinal(record));
                Arrays.fill(record, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is missing from the JDK", e);
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
        return out.toByteArray();
    }

    /** §2.3: the nonce base XOR the record's sequence number, as a 12-byte big-endian integer. */
    private static byte[] nonce(byte[] base, long seq) {
        byte[] nonce = base.clone();
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (seq >>> (8 * i));
        }
        return nonce;
    }

    private static byte[] hmac(byte[] key, byte[]... data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] d : data) {
                mac.update(d);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }
}
