package org.mppfw.crypto.internal.gzip;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.mppfw.api.profile.DecodeException;

/** Fails with a {@link DecodeException} once more than {@code max} bytes came through. */
public final class LimitedInputStream extends FilterInputStream {

    private final long max;
    private final String what;
    private long count;

    public LimitedInputStream(InputStream in, long max, String what) {
        super(in);
        this.max = max;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        // ask for one byte more than allowed so that an overflow is seen, not cut silently
        int n = super.read(b, off, (int) Math.min(len, Math.max(1, max - count + 1)));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(int n) throws DecodeException {
        count += n;
        if (count > max) {
            throw new DecodeException(what + " is larger than the limit of " + max + " bytes");
        }
    }
}
