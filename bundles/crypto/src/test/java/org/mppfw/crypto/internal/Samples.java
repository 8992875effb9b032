package org.mppfw.crypto.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Test data: flat profiles of a given size, gzip, digests of streams. */
public final class Samples {

    private Samples() {
    }

    /** A {@code <flat-profile>} document of exactly {@code size} bytes (at least 32). */
    public static byte[] profile(int size) {
        String head = "<flat-profile>\n";
        String tail = "</flat-profile>\n";
        StringBuilder b = new StringBuilder(size + 64).append(head);
        int i = 0;
        while (b.length() + tail.length() < size) {
            b.append("  <GPP_A ua=\"na\">value-").append(i++).append("</GPP_A>\n");
        }
        b.setLength(Math.max(head.length(), size - tail.length()));
        b.append(tail);
        byte[] out = b.toString().getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.copyOf(out, size);
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** SHA-256 hex of everything a stream gives (the stream is read in 64 KiB chunks, not kept). */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest md = sha();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) >= 0;) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(byte[] data) {
        return HexFormat.of().formatHex(sha().digest(data));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
