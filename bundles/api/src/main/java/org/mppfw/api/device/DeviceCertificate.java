package org.mppfw.api.device;

import java.io.IOException;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The device's client certificate, the one the phone presents in mutual TLS (on a real phone, the
 * certificate installed at manufacturing). Registered by the bundle that holds it; {@code $CCERT}
 * is {@code Installed} while it {@link #installed() is}, else {@code Not Installed}.
 *
 * @since 1.3
 */
@ProviderType
public interface DeviceCertificate {

    /** Whether the phone has a device certificate now. */
    boolean installed();

    /**
     * The key and certificate chain the phone's TLS servers present: the device certificate's
     * while it is {@link #installed()}, else the phone's own self-signed certificate (made once
     * and kept in the data dir, as a phone has one from manufacturing). Empty when the holder
     * offers none.
     *
     * @throws IOException if the key store cannot be read or written
     * @since 1.4
     */
    default Optional<ServerKeyStore> serverKeyStore() throws IOException {
        return Optional.empty();
    }
}
