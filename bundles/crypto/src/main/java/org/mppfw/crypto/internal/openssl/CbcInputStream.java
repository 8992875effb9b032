package org.mppfw.crypto.internal.openssl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.api.profile.DecodeException;

/** Decrypts as it is read; the padding is checked when the ciphertext ends. */
public final class CbcInputStream extends InputStream {

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final Cipher cipher;
    private final KdfDigest digest;
    private final boolean ambiguous;
    private final byte[] inBuf = new byte[CHUNK];
    private byte[] out;
    private int pos;
    private int limit;
    private boolean finished;
    private long cipherBytes;

    CbcInputStream(InputStream in, Cipher cipher, byte[] first, boolean finished, KdfDigest digest,
            boolean ambiguous, long cipherBytes) {
        this.in = in;
        this.cipher = cipher;
        this.digest = digest;
        this.ambiguous = ambiguous;
        this.out = first.length > CHUNK + 16 ? first : java.util.Arrays.copyOf(first, CHUNK + 16);
        this.limit = first.length;
        this.finished = finished;
        this.cipherBytes = cipherBytes;
    }

    /** The {@code EVP_BytesToKey} digest that decrypted the file. */
    public KdfDigest digest() {
        return digest;
    }

    /** Whether both digests gave a plausible start (the first in order was taken). */
    public boolean ambiguous() {
        return ambiguous;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (pos == limit) {
            if (finished) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(out, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    private void fill() throws IOException {
        if (out.length < CHUNK + 16) {
            out = new byte[CHUNK + 16];
        }
        pos = 0;
        limit = 0;
        int n = in.read(inBuf);
        try {
            if (n < 0) {
                finished = true;
                if (cipherBytes % 16 != 0) {
                    throw OpensslCbc.truncated();
                }
                limit = cipher.doFinal(out, 0);
            } else {
                cipherBytes += n;
                limit = cipher.update(inBuf, 0, n, out, 0);
            }
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new DecodeException(OpensslCbc.WRONG_KEY);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
