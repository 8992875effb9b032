package org.mppfw.crypto.internal.openssl;

import java.io.IOException;
import java.io.InputStream;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.ShortBufferException;

import org.mppfw.api.crypto.KdfDigest;
import org.mppfw.api.profile.DecodeException;
import org.mppfw.crypto.internal.ChunkedInputStream;

/** Decrypts as it is read; the padding is checked when the ciphertext ends. */
public final class CbcInputStream extends ChunkedInputStream {

    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final Cipher cipher;
    private final KdfDigest digest;
    private final boolean ambiguous;
    private final byte[] inBuf = new byte[CHUNK];
    private byte[] out;
    private boolean finished;
    private long cipherBytes;

    CbcInputStream(InputStream in, Cipher cipher, byte[] first, boolean finished, KdfDigest digest,
            boolean ambiguous, long cipherBytes) {
        this.in = in;
        this.cipher = cipher;
        this.digest = digest;
        this.ambiguous = ambiguous;
        this.out = first.length > CHUNK + 16 ? first : java.util.Arrays.copyOf(first, CHUNK + 16);
        serve(out, first.length);
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
    protected boolean refill() throws IOException {
        if (finished) {
            return false;
        }
        fill();
        return true;
    }

    private void fill() throws IOException {
        if (out.length < CHUNK + 16) {
            out = new byte[CHUNK + 16];
        }
        serve(out, 0);
        int n = in.read(inBuf);
        try {
            if (n < 0) {
                finished = true;
                if (cipherBytes % 16 != 0) {
                    throw OpensslCbc.truncated();
                }
                serve(out, cipher.doFinal(out, 0));
            } else {
                cipherBytes += n;
                serve(out, cipher.update(inBuf, 0, n, out, 0));
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
