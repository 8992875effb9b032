package org.mppfw.api.crypto;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encrypts an upload (a report, a lab server's profile) in the two formats a server and the
 * phone share. Each method returns a stream that encrypts what is written to it into
 * {@code sink}; closing it writes the last block or record and closes {@code sink}. Secrets are
 * only read, never kept: the caller may wipe its array once the method returned.
 */
@ProviderType
public interface ContentEncryptor {

    /** The record size used when a caller gives 0. */
    int DEFAULT_RECORD_SIZE = 4096;

    /**
     * The format of {@code openssl enc -aes-256-cbc -k <key> [-md sha256|md5]}: {@code Salted__},
     * a random 8-byte salt, AES-256-CBC with PKCS#7 padding; {@code openssl enc -d} reads it.
     *
     * @param key    the passphrase (its UTF-8 bytes are used, as {@code openssl -k} does)
     * @param digest the {@code EVP_BytesToKey} digest
     */
    OutputStream encryptCbc(OutputStream sink, char[] key, KdfDigest digest) throws IOException;

    /**
     * RFC 8188 {@code aes128gcm} with a random salt. The IKM string is mapped to bytes the way
     * the provider is configured for {@code IKM_HTTP_Encrypt_Content}.
     *
     * @param keyId      the header's key id (at most 255 UTF-8 bytes), empty for none
     * @param recordSize the record size {@code rs} (at least 18), or 0 for {@link #DEFAULT_RECORD_SIZE}
     */
    OutputStream encryptAes128gcm(OutputStream sink, char[] ikm, String keyId, int recordSize) throws IOException;
}
