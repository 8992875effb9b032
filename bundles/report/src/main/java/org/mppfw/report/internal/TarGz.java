package org.mppfw.report.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip-compressed POSIX ustar archive of regular files (what {@code tar -xzf} opens): a 512-byte
 * header per file, its bytes padded to 512, two zero blocks at the end. Names longer than 100 bytes
 * use the ustar prefix field (up to 255 bytes in all).
 */
final class TarGz implements Closeable {

    private static final int BLOCK = 512;

    private final GZIPOutputStream out;

    TarGz(OutputStream sink) throws IOException {
        this.out = new GZIPOutputStream(sink, 64 * 1024);
    }

    void add(String name, byte[] data, Instant mtime) throws IOException {
        byte[] h = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length <= 100) {
            System.arraycopy(n, 0, h, 0, n.length);
        } else {
            int cut = name.lastIndexOf('/', Math.min(name.length() - 1, 155));
            byte[] prefix = name.substring(0, Math.max(cut, 0)).getBytes(StandardCharsets.UTF_8);
            byte[] rest = name.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
            if (cut <= 0 || prefix.length > 155 || rest.length > 100) {
                throw new IOException("name too long for the archive: " + name);
            }
            System.arraycopy(rest, 0, h, 0, rest.length);
            System.arraycopy(prefix, 0, h, 345, prefix.length);
        }
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, data.length);
        octal(h, 136, 12, Math.max(0, mtime.getEpochSecond()));
        h[156] = '0';
        ascii(h, 257, "ustar\0");
        ascii(h, 263, "00");
        ascii(h, 265, "root");
        ascii(h, 297, "root");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        out.write(h);
        out.write(data);
        int pad = (BLOCK - data.length % BLOCK) % BLOCK;
        out.write(new byte[pad]);
    }

    @Override
    public void close() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.close();
    }

    /** {@code value} in octal, zero-padded, NUL-terminated, in {@code len} bytes. */
    private static void octal(byte[] h, int off, int len, long value) {
        String s = Long.toOctalString(value);
        s = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
        ascii(h, off, s);
        h[off + len - 1] = 0;
    }

    private static void ascii(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
