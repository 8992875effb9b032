/**
 * RFC 8188 {@code aes128gcm} content encoding: the header ({@code salt | rs | idlen | keyid}),
 * HKDF-SHA256 key and nonce derivation, and records of at most {@code rs} bytes, each
 * AES-128-GCM with its own nonce, a delimiter ({@code 1}, or {@code 2} in the last record) and
 * optional zero padding.
 *
 * <p>AES-GCM and HMAC-SHA256 are the JDK's; the record framing and HKDF (RFC 5869, a few lines
 * over the JDK's HMAC, which has no HKDF before Java 24) are written here because neither the
 * JDK nor Bouncy Castle implements RFC 8188. Both are checked bit for bit against the RFC's own
 * examples and against the {@code http_ece} reference implementation in the tests.
 *
 * <p>The IKM comes from the parameter {@code IKM_HTTP_Encrypt_Content}, a string. How Cisco maps
 * it to bytes is not documented; mppfw takes the UTF-8 bytes of the string by default
 * ({@link org.mppfw.crypto.internal.ece.IkmEncoding#UTF8}), so that any string an operator types
 * works unchanged and the same text given to a server tool as a passphrase matches. The other
 * plausible reading, base64url as in RFC 8188's own examples
 * ({@link org.mppfw.crypto.internal.ece.IkmEncoding#BASE64URL}), is a configuration option of
 * the codec component. Note that common server tools ({@code http_ece} for node and Python) take
 * an IKM of exactly 16 bytes: with the default, such a server is given the same 16-character
 * string; with {@code BASE64URL}, the 22-character base64url form of its 16 bytes.
 *
 * <p>Streaming: one record is held at a time; a record longer than 16 MiB is refused.
 */
package org.mppfw.crypto.internal.ece;
