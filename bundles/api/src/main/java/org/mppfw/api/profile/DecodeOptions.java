package org.mppfw.api.profile;

import java.util.Optional;

/**
 * How to decode a downloaded profile or image.
 *
 * @param contentEncoding the response's {@code Content-Encoding} ({@code aes128gcm}), or null
 * @param aesKey          the rule's {@code --key} secret for AES-256-CBC, or null
 * @param ikm             the RFC 8188 input keying material ({@code IKM_HTTP_Encrypt_Content}), or null
 * @param maxBytes        the largest decoded size accepted (a zip bomb ends in a clear error)
 */
public record DecodeOptions(String contentEncoding, char[] aesKey, char[] ikm, long maxBytes) {

    public Optional<String> encoding() {
        return Optional.ofNullable(contentEncoding);
    }

    @Override
    public String toString() {
        return "DecodeOptions[encoding=" + contentEncoding + ", key=" + (aesKey == null ? "none" : "set")
                + ", ikm=" + (ikm == null ? "none" : "set") + ", maxBytes=" + maxBytes + "]";
    }
}
