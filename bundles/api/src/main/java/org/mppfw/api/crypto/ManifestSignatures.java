package org.mppfw.api.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs and verifies a firmware image's manifest. Keys are PEM files: a PKCS#8
 * {@code PRIVATE KEY} to sign (kept on the build machine), a {@code PUBLIC KEY}
 * (SubjectPublicKeyInfo) to verify. The signature is the algorithm's raw form, as
 * {@code openssl pkeyutl -sign -rawin} writes it.
 */
@ProviderType
public interface ManifestSignatures {

    /** The signature algorithm, e.g. {@code Ed25519}. */
    String algorithm();

    /**
     * Signs a manifest.
     *
     * @throws GeneralSecurityException if the file holds no usable private key of {@link #algorithm()}
     */
    byte[] sign(byte[] manifest, Path privateKeyPem) throws IOException, GeneralSecurityException;

    /**
     * Verifies a manifest's signature.
     *
     * @param publicKeyPem the PEM text of the public key
     * @throws java.security.InvalidKeyException if the PEM holds no public key of {@link #algorithm()}
     * @throws java.security.SignatureException  if the signature does not match the manifest
     */
    void verify(byte[] manifest, byte[] signature, byte[] publicKeyPem) throws GeneralSecurityException;

    /**
     * A short, stable name of a public key for logs and the shell: the first 16 hex digits of the
     * SHA-256 of its SubjectPublicKeyInfo.
     *
     * @throws java.security.InvalidKeyException if the PEM holds no public key of {@link #algorithm()}
     */
    String fingerprint(byte[] publicKeyPem) throws GeneralSecurityException;
}
