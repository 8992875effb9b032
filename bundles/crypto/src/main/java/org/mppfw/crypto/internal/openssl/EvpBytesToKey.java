package org.mppfw.crypto.internal.openssl;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.mppfw.api.crypto.KdfDigest;

/** OpenSSL's {@code EVP_BytesToKey} with one iteration, for a 32-byte key and a 16-byte IV. */
public final class EvpBytesToKey {

    /** Key then IV. */
    public static final int LENGTH = 48;

    private EvpBytesToKey() {
    }

    /** {@code D_i = H(D_(i-1) || pass || salt)}, concatenated up to 48 bytes. */
    public static byte[] derive(KdfDigest digest, byte[] pass, byte[] salt) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(digest.jcaName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digest.jcaName() + " is missing from the JDK", e);
        }
        byte[] out = new byte[LENGTH];
        byte[] prev = new byte[0];
        int filled = 0;
        while (filled < LENGTH) {
            md.update(prev);
            md.update(pass);
            md.update(salt);
            Arrays.fill(prev, (byte) 0);
            prev = md.digest();
            int n = Math.min(prev.length, LENGTH - filled);
            System.arraycopy(prev, 0, out, filled, n);
            filled += n;
        }
        Arrays.fill(prev, (byte) 0);
        return out;
    }
}
