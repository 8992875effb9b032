package org.mppfw.crypto.internal.gzip;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.mppfw.api.profile.DecodeException;

/** Inflates gzip when the magic is there, and bounds the decoded size either way. */
public final class Gunzip {

    private static final int BUFFER = 64 * 1024;

    private Gunzip() {
    }

    /** The result of {@link #open}: the bounded stream and whether it was gzip. */
    public record Opened(InputStream stream, boolean gzip) {
    }

    /**
     * Looks at the first two bytes; when they are {@code 1f 8b} the stream is inflated.
     *
     * @param maxBytes the largest decoded size accepted
     * @throws DecodeException if the gzip header is invalid
     */
    public static Opened open(InputStream in, long maxBytes) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 2);
        byte[] magic = p.readNBytes(2);
        p.unread(magic);
        if (magic.length == 2 && magic[0] == 0x1f && magic[1] == (byte) 0x8b) {
            GZIPInputStream gz;
            try {
                gz = new GZIPInputStream(p, BUFFER);
            } catch (ZipException | EOFException e) {
                throw new DecodeException("gzip: invalid header (" + e.getMessage() + ")");
            }
            return new Opened(new LimitedInputStream(new Translating(gz), maxBytes, "gzip: the inflated profile"),
                    true);
        }
        return new Opened(new LimitedInputStream(p, maxBytes, "the decoded profile"), false);
    }

    /** Reports a corrupt or cut gzip stream as a {@link DecodeException}. */
    private static final class Translating extends InputStream {
        private final GZIPInputStream in;

        Translating(GZIPInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (ZipException e) {
                throw new DecodeException("gzip: corrupt stream (" + e.getMessage() + ")");
            } catch (EOFException e) {
                throw new DecodeException("gzip: truncated stream");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
