package org.mppfw.crypto.internal.ece;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;

import javax.crypto.Cipher;

/**
 * Encrypts into RFC 8188 {@code aes128gcm}: full records of {@code rs} bytes, the last one
 * written on {@link #close()}. Optional padding is spread over the records the way the
 * {@code http_ece} reference implementation does it, so equal inputs give equal bytes.
 */
public final class Aes128gcmOutputStream extends OutputStream {

    private final OutputStream sink;
    private final EceKeys keys;
    private final int rs;
    private final byte[] data;
    private final byte[] out;
    private int filled;
    private int recordPad;
    private long padLeft;
    private long seq;
    private boolean closed;

    /**
     * Writes the header now.
     *
     * @param salt  16 random bytes
     * @param keyId at most 255 bytes of UTF-8
     * @param pad   zero bytes of padding to add in all (0 for none)
     */
    public Aes128gcmOutputStream(OutputStream sink, byte[] ikm, byte[] salt, int rs, String keyId, long pad)
            throws IOException {
        if (salt.length != EceKeys.SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be 16 bytes");
        }
        if (rs < EceKeys.MIN_RS || rs > Aes128gcmInputStream.MAX_RECORD) {
            throw new IllegalArgumentException("record size must be between 18 and " + Aes128gcmInputStream.MAX_RECORD);
        }
        byte[] id = keyId == null ? new byte[0] : keyId.getBytes(StandardCharsets.UTF_8);
        if (id.length > 255) {
            throw new IllegalArgumentException("key id is longer than 255 bytes");
        }
        if (pad > 0 && rs == EceKeys.MIN_RS) {
            throw new IllegalArgumentException("padding needs a record size above 18");
        }
        this.sink = sink;
        this.rs = rs;
        this.keys = new EceKeys(ikm, salt);
        this.data = new byte[rs - EceKeys.TAG_LENGTH];
        this.out = new byte[rs];
        this.padLeft = Math.max(0, pad);
        byte[] header = new byte[EceKeys.HEADER_LENGTH + id.length];
        System.arraycopy(salt, 0, header, 0, 16);
        header[16] = (byte) (rs >>> 24);
        header[17] = (byte) (rs >>> 16);
        header[18] = (byte) (rs >>> 8);
        header[19] = (byte) rs;
        header[20] = (byte) id.length;
        System.arraycopy(id, 0, header, 21, id.length);
        sink.write(header);
        startRecord();
    }

    private void startRecord() {
        // as http_ece: pad so that at least one data byte fits in a record
        recordPad = (int) Math.min(rs - EceKeys.TAG_LENGTH - 2, padLeft);
        padLeft -= recordPad;
        filled = 0;
    }

    private int capacity() {
        return rs - EceKeys.TAG_LENGTH - 1 - recordPad;
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
        while (len > 0) {
            if (filled == capacity()) {
                // more data follows, so this record is not the last
                emit(false);
                startRecord();
            }
            int n = Math.min(len, capacity() - filled);
            System.arraycopy(b, off, data, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void emit(boolean last) throws IOException {
        int zeros = recordPad;
        if (!last && filled < capacity()) {
            // a record that is not the last must fill rs: pad it up (counts against the padding owed)
            zeros += capacity() - filled;
            padLeft = Math.max(0, padLeft - (capacity() - filled));
        }
        data[filled] = (byte) (last ? 2 : 1);
        java.util.Arrays.fill(data, filled + 1, filled + 1 + zeros, (byte) 0);
        Cipher cipher = keys.cipher(Cipher.ENCRYPT_MODE, seq++);
        try {
            int n = cipher.doFinal(data, 0, filled + 1 + zeros, out, 0);
            sink.write(out, 0, n);
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
            // padding still owed goes into padding-only records before the last one
            while (padLeft > 0) {
                emit(false);
                startRecord();
            }
            emit(true);
        }
    }
}
