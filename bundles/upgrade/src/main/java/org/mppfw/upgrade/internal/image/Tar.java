package org.mppfw.upgrade.internal.image;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.mppfw.upgrade.internal.image.LoadsException.Reason;

/**
 * The POSIX ustar subset a {@code .loads} file uses: regular files with names of at most 100
 * bytes, then the end-of-archive marker (two zero blocks), which {@code tar} may pad with zeros to its
 * record size. Readable by {@code tar tf}; an archive written by {@code tar --format=ustar} is
 * read too (its {@code bundles/} directory entry is skipped by the verifier).
 */
final class Tar {

    static final int BLOCK = 512;
    private static final long MAX_SIZE = 077777777777L; // 11 octal digits
    /** Zero padding accepted after the end marker: tar(1)'s largest usual record, 64 KiB. */
    static final long MAX_PADDING = 1 << 16;

    private Tar() {
    }

    /** One entry header. */
    record Header(String name, char type, long size) {
    }

    /** Writes entries; {@link #finish()} writes the end-of-archive marker. */
    static final class Writer {
        private final OutputStream out;

        Writer(OutputStream out) {
            this.out = out;
        }

        void add(String name, byte[] data) throws IOException {
            begin(name, data.length);
            out.write(data);
            pad(data.length);
        }

        void begin(String name, long size) throws IOException {
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            if (n.length == 0 || n.length > 100 || size < 0 || size > MAX_SIZE) {
                throw new IOException("cannot store '" + name + "' (" + size + " bytes) in the image");
            }
            byte[] h = new byte[BLOCK];
            System.arraycopy(n, 0, h, 0, n.length);
            octal(h, 100, 8, 0644);
            octal(h, 108, 8, 0);
            octal(h, 116, 8, 0);
            octal(h, 124, 12, size);
            octal(h, 136, 12, 0);
            h[156] = '0';
            System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 6);
            h[263] = '0';
            h[264] = '0';
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            octal(h, 148, 7, checksum(h));
            h[155] = ' ';
            out.write(h);
        }

        void pad(long size) throws IOException {
            int rest = (int) (size % BLOCK);
            if (rest != 0) {
                out.write(new byte[BLOCK - rest]);
            }
        }

        void finish() throws IOException {
            out.write(new byte[2 * BLOCK]);
            out.flush();
        }

        private static void octal(byte[] h, int off, int len, long value) {
            String s = Long.toOctalString(value);
            s = "0".repeat(len - 1 - s.length()) + s;
            System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, h, off, len - 1);
            h[off + len - 1] = 0;
        }
    }

    /** Reads headers; the caller reads exactly {@code size} bytes of each entry, then calls {@link #next()}. */
    static final class Reader {
        private final InputStream in;
        private long pending; // bytes of the current entry plus its padding not yet consumed
        private long padding;
        private boolean truncated;

        Reader(InputStream in) {
            this.in = in;
        }

        /** Whether the file ended early. */
        boolean truncated() {
            return truncated;
        }

        /** The next header, or null at the end-of-archive marker. */
        Header next() throws IOException, LoadsException {
            skip(pending + padding);
            pending = 0;
            padding = 0;
            byte[] h = new byte[BLOCK];
            readFully(h);
            if (allZero(h)) {
                byte[] second = new byte[BLOCK];
                readFully(second);
                if (!allZero(second)) {
                    throw new LoadsException(Reason.NOT_AN_IMAGE, "a damaged end-of-archive marker");
                }
                // tar(1) pads the archive with zeros to its record size (10 KiB by default)
                byte[] rest = new byte[BLOCK];
                long zeros = 0;
                for (int n; (n = in.read(rest)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (rest[i] != 0) {
                            throw new LoadsException(Reason.EXTRA_ENTRY, "data after the end-of-archive marker");
                        }
                    }
                    zeros += n;
                    if (zeros > MAX_PADDING) {
                        throw new LoadsException(Reason.EXTRA_ENTRY, "more than " + MAX_PADDING
                                + " bytes after the end-of-archive marker");
                    }
                }
                return null;
            }
            long stored = parseOctal(h, 148, 8);
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            if (stored != checksum(h)) {
                throw new LoadsException(Reason.NOT_AN_IMAGE, "an entry header with a bad checksum");
            }
            String magic = new String(h, 257, 5, StandardCharsets.US_ASCII);
            if (!magic.equals("ustar")) {
                throw new LoadsException(Reason.NOT_AN_IMAGE, "not a ustar archive");
            }
            String name = string(h, 0, 100);
            String prefix = string(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            char type = h[156] == 0 ? '0' : (char) (h[156] & 0xff);
            long size = parseOctal(h, 124, 12);
            pending = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            return new Header(name, type, size);
        }

        /** The current entry's data, exactly its size; an early end of the file is {@link EOFException}. */
        InputStream data() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] b = new byte[1];
                    int n = read(b, 0, 1);
                    return n < 0 ? -1 : b[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (pending == 0) {
                        return -1;
                    }
                    int n = in.read(b, off, (int) Math.min(len, pending));
                    if (n < 0) {
                        truncated = true;
                        throw new EOFException("the image ends inside an entry");
                    }
                    pending -= n;
                    return n;
                }
            };
        }

        private void skip(long n) throws IOException {
            byte[] buf = new byte[8192];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    truncated = true;
                    throw new EOFException("the image ends inside an entry");
                }
                n -= r;
            }
        }

        private void readFully(byte[] b) throws IOException {
            int off = 0;
            while (off < b.length) {
                int r = in.read(b, off, b.length - off);
                if (r < 0) {
                    truncated = true;
                    throw new EOFException("the image ends before its end-of-archive marker");
                }
                off += r;
            }
        }
    }

    static long checksum(byte[] h) {
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        return sum;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.ISO_8859_1);
    }

    private static long parseOctal(byte[] h, int off, int len) throws LoadsException {
        String s = string(h, off, len).trim();
        if (s.isEmpty() || !s.matches("[0-7]+")) {
            throw new LoadsException(Reason.NOT_AN_IMAGE, "an entry header with a bad number field");
        }
        return Long.parseLong(s, 8);
    }
}
