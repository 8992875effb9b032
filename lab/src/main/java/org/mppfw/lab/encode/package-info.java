/**
 * The encodings of the lab's profiles, written here from their specifications on the JDK's
 * cryptography (JCE) and {@code java.util.zip}:
 * <ul>
 * <li>{@link org.mppfw.lab.encode.OpensslEnc}: the file of
 * {@code openssl enc -aes-256-cbc -k PASS}, {@code Salted__}, an 8-byte salt and AES-256-CBC
 * under OpenSSL's {@code EVP_BytesToKey} (SHA-256 as OpenSSL 1.1.0 and later, or MD5);</li>
 * <li>{@link org.mppfw.lab.encode.Aes128gcm}: RFC 8188 {@code aes128gcm} without padding;</li>
 * <li>{@link org.mppfw.lab.encode.Gzip}: one gzip member.</li>
 * </ul>
 *
 * <p>Why its own code rather than the phone's crypto bundle: the lab is a provisioning server
 * like any other, so it uses only the phone's {@code api} and what any server has. Its
 * encoders are a second, independent implementation of each format; the tests check them
 * against the real {@code openssl}, {@code gunzip}, the {@code http_ece} reference
 * implementation and RFC 8188's own example, and show that the phone's decoders read them. A
 * mistake shared by the phone's encoder and decoder could not hide behind the lab that way,
 * and the phone's bundle keeps its internals its own.
 */
package org.mppfw.lab.encode;
