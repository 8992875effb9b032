package org.mppfw.crypto.internal.ece;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The content-encryption key and nonce base of one message (RFC 8188 §2.2, §2.3). */
final class EceKeys {

    static final int SALT_LENGTH = 16;
    static final int TAG_LENGTH = 16;
    static final int HEADER_LENGTH = 21;
    /** Smallest record size: a tag and a delimiter (RFC 8188 §2.1). */
    static final int MIN_RS = TAG_LENGTH + 2;

    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey cek;
    private final byte[] nonceBase;
    private final Cipher cipher;

    EceKeys(byte[] ikm, byte[] salt) {
        byte[] prk = Hkdf.extract(salt, ikm);
        byte[] key = Hkdf.expand(prk, CEK_INFO, 16);
        this.nonceBase = Hkdf.expand(prk, NONCE_INFO, 12);
        this.cek = new SecretKeySpec(key, "AES");
        Arrays.fill(prk, (byte) 0);
        Arrays.fill(key, (byte) 0);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is missing from the JDK", e);
        }
    }

    /** The cipher, initialised for record {@code seq}. */
    Cipher cipher(int mode, long seq) {
        byte[] nonce = nonceBase.clone();
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (seq >>> (8 * i));
        }
        try {
            cipher.init(mode, cek, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
