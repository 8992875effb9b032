package org.mppfw.crypto.internal.openssl;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Objects;

import javax.crypto.Cipher;

/** Encrypts as it is written; {@link #close()} writes the padded last block. */
final class CbcOutputStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final OutputStream sink;
    private final Cipher cipher;
    private final byte[] buf = new byte[CHUNK + 32];
    private boolean closed;

    CbcOutputStream(OutputStream sink, Cipher cipher) {
        this.sink = sink;
        this.cipher = cipher;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        try {
            while (len > 0) {
                int n = Math.min(len, CHUNK);
                int produced = cipher.update(b, off, n, buf, 0);
                sink.write(buf, 0, produced);
                off += n;
                len -= n;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void flush() throws IOException {
        sink.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (sink) {
            sink.write(cipher.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
