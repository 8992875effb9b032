package org.mppfw.crypto.internal.ece;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

import org.mppfw.api.profile.DecodeException;
import org.mppfw.crypto.internal.ChunkedInputStream;

/**
 * Decrypts an RFC 8188 {@code aes128gcm} body record by record. Each record is authenticated
 * before any of its bytes are returned; the end of the body must come right after the record
 * marked last.
 */
public final class Aes128gcmInputStream extends ChunkedInputStream {

    /** Records above this size are refused (memory bound); RFC 8188 senders use 4 KiB or so. */
    public static final int MAX_RECORD = 16 * 1024 * 1024;

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final EceKeys keys;
    private final int rs;
    private final String keyId;
    private byte[] record;
    private byte[] plain;
    private long seq;
    private boolean lastSeen;
    private int lookahead = -2;

    /**
     * Reads the header now.
     *
     * @param ikm the input keying material; not kept
     * @throws DecodeException if the header is short or invalid
     */
    public Aes128gcmInputStream(InputStream in, byte[] ikm) throws IOException {
        // records are small (4 KiB by default) and the end of the body is found by reading one
        // byte ahead: unbuffered, that is two read calls per record on a file or socket stream
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, BUFFER);
        byte[] header = this.in.readNBytes(EceKeys.HEADER_LENGTH);
        if (header.length < EceKeys.HEADER_LENGTH) {
            throw new DecodeException("aes128gcm: header truncated (" + header.length + " bytes)");
        }
        long rsValue = ((header[16] & 0xffL) << 24) | ((header[17] & 0xff) << 16) | ((header[18] & 0xff) << 8)
                | (header[19] & 0xff);
        if (rsValue < EceKeys.MIN_RS) {
            throw new DecodeException("aes128gcm: record size " + rsValue + " is below 18");
        }
        int idLength = header[20] & 0xff;
        byte[] id = this.in.readNBytes(idLength);
        if (id.length < idLength) {
            throw new DecodeException("aes128gcm: header truncated in the key id");
        }
        this.rs = (int) Math.min(rsValue, Integer.MAX_VALUE);
        this.keyId = new String(id, StandardCharsets.UTF_8);
        this.keys = new EceKeys(ikm, Arrays.copyOf(header, EceKeys.SALT_LENGTH));
        this.record = new byte[Math.min(rs, 64 * 1024)];
        this.plain = new byte[0];
    }

    /** The record size from the header. */
    public int recordSize() {
        return rs;
    }

    /** The key id from the header (may be empty). */
    public String keyId() {
        return keyId;
    }

    @Override
    protected boolean refill() throws IOException {
        if (lastSeen) {
            return false;
        }
        nextRecord();
        return true;
    }

    private void nextRecord() throws IOException {
        int n = readRecord();
        long number = seq + 1;
        if (n == 0) {
            throw new DecodeException(seq == 0 ? "aes128gcm: no record after the header (truncated)"
                    : "aes128gcm: truncated, the record marked last is missing after record " + seq);
        }
        boolean endOfBody = n < rs || peekEnd();
        if (n < EceKeys.TAG_LENGTH + 1) {
            throw new DecodeException("aes128gcm: record " + number + " is " + n + " bytes, too short (truncated?)");
        }
        Cipher cipher = keys.cipher(Cipher.DECRYPT_MODE, seq);
        if (plain.length < n) {
            plain = new byte[n];
        }
        int plainLength;
        try {
            plainLength = cipher.doFinal(record, 0, n, plain, 0);
        } catch (AEADBadTagException e) {
            throw new DecodeException("aes128gcm: record " + number
                    + " fails authentication (wrong IKM, tampered or truncated)");
        } catch (java.security.GeneralSecurityException e) {
            throw new DecodeException("aes128gcm: record " + number + " cannot be decrypted", e);
        }
        int d = plainLength - 1;
        while (d >= 0 && plain[d] == 0) {
            d--;
        }
        if (d < 0) {
            throw new DecodeException("aes128gcm: record " + number + " has no delimiter");
        }
        if (plain[d] == 2) {
            if (!endOfBody) {
                throw new DecodeException("aes128gcm: record " + number + " is marked last but more data follows");
            }
            lastSeen = true;
        } else if (plain[d] == 1) {
            if (endOfBody) {
                throw new DecodeException("aes128gcm: truncated, record " + number + " is not marked last");
            }
        } else {
            throw new DecodeException("aes128gcm: record " + number + " has an invalid delimiter");
        }
        seq++;
        serve(plain, d);
    }

    /** Reads up to {@code rs} bytes; fewer only at the end of the body. */
    private int readRecord() throws IOException {
        int n = 0;
        if (lookahead >= 0) {
            record[n++] = (byte) lookahead;
            lookahead = -2;
        }
        while (n < rs) {
            if (n == record.length) {
                if (n >= MAX_RECORD) {
                    throw new DecodeException("aes128gcm: record " + (seq + 1) + " is larger than "
                            + MAX_RECORD + " bytes");
                }
                record = Arrays.copyOf(record, (int) Math.min(rs, Math.min((long) n * 2, MAX_RECORD)));
            }
            int r = in.read(record, n, Math.min(rs, record.length) - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        return n;
    }

    private boolean peekEnd() throws IOException {
        int next = in.read();
        if (next < 0) {
            return true;
        }
        lookahead = next;
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
