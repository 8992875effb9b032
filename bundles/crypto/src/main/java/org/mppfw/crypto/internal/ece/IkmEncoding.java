package org.mppfw.crypto.internal.ece;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.mppfw.api.profile.DecodeException;

/** How the IKM string of {@code IKM_HTTP_Encrypt_Content} maps to key bytes. */
public enum IkmEncoding {
    /** The UTF-8 bytes of the string (the default). */
    UTF8,
    /** The string is base64url (RFC 4648 §5), padding optional; {@code +} and {@code /} are accepted too. */
    BASE64URL;

    /**
     * The IKM bytes; the caller wipes them after use.
     *
     * @throws DecodeException if the IKM is empty or not in this encoding (the message never
     *                         contains the IKM)
     */
    public byte[] toBytes(char[] ikm) throws DecodeException {
        if (ikm == null || ikm.length == 0) {
            throw new DecodeException("aes128gcm: the IKM is empty");
        }
        if (this == UTF8) {
            return utf8(ikm);
        }
        byte[] ascii = new byte[ikm.length];
        int n = 0;
        try {
            for (char c : ikm) {
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '=') {
                    continue;
                }
                if (c > 0x7f) {
                    throw new DecodeException("aes128gcm: the IKM is not base64url");
                }
                ascii[n++] = (byte) (c == '+' ? '-' : c == '/' ? '_' : c);
            }
            byte[] out = Base64.getUrlDecoder().decode(Arrays.copyOf(ascii, n));
            if (out.length == 0) {
                throw new DecodeException("aes128gcm: the IKM is empty");
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new DecodeException("aes128gcm: the IKM is not base64url");
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    /** UTF-8 bytes of a secret without making a String of it. */
    public static byte[] utf8(char[] secret) throws DecodeException {
        try {
            ByteBuffer bb = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(secret));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            if (bb.hasArray()) {
                Arrays.fill(bb.array(), (byte) 0);
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new DecodeException("the secret is not valid Unicode text");
        }
    }
}
