package org.mppfw.crypto.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

import org.mppfw.api.profile.DecodeException;
import org.mppfw.api.profile.DecodeOptions;
import org.mppfw.crypto.internal.ece.Aes128gcmInputStream;
import org.mppfw.crypto.internal.ece.IkmEncoding;
import org.mppfw.crypto.internal.gzip.Gunzip;
import org.mppfw.crypto.internal.openssl.CbcInputStream;
import org.mppfw.crypto.internal.openssl.OpensslCbc;

/**
 * The decode pipeline of a downloaded profile (reference order): {@code Content-Encoding:
 * aes128gcm} with an IKM set gives RFC 8188; otherwise a {@code --key} gives AES-256-CBC;
 * otherwise the bytes are taken as they are. Then gzip is inflated when its magic is there, and
 * the decoded size is bounded.
 */
public final class ProfileDecoding {

    private ProfileDecoding() {
    }

    /** The decoded stream and a one-line description of how it was decoded (no secrets). */
    public record Decoded(InputStream stream, String description) {
    }

    /**
     * Opens the pipeline; headers are read now, the rest as the caller reads.
     *
     * @param maxBytes the limit used when the options give none (0 or less)
     */
    public static Decoded open(InputStream raw, DecodeOptions options, IkmEncoding ikmEncoding, long maxBytes)
            throws IOException {
        long limit = options.maxBytes() > 0 ? options.maxBytes() : maxBytes;
        boolean gcm = isAes128gcm(options.contentEncoding());
        InputStream plain;
        String how;
        if (gcm && options.ikm() != null && options.ikm().length > 0) {
            byte[] ikm = ikmEncoding.toBytes(options.ikm());
            try {
                Aes128gcmInputStream s = new Aes128gcmInputStream(raw, ikm);
                plain = s;
                how = "aes128gcm (rs " + s.recordSize() + (s.keyId().isEmpty() ? "" : ", keyid '" + printable(s.keyId()) + "'")
                        + ", IKM as " + ikmEncoding + ")";
            } finally {
                Arrays.fill(ikm, (byte) 0);
            }
        } else if (options.aesKey() != null && options.aesKey().length > 0) {
            byte[] pass = IkmEncoding.utf8(options.aesKey());
            try {
                CbcInputStream s = OpensslCbc.decrypt(raw, pass);
                plain = s;
                how = "AES-256-CBC (EVP_BytesToKey " + (s.digest() == org.mppfw.api.crypto.KdfDigest.MD5
                        ? "MD5, as OpenSSL before 1.1 / -md md5" : "SHA-256, as OpenSSL 1.1 and later") + ")";
            } finally {
                Arrays.fill(pass, (byte) 0);
            }
        } else if (gcm) {
            throw new DecodeException("the server sent Content-Encoding: aes128gcm but IKM_HTTP_Encrypt_Content is empty");
        } else {
            plain = raw;
            how = "plain";
        }
        Gunzip.Opened opened = Gunzip.open(plain, limit);
        return new Decoded(opened.stream(), opened.gzip() ? how + " + gzip" : how);
    }

    /** Whether a Content-Encoding header names {@code aes128gcm} (case-insensitive, in a list too). */
    static boolean isAes128gcm(String contentEncoding) {
        if (contentEncoding == null) {
            return false;
        }
        for (String token : contentEncoding.split(",")) {
            if (token.trim().toLowerCase(Locale.ROOT).equals("aes128gcm")) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
