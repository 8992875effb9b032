package org.mppfw.lab.encode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.crypto.internal.ProfileDecoding;
import org.mppfw.crypto.internal.ece.IkmEncoding;

/** The phone's own decode pipeline (its crypto bundle, a test dependency only). */
final class Phone {

    static final long MAX_BYTES = 16L * 1024 * 1024;

    private Phone() {
    }

    /** What the phone reads from a body; {@code how} receives the pipeline's description. */
    static byte[] decode(byte[] body, String contentEncoding, String aesKey, String ikm, StringBuilder how)
            throws IOException {
        DecodeOptions options = new DecodeOptions(contentEncoding, aesKey == null ? null : aesKey.toCharArray(),
                ikm == null ? null : ikm.toCharArray(), MAX_BYTES);
        ProfileDecoding.Decoded d = ProfileDecoding.open(new ByteArrayInputStream(body), options, IkmEncoding.UTF8,
                MAX_BYTES);
        how.append(d.description());
        try (InputStream in = d.stream()) {
            return in.readAllBytes();
        }
    }

    /** A profile-like XML document of about {@code size} bytes (the phone checks what it decrypts looks like one). */
    static byte[] profile(int size) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<device>\n<flat-profile>\n");
        for (int i = 0; b.length() < size - 40; i++) {
            b.append("  <GPP_A>value ").append(i).append("</GPP_A>\n");
        }
        b.append("</flat-profile>\n</device>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
