package org.mppfw.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A stream served from a buffer that the subclass refills one chunk at a time: the plaintext of
 * one record, or of one run of cipher blocks. The decrypting streams share it.
 */
public abstract class ChunkedInputStream extends InputStream {

    private byte[] chunk = new byte[0];
    private int pos;
    private int limit;

    /** Serves {@code buf[0..length)} next; the subclass keeps the buffer until the next refill. */
    protected final void serve(byte[] buf, int length) {
        this.chunk = buf;
        this.pos = 0;
        this.limit = length;
    }

    /**
     * Serves the next chunk with {@link #serve} (an empty chunk is allowed).
     *
     * @return false at the end of the stream
     */
    protected abstract boolean refill() throws IOException;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (pos == limit) {
            if (!refill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public final int available() {
        return limit - pos;
    }
}
