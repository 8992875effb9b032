/**
 * Firmware manifest signatures: Ed25519 (RFC 8032) with Bouncy Castle's lightweight API, keys
 * in standard PEM files (RFC 8410: PKCS#8 {@code PRIVATE KEY}, SubjectPublicKeyInfo
 * {@code PUBLIC KEY}), as {@code openssl genpkey -algorithm ed25519} writes them.
 *
 * <p>Why Ed25519 rather than ECDSA P-256: its signatures are deterministic (no per-signature
 * random nonce whose reuse or bias leaks the key; the same image signed twice gives the same
 * bytes, which keeps builds reproducible), it has one encoding (64 raw bytes; ECDSA has DER and
 * raw r|s forms and a hash to choose), it is not malleable, and verification is fast on a
 * phone's CPU. OpenSSL, Bouncy Castle and the JDK all read the same PEM files, so a build
 * server, an HSM-less signing box and the phone agree.
 *
 * <p>The lightweight API needs no JCA provider registration, so nothing global changes in the
 * framework; only the {@code bcprov} bundle is needed at run time.
 */
package org.mppfw.crypto.internal.sign;
