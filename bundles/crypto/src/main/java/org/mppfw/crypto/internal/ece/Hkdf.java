package org.mppfw.crypto.internal.ece;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869), for outputs of at most 32 bytes. */
public final class Hkdf {

    private Hkdf() {
    }

    /** {@code PRK = HMAC-SHA256(salt, ikm)}. */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        Mac mac = mac(salt.length == 0 ? new byte[32] : salt);
        return mac.doFinal(ikm);
    }

    /** {@code T(1) = HMAC-SHA256(prk, info || 0x01)}, truncated to {@code length} (at most 32). */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        if (length > 32) {
            throw new IllegalArgumentException("one HMAC block only");
        }
        Mac mac = mac(prk);
        mac.update(info);
        mac.update((byte) 1);
        byte[] t = mac.doFinal();
        byte[] out = new byte[length];
        System.arraycopy(t, 0, out, 0, length);
        java.util.Arrays.fill(t, (byte) 0);
        return out;
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }
}
