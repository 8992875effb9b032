package org.mppfw.api.crypto;

/**
 * The digest of OpenSSL's {@code EVP_BytesToKey} key derivation for {@code openssl enc -k}:
 * SHA-256 is the default of OpenSSL 1.1.0 and later, MD5 that of older releases ({@code -md md5}).
 */
public enum KdfDigest {
    SHA256("SHA-256"),
    MD5("MD5");

    private final String jcaName;

    KdfDigest(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The JCA name of the digest. */
    public String jcaName() {
        return jcaName;
    }
}
