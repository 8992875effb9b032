package org.mppfw.crypto.internal.openssl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.api.profile.DecodeException;

/** Reads and writes the {@code openssl enc -aes-256-cbc -k} format. */
public final class OpensslCbc {

    /** The one error of every wrong key, wrong digest and bad padding: no oracle. */
    public static final String WRONG_KEY = "AES-256-CBC: wrong key or digest (tried SHA-256 and MD5)";

    static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);
    static final int SALT_LENGTH = 8;
    static final int BLOCK = 16;
    /** Ciphertext decrypted with every candidate key before one is chosen. */
    static final int WINDOW = 4096;

    private OpensslCbc() {
    }

    /**
     * Opens a decrypting stream, trying the given digests (SHA-256 first, then MD5 when both).
     * The header and the first 4 KiB are read now; the rest as the caller reads.
     */
    public static CbcInputStream decrypt(InputStream raw, byte[] pass, KdfDigest... digests) throws IOException {
        if (digests.length == 0) {
            digests = KdfDigest.values();
        }
        byte[] header = raw.readNBytes(MAGIC.length + SALT_LENGTH);
        if (header.length < MAGIC.length + SALT_LENGTH
                || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new DecodeException("AES-256-CBC: not an 'openssl enc' file (no Salted__ header)");
        }
        byte[] salt = Arrays.copyOfRange(header, MAGIC.length, header.length);
        PushbackInputStream in = new PushbackInputStream(raw, 1);
        byte[] window = in.readNBytes(WINDOW);
        int next = in.read();
        boolean eof = next < 0;
        if (!eof) {
            in.unread(next);
        } else if (window.length % BLOCK != 0 || window.length == 0) {
            throw truncated();
        }
        Candidate chosen = null;
        Candidate fallback = null;
        int plausible = 0;
        for (KdfDigest digest : digests) {
            Candidate c = new Candidate(digest, cipher(digest, pass, salt));
            boolean ok = c.feed(window, eof);
            if (!ok) {
                continue;
            }
            if (fallback == null) {
                fallback = c;
            }
            if (looksLikeProfile(c.plain, c.plain.length) || (eof && c.plain.length == 0)) {
                plausible++;
                if (chosen == null) {
                    chosen = c;
                }
            }
        }
        if (chosen == null) {
            // a file that ended inside the window is decided by its padding alone
            if (eof && fallback != null) {
                chosen = fallback;
            } else {
                throw new DecodeException(WRONG_KEY);
            }
        }
        return new CbcInputStream(in, chosen.cipher, chosen.plain, eof, chosen.digest, plausible > 1,
                window.length);
    }

    /** Opens an encrypting stream with a random salt; closing it writes the padding and closes {@code sink}. */
    public static OutputStream encrypt(OutputStream sink, byte[] pass, KdfDigest digest, SecureRandom random)
            throws IOException {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return encrypt(sink, pass, digest, salt);
    }

    /** Same with a given salt (tests). */
    public static OutputStream encrypt(OutputStream sink, byte[] pass, KdfDigest digest, byte[] salt)
            throws IOException {
        Cipher cipher = cipher(Cipher.ENCRYPT_MODE, digest, pass, salt);
        sink.write(MAGIC);
        sink.write(salt);
        return new CbcOutputStream(sink, cipher);
    }

    static Cipher cipher(KdfDigest digest, byte[] pass, byte[] salt) {
        return cipher(Cipher.DECRYPT_MODE, digest, pass, salt);
    }

    private static Cipher cipher(int mode, KdfDigest digest, byte[] pass, byte[] salt) {
        byte[] keyIv = EvpBytesToKey.derive(digest, pass, salt);
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(mode, new SecretKeySpec(keyIv, 0, 32, "AES"), new IvParameterSpec(keyIv, 32, 16));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC is missing from the JDK", e);
        } finally {
            Arrays.fill(keyIv, (byte) 0);
        }
    }

    static DecodeException truncated() {
        return new DecodeException("AES-256-CBC: ciphertext is not a whole number of 16-byte blocks (truncated file?)");
    }

    /**
     * Whether decrypted bytes start like a profile: the gzip magic with deflate, or XML (optional
     * UTF-8 BOM and white space, then {@code <} and a name, {@code ?} or {@code !}) without control
     * characters in what was decrypted so far.
     */
    static boolean looksLikeProfile(byte[] b, int len) {
        if (len >= 3 && b[0] == 0x1f && b[1] == (byte) 0x8b && b[2] == 8) {
            return true;
        }
        int i = 0;
        if (len >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            i = 3;
        }
        while (i < len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i >= len || b[i] != '<') {
            return false;
        }
        if (i + 1 < len) {
            byte c = b[i + 1];
            boolean nameStart = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '?' || c == '!';
            if (!nameStart) {
                return false;
            }
        }
        for (int j = i; j < len; j++) {
            int c = b[j] & 0xff;
            if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** One key candidate and what it decrypted from the window. */
    private static final class Candidate {
        final KdfDigest digest;
        final Cipher cipher;
        byte[] plain = new byte[0];

        Candidate(KdfDigest digest, Cipher cipher) {
            this.digest = digest;
            this.cipher = cipher;
        }

        boolean feed(byte[] window, boolean eof) {
            try {
                plain = eof ? cipher.doFinal(window) : cipher.update(window);
                if (plain == null) {
                    plain = new byte[0];
                }
                return true;
            } catch (BadPaddingException | IllegalBlockSizeException e) {
                return false;
            }
        }
    }
}
