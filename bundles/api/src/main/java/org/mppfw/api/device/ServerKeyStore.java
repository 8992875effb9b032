package org.mppfw.api.device;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The key and certificate chain a TLS server of the phone presents (its web server), as a PKCS#12
 * key store file that only the phone's user may read, protected by a random password made for
 * this run of the phone. The password is handed to the server only: never log it, never print it.
 * {@link #toString()} names the file alone.
 *
 * @since 1.4
 */
public final class ServerKeyStore {

    private final Path file;
    private final char[] password;
    private final boolean deviceCertificate;
    private final String sha256;

    /**
     * @param file              the PKCS#12 file (the key, under the same password, and its chain)
     * @param password          its password (copied)
     * @param deviceCertificate whether it holds the device certificate; false: the phone's self-signed one
     * @param sha256            the SHA-256 fingerprint of the certificate presented, lower-case hex
     */
    public ServerKeyStore(Path file, char[] password, boolean deviceCertificate, String sha256) {
        this.file = Objects.requireNonNull(file, "file");
        this.password = password.clone();
        this.deviceCertificate = deviceCertificate;
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
    }

    /** The PKCS#12 file. */
    public Path file() {
        return file;
    }

    /** A copy of the password of the file and of its key. */
    public char[] password() {
        return password.clone();
    }

    /** Whether the certificate is the device certificate; false: the phone's self-signed certificate. */
    public boolean deviceCertificate() {
        return deviceCertificate;
    }

    /** The SHA-256 fingerprint of the certificate presented, lower-case hex without separators. */
    public String sha256() {
        return sha256;
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
