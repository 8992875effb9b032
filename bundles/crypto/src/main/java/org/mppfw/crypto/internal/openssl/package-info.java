/**
 * The file format of {@code openssl enc -aes-256-cbc -k <secret>}: {@code Salted__}, an 8-byte
 * salt, then AES-256-CBC with PKCS#7 padding under a key and IV from OpenSSL's
 * {@code EVP_BytesToKey} (one iteration, SHA-256 since OpenSSL 1.1.0, MD5 before).
 *
 * <p>The cipher and the digests are the JDK's (JCA, hardware AES where the CPU has it); only the
 * container and the twenty-line key derivation are written here, because no library on the
 * phone reads this container: the JDK has none, and Bouncy Castle's
 * {@code OpenSSLPBEParametersGenerator} is MD5-only in its usual form and has no stream reader.
 * The derivation is checked against {@code openssl enc -P} and files made by the real
 * {@code openssl} in the tests.
 *
 * <p>Which digest a file used is not written in it. The decoder decrypts the first 4 KiB with
 * both keys and keeps the one whose plaintext starts like a profile (XML with an optional BOM
 * and white space, or the gzip magic); a file that ends within those 4 KiB is decided by its
 * PKCS#7 padding first. Every wrong key gives the same error, whatever failed.
 */
package org.mppfw.crypto.internal.openssl;
