package org.mppfw.lab.encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.mppfw.api.crypto.KdfDigest;

/**
 * What {@code openssl enc -aes-256-cbc -k PASS [-md sha256|md5]} writes: {@code Salted__}, the
 * 8-byte salt, then AES-256-CBC with PKCS#7 padding under the key and IV of
 * {@code EVP_BytesToKey} (one iteration).
 */
public final class OpensslEnc {

    static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);
    static final int SALT_LENGTH = 8;
    private static final int KEY_LENGTH = 32;
    private static final int IV_LENGTH = 16;

    private OpensslEnc() {
    }

    /** Encrypts with a random salt. */
    public static byte[] encrypt(byte[] plain, byte[] pass, KdfDigest digest, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return encrypt(plain, pass, digest, salt);
    }

    /** Encrypts with the given 8-byte salt, as {@code openssl enc -S HEX} does. */
    public static byte[] encrypt(byte[] plain, byte[] pass, KdfDigest digest, byte[] salt) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("the salt is 8 bytes");
        }
        byte[] keyIv = evpBytesToKey(digest, pass, salt);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyIv, 0, KEY_LENGTH, "AES"),
                    new IvParameterSpec(keyIv, KEY_LENGTH, IV_LENGTH));
            ByteArrayOutputStream out = new ByteArrayOutputStream(MAGIC.length + SALT_LENGTH + plain.length + 16);
            out.writeBytes(MAGIC);
            out.writeBytes(salt);
            out.writeBytes(cipher.doFinal(plain));
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC is missing from the JDK", e);
        } finally {
            Arrays.fill(keyIv, (byte) 0);
        }
    }

    /** {@code D_1 = H(pass || salt)}, {@code D_i = H(D_(i-1) || pass || salt)}, concatenated: key then IV. */
    static byte[] evpBytesToKey(KdfDigest digest, byte[] pass, byte[] salt) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(digest.jcaName());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digest.jcaName() + " is missing from the JDK", e);
        }
        byte[] out = new byte[KEY_LENGTH + IV_LENGTH];
        byte[] d = new byte[0];
        for (int filled = 0; filled < out.length; filled += d.length) {
            md.update(d);
            md.update(pass);
            md.update(salt);
            d = md.digest();
            System.arraycopy(d, 0, out, filled, Math.min(d.length, out.length - filled));
        }
        Arrays.fill(d, (byte) 0);
        return out;
    }
}
